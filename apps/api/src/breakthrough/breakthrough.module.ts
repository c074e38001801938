import { Module } from '@nestjs/common';
import { BreakthroughController } from './breakthrough.controller';
import { BreakthroughService } from './breakthrough.service';

@Module({ controllers: [BreakthroughController], providers: [BreakthroughService] })
export class BreakthroughModule {}

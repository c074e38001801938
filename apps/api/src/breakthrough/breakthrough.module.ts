import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { BreakthroughController } from './breakthrough.controller';
import { BreakthroughService } from './breakthrough.service';

@Module({ imports: [AccessModule], controllers: [BreakthroughController], providers: [BreakthroughService] })
export class BreakthroughModule {}

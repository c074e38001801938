import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({ imports: [AccessModule], controllers: [ProgrammesController], providers: [ProgrammesService] })
export class ProgrammesModule {}

import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({ imports: [SupervisionModule], controllers: [ProgrammesController], providers: [ProgrammesService] })
export class ProgrammesModule {}

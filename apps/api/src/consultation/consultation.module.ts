import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { ConsultationController } from './consultation.controller';
import { ConsultationService } from './consultation.service';

/** Drafts and consultation rounds (dự thảo, lấy ý kiến), for reading; they change through programme actions. */
@Module({
  imports: [AccessModule],
  controllers: [ConsultationController],
  providers: [ConsultationService],
})
export class ConsultationModule {}

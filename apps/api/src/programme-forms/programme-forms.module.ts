import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { IssuanceImportController } from './issuance-import.controller';
import { IssuanceImportService } from './issuance-import.service';
import { ReviewFormController } from './review-form.controller';
import { ReviewFormService } from './review-form.service';

/** Forms of a programme's lifecycle: issuance from a spreadsheet, and each unit's review report form. */
@Module({
  imports: [AccessModule],
  controllers: [IssuanceImportController, ReviewFormController],
  providers: [IssuanceImportService, ReviewFormService],
})
export class ProgrammeFormsModule {}

import { Module } from '@nestjs/common';
import { AccessModule } from '../../access';
import { OrganisationModule } from '../organisation.module';
import { RowWriter } from './import-row-writer';
import { OrganisationImportController } from './organisation-import.controller';
import { OrganisationImportService } from './organisation-import.service';

/** Units, people and positions imported from a spreadsheet, through the organisation's own services. */
@Module({
  imports: [AccessModule, OrganisationModule],
  controllers: [OrganisationImportController],
  providers: [OrganisationImportService, RowWriter],
})
export class OrganisationImportModule {}

import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AuthModule } from '../auth/auth.module';
import { AccountAdminService } from './account-admin.service';
import { PeopleAdminService } from './people-admin.service';
import { UnitAdminService } from './unit-admin.service';

/**
 * The organisation as administered data: units, people, positions and accounts. The write services
 * take an EntityManager so other modules (the spreadsheet import) apply many rows through the same
 * rules inside one transaction.
 */
@Module({
  imports: [AccessModule, AuthModule],
  providers: [UnitAdminService, PeopleAdminService, AccountAdminService],
  exports: [UnitAdminService, PeopleAdminService, AccountAdminService],
})
export class OrganisationModule {}

import { Module } from '@nestjs/common';
import { AccessModule } from '../access';
import { AuthModule } from '../auth/auth.module';
import { AccountAdminService } from './account-admin.service';
import { AccountsAdminController } from './accounts-admin.controller';
import { OrganisationQueryService } from './organisation-query.service';
import { OrganisationController } from './organisation.controller';
import { PeopleAdminService } from './people-admin.service';
import { PositionClock } from './position-clock';
import { UnitAdminService } from './unit-admin.service';

/**
 * The organisation as administered data: units, people, positions and accounts. The write services
 * take an EntityManager so other modules (the spreadsheet import) apply many rows through the same
 * rules inside one transaction.
 */
@Module({
  imports: [AccessModule, AuthModule],
  controllers: [OrganisationController, AccountsAdminController],
  providers: [UnitAdminService, PeopleAdminService, AccountAdminService, OrganisationQueryService, PositionClock],
  exports: [UnitAdminService, PeopleAdminService, AccountAdminService],
})
export class OrganisationModule {}

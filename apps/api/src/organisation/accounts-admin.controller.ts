import { Body, Controller, HttpCode, Param, Post, UseFilters, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ADMIN_ROLE_NEEDED, AdminRoleGuard } from '../auth/admin-role.guard';
import { PasswordResetResponse } from '../auth/dto/auth.response';
import { PasswordResetDto } from '../auth/login.dto';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RetryAfterFilter } from '../auth/retry-later';
import { ApiErrors, ApiRetryLater } from '../openapi/error.response';
import { AccountAdminService } from './account-admin.service';
import { CreateAccountDto } from './dto/organisation.dto';
import { AccountCreatedResponse, AccountStateResponse, AccountUnlockedResponse } from './dto/organisation.response';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors({
  403: `${ADMIN_ROLE_NEEDED}; a provincial admin is refused (naming them) a person outside their province`,
  404: 'no such person',
})
@Controller('admin/accounts')
@UseGuards(AdminRoleGuard)
@UseFilters(RetryAfterFilter)
export class AccountsAdminController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountAdminService,
  ) {}

  @Post(':personId')
  @ApiOperation({
    summary:
      'Create the account of a person: a unique username and a temporary password (given, or generated and shown once) to change at first login',
  })
  @ApiCreatedResponse({ type: AccountCreatedResponse })
  @ApiErrors({
    400: 'The body does not pass validation, or the temporary password breaks the policy (every reason listed)',
    409: 'the person has an account already, or the username is taken (naming its holder)',
  })
  @ApiRetryLater({ 503: 'the server is busy hashing passwords: try again shortly' })
  create(@Param('personId') personId: string, @Body() dto: CreateAccountDto, @CurrentPrincipal() p: Principal) {
    // A null temporary password (the document allows it) means none given, as an absent one does.
    const input = { username: dto.username, temporaryPassword: dto.temporaryPassword ?? undefined };
    return this.db.transaction((em) => this.accounts.createAccount(em, p, personId, input));
  }

  @Post(':personId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: every session ends at once (access and refresh tokens stop working)' })
  @ApiOkResponse({ type: AccountStateResponse })
  @ApiErrors({ 409: 'the person has no account' })
  disable(@Param('personId') personId: string, @CurrentPrincipal() p: Principal) {
    return this.db.transaction((em) => this.accounts.setActive(em, p, personId, false));
  }

  @Post(':personId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @ApiOkResponse({ type: AccountStateResponse })
  @ApiErrors({ 409: 'the person has no account' })
  enable(@Param('personId') personId: string, @CurrentPrincipal() p: Principal) {
    return this.db.transaction((em) => this.accounts.setActive(em, p, personId, true));
  }

  @Post(':personId/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: "Clear the login throttle of the person's username (after too many failed logins)" })
  @ApiOkResponse({ type: AccountUnlockedResponse })
  @ApiErrors({ 409: 'the person has no account' })
  @ApiRetryLater({ 503: 'the login throttle is unavailable for a moment: try again shortly' })
  unlock(@Param('personId') personId: string, @CurrentPrincipal() p: Principal) {
    return this.accounts.unlock(this.db.manager, p, personId);
  }

  @Post(':personId/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Reset a person's password to a temporary one (given, or generated and shown once): their sessions end and they must choose a new password at next login",
  })
  @ApiBody({ type: PasswordResetDto, required: false, description: 'none: a temporary password is generated' })
  @ApiOkResponse({ type: PasswordResetResponse })
  @ApiErrors({
    400: 'The request does not pass validation, or the given temporary password breaks the policy (every reason listed)',
    409: 'the person has no account',
  })
  @ApiRetryLater({ 503: 'the server is busy hashing passwords: try again shortly' })
  reset(@Param('personId') personId: string, @Body() dto: PasswordResetDto, @CurrentPrincipal() p: Principal) {
    // null, which the validators let through for an optional field, means "generate one" like absence.
    return this.accounts.resetPassword(p, personId, dto.temporaryPassword ?? undefined);
  }
}

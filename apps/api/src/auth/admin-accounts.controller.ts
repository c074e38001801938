import { Body, Controller, HttpCode, Param, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiRetryLater } from '../openapi/error.response';
import { AdminRoleGuard } from './admin-role.guard';
import { PasswordResetResponse } from './dto/auth.response';
import { PasswordResetDto } from './login.dto';
import { PasswordService } from './password.service';
import { RetryAfterFilter } from './retry-later';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts')
@UseGuards(AdminRoleGuard)
@UseFilters(RetryAfterFilter)
export class AdminAccountsController {
  constructor(private readonly passwords: PasswordService) {}

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
    403: 'this needs the ADMIN role',
    404: 'no such person',
  })
  @ApiRetryLater({ 503: 'the server is busy hashing passwords: try again shortly' })
  reset(@Param('personId') personId: string, @Body() dto: PasswordResetDto) {
    // null, which the validators let through for an optional field, means "generate one" like absence.
    return this.passwords.reset(personId, dto.temporaryPassword ?? undefined);
  }
}

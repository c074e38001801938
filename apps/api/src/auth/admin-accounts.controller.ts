import { Body, Controller, HttpCode, Param, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoleGuard } from './admin-role.guard';
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
  reset(@Param('personId') personId: string, @Body() dto: PasswordResetDto) {
    return this.passwords.reset(personId, dto.temporaryPassword);
  }
}

import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminRoleGuard } from '../admin-role.guard';
import { CurrentPrincipal, Principal } from '../principal';
import { SessionStore } from '../session.store';
import { LinkIdentityDto } from './identity.dto';
import { PersonIdentities } from './person-identities';
import { RelyingParty } from './relying-party';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('admin/accounts/:personId/identities')
@UseGuards(AdminRoleGuard)
export class AdminIdentitiesController {
  constructor(
    private readonly identities: PersonIdentities,
    private readonly party: RelyingParty,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "A person's single sign-on accounts (issuer and subject)" })
  list(@Param('personId') personId: string) {
    return this.identities.list(personId);
  }

  @Post()
  @ApiOperation({
    summary:
      'Link a single sign-on account (subject, issuer by default the configured one) to a person: 201, or 200 if already theirs; 409 if it is linked to someone else',
  })
  async link(
    @Param('personId') personId: string,
    @Body() dto: LinkIdentityDto,
    @CurrentPrincipal() admin: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const issuer = dto.issuer ?? this.party.settings?.issuer;
    if (issuer === undefined)
      throw new BadRequestException('issuer is required while single sign-on is off (OIDC_ISSUER is empty)');
    const { created, identity } = await this.identities.link(personId, issuer, dto.subject, admin.personId);
    res.status(created ? 201 : 200);
    return identity;
  }

  @Delete(':identityId')
  @ApiOperation({
    summary:
      "Unlink a single sign-on account from a person: the person's sessions end, since any of them may have come through it",
  })
  async unlink(@Param('personId') personId: string, @Param('identityId', new ParseUUIDPipe()) identityId: string) {
    if (!(await this.identities.unlink(personId, identityId)))
      throw new NotFoundException(`person ${personId} has no linked account ${identityId}`);
    const sessionsEnded = await this.sessions.revokeAll(personId, 'single sign-on account unlinked');
    return { personId, identityId, unlinked: true, sessionsEnded };
  }
}

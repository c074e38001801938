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
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../../openapi/error.response';
import { SystemAdminGuard } from '../admin-role.guard';
import { CurrentPrincipal, Principal } from '../principal';
import { SessionStore } from '../session.store';
import { LinkIdentityDto } from './identity.dto';
import { LinkedIdentityResponse, UnlinkedIdentityResponse } from './oidc.response';
import { PersonIdentities } from './person-identities';
import { RelyingParty } from './relying-party';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors({ 403: 'this needs the SYSTEM_ADMIN role', 404: 'no such person' })
@Controller('admin/accounts/:personId/identities')
@UseGuards(SystemAdminGuard)
export class AdminIdentitiesController {
  constructor(
    private readonly identities: PersonIdentities,
    private readonly party: RelyingParty,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "A person's single sign-on accounts (issuer and subject)" })
  @ApiOkResponse({ type: LinkedIdentityResponse, isArray: true })
  list(@Param('personId') personId: string) {
    return this.identities.list(personId);
  }

  @Post()
  @ApiOperation({
    summary:
      'Link a single sign-on account (subject, issuer by default the configured one) to a person: 201, or 200 if already theirs; 409 if it is linked to someone else',
  })
  @ApiCreatedResponse({ type: LinkedIdentityResponse, description: 'linked' })
  @ApiOkResponse({ type: LinkedIdentityResponse, description: 'it was linked to this person already' })
  @ApiErrors({
    400: 'The request does not pass validation, or it names no issuer while single sign-on is off',
    409: 'the account is linked to another person (unlink it there first)',
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
  @ApiParam({ name: 'identityId', format: 'uuid' })
  @ApiOkResponse({ type: UnlinkedIdentityResponse })
  @ApiErrors({ 404: 'no such person, or the person has no such linked account' })
  async unlink(@Param('personId') personId: string, @Param('identityId', new ParseUUIDPipe()) identityId: string) {
    if (!(await this.identities.unlink(personId, identityId)))
      throw new NotFoundException(`person ${personId} has no linked account ${identityId}`);
    const sessionsEnded = await this.sessions.revokeAll(personId, 'single sign-on account unlinked');
    return { personId, identityId, unlinked: true, sessionsEnded };
  }
}

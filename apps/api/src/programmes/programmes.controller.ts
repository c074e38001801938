import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiActionPaths } from '../openapi/action-paths';
import { ApiErrors } from '../openapi/error.response';
import { ACTION_PAYLOADS } from './dto/action-payloads';
import { CreateProgrammeDto, ProgrammeReadersDto } from './dto/create-programme.dto';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { ProgrammeAuditQuery } from './dto/programme-audit.query';
import { ProgrammeActionDto } from './dto/programme-action.dto';
import {
  AuditTrailResponse,
  ProgrammeActionResultResponse,
  ProgrammeCreatedResponse,
  ProgrammeDetailResponse,
  ProgrammeListResponse,
  ProgrammeReadersResponse,
} from './dto/programme.response';
import { ProgrammeReadsService } from './programme-reads.service';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly reads: ProgrammeReadsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a programme from a template (starts its workflow)' })
  @ApiCreatedResponse({ type: ProgrammeCreatedResponse })
  @ApiErrors({
    400: 'The request does not pass validation, or names an unknown template, issuing unit or member in charge, or a unit without a head',
    403: 'only the head, the Standing Committee or advisory staff of the issuing committee (or an admin) create its programmes',
    409: 'a programme with this id exists already',
  })
  create(@Body() dto: CreateProgrammeDto, @CurrentPrincipal() p: Principal) {
    return this.programmes.create(dto, p);
  }

  @Get()
  @ApiOperation({
    summary:
      'List and filter programmes (read model): those of the committees above you and of the units you supervise',
  })
  @ApiOkResponse({ type: ProgrammeListResponse })
  list(@Query() q: ListProgrammesQuery, @CurrentPrincipal() p: Principal) {
    return this.reads.list(q, p);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One programme: read model plus live workflow state' })
  @ApiOkResponse({ type: ProgrammeDetailResponse })
  @ApiErrors({ 404: 'no such programme among those you may read' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.reads.get(id, p);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: "The programme's audit trail" })
  @ApiOkResponse({ type: AuditTrailResponse })
  @ApiErrors({ 404: 'no such programme among those you may read' })
  audit(@Param('id') id: string, @Query() q: ProgrammeAuditQuery, @CurrentPrincipal() p: Principal) {
    return this.reads.auditTrail(id, p, q);
  }

  @Put(':id/readers')
  @ApiOperation({ summary: 'Name who reads a restricted programme besides its leaders (its leaders only); audited' })
  @ApiOkResponse({ type: ProgrammeReadersResponse })
  @ApiErrors({
    400: "The request does not pass validation, or names someone outside the issuing committee's tree",
    403: "only the issuing committee's leaders name the readers",
    404: 'no such programme among those you may read',
    409: 'the programme is not restricted',
  })
  setReaders(@Param('id') id: string, @Body() dto: ProgrammeReadersDto, @CurrentPrincipal() p: Principal) {
    return this.reads.setReaders(id, dto.readerIds, p);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiActionPaths('action', ACTION_PAYLOADS, { closed: true })
  @ApiOperation({
    summary: 'A staff action on the programme; refused with 403 (wrong person), 409 (wrong phase) or 400 (bad data)',
  })
  @ApiOkResponse({ type: ProgrammeActionResultResponse, description: 'where the programme stands after the action' })
  @ApiErrors({
    400: 'The payload has the wrong shape for the action (each problem listed), or the workflow finds the data invalid',
    403: 'the action is not yours to take (wrong person or role)',
    404: 'no such programme',
    409: 'the programme is in another phase, or has finished (closed, cancelled, superseded)',
  })
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() dto: ProgrammeActionDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.programmes.act(id, action, dto, p);
  }
}

import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ADMIN_ROLE_NEEDED, AdminRoleGuard } from '../auth/admin-role.guard';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import {
  CreatePersonDto,
  CreatePositionDto,
  CreateUnitDto,
  EndPositionDto,
  ListPeopleQuery,
  ListPositionsQuery,
  ListUnitsQuery,
  UpdatePersonDto,
  UpdateUnitDto,
} from './dto/organisation.dto';
import {
  PersonDetailResponse,
  PersonPageResponse,
  PersonResponse,
  PositionListResponse,
  PositionResponse,
  UnitDetailResponse,
  UnitKindListResponse,
  UnitPageResponse,
  UnitResponse,
} from './dto/organisation.response';
import { OrganisationQueryService } from './organisation-query.service';
import { PeopleAdminService } from './people-admin.service';
import { UnitAdminService } from './unit-admin.service';

/** The request as the audit reads it: a handler ties an administration act to the unit it concerns. */
type AuditTied = { auditUnitId?: string };

const OUTSIDE = `${ADMIN_ROLE_NEEDED}; a provincial admin is refused (naming it) a unit or person outside their province`;

@ApiTags('admin: organisation')
@ApiBearerAuth()
@ApiErrors({ 403: OUTSIDE })
@UseGuards(AdminRoleGuard)
@Controller('admin')
export class OrganisationController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly query: OrganisationQueryService,
    private readonly units: UnitAdminService,
    private readonly people: PeopleAdminService,
  ) {}

  @Get('unit-kinds')
  @ApiOperation({
    summary: 'The kinds of unit, with Vietnamese labels, whether each is a committee and its allowed parents',
  })
  @ApiOkResponse({ type: UnitKindListResponse })
  unitKinds() {
    return this.query.unitKinds();
  }

  @Get('units')
  @ApiOperation({
    summary: 'The unit tree the caller administers, depth first, paged (by default only units still valid)',
  })
  @ApiOkResponse({ type: UnitPageResponse })
  @ApiErrors({ 400: 'The query does not pass validation, or names an unknown province' })
  listUnits(@Query() q: ListUnitsQuery, @CurrentPrincipal() p: Principal) {
    return this.query.units(p, q);
  }

  @Get('units/:id')
  @ApiOperation({ summary: 'A unit with its children and the positions held there today' })
  @ApiOkResponse({ type: UnitDetailResponse })
  @ApiErrors({ 404: 'no such unit' })
  getUnit(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.query.unit(p, id);
  }

  @Post('units')
  @ApiOperation({ summary: 'Create a unit (its code is unique: the same code again is 409 naming the unit)' })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiErrors({
    400: 'The body does not pass validation, or the unit breaks a rule (parent kind, dates, cycle): every problem listed',
    409: 'the code (or id) is taken: the message names the unit',
  })
  async createUnit(@Body() dto: CreateUnitDto, @CurrentPrincipal() p: Principal, @Req() req: AuditTied) {
    const unit = await this.db.transaction((em) => this.units.createUnit(em, p, dto));
    req.auditUnitId = unit.id;
    return unit;
  }

  @Patch('units/:id')
  @ApiOperation({
    summary: "Change a unit's name, code, kind, parent or validity (a parent making a cycle is 400 naming it)",
  })
  @ApiOkResponse({ type: UnitResponse })
  @ApiErrors({
    400: 'The body does not pass validation, or the change breaks a rule (parent kind or dates, cycle, children or positions outside the new dates)',
    404: 'no such unit',
    409: 'the new code is taken: the message names the unit',
  })
  async updateUnit(
    @Param('id') id: string,
    @Body() dto: UpdateUnitDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: AuditTied,
  ) {
    req.auditUnitId = id;
    return this.db.transaction((em) => this.units.updateUnit(em, p, id, dto));
  }

  @Get('people')
  @ApiOperation({
    summary: 'People of the units the caller administers, by name, paged; q searches name, username and id',
  })
  @ApiOkResponse({ type: PersonPageResponse })
  @ApiErrors({ 400: 'The query does not pass validation, or names an unknown unit' })
  listPeople(@Query() q: ListPeopleQuery, @CurrentPrincipal() p: Principal) {
    return this.query.people(p, q);
  }

  @Get('people/:id')
  @ApiOperation({ summary: 'A person with every position they held' })
  @ApiOkResponse({ type: PersonDetailResponse })
  @ApiErrors({ 404: 'no such person' })
  getPerson(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.query.person(p, id);
  }

  @Post('people')
  @ApiOperation({ summary: 'Create a person (no account yet) in a unit; a given id that exists is 409' })
  @ApiCreatedResponse({ type: PersonResponse })
  @ApiErrors({ 400: 'The body does not pass validation, or names an unknown unit', 409: 'the id is taken' })
  async createPerson(@Body() dto: CreatePersonDto, @CurrentPrincipal() p: Principal, @Req() req: AuditTied) {
    req.auditUnitId = dto.unitId;
    return this.db.transaction((em) => this.people.createPerson(em, p, dto));
  }

  @Patch('people/:id')
  @ApiOperation({ summary: "Change a person's name, e-mail or language" })
  @ApiOkResponse({ type: PersonResponse })
  @ApiErrors({ 400: 'The body does not pass validation', 404: 'no such person' })
  async updatePerson(
    @Param('id') id: string,
    @Body() dto: UpdatePersonDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: AuditTied,
  ) {
    const person = await this.db.transaction((em) => this.people.updatePerson(em, p, id, dto));
    req.auditUnitId = person.unitId;
    return person;
  }

  @Get('positions')
  @ApiOperation({ summary: 'The positions of a person or in a unit (latest first)' })
  @ApiOkResponse({ type: PositionListResponse })
  @ApiErrors({ 400: 'neither personId nor unitId, or an unknown one' })
  listPositions(@Query() q: ListPositionsQuery, @CurrentPrincipal() p: Principal) {
    return this.query.positions(p, q);
  }

  @Post('positions')
  @ApiOperation({
    summary:
      'Give a person a position in a unit; their current unit, roles and fields follow their positions (a change of unit or roles ends their sessions)',
  })
  @ApiCreatedResponse({ type: PositionResponse })
  @ApiErrors({
    400: 'The body does not pass validation, an unknown person or unit, dates outside the unit, or the seat is held on overlapping dates (naming the holder)',
  })
  async createPosition(@Body() dto: CreatePositionDto, @CurrentPrincipal() p: Principal, @Req() req: AuditTied) {
    req.auditUnitId = dto.unitId;
    return this.db.transaction((em) => this.people.createPosition(em, p, dto));
  }

  @Post('positions/:id/end')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a position on a day (inclusive) for a reason; the same end again answers it unchanged',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PositionResponse })
  @ApiErrors({
    400: 'The request does not pass validation (the id is a UUID), or the end is before the start',
    404: 'no such position',
    409: 'the position ended already on another day',
  })
  async endPosition(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: EndPositionDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: AuditTied,
  ) {
    const position = await this.db.transaction((em) => this.people.endPosition(em, p, id, dto));
    req.auditUnitId = position.unitId;
    return position;
  }
}

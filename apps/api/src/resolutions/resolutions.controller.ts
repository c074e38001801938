import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { PageQuery } from '../common/pagination.query';
import { ApiErrors } from '../openapi/error.response';
import { ListResolutionsQuery } from './dto/list-resolutions.query';
import { ChangeResolutionStatusDto, CreateResolutionDto, UpdateResolutionDto } from './dto/resolution-input.dto';
import {
  ResolutionCreatedResponse,
  ResolutionDetailResponse,
  ResolutionLineageResponse,
  ResolutionPageResponse,
} from './dto/resolution.response';
import { ResolutionLineageService } from './resolution-lineage.service';
import { ResolutionWriterService } from './resolution-writer.service';
import { ResolutionsService } from './resolutions.service';

const WRITERS =
  "only the head, the Standing Committee or advisory staff of the issuing committee, or an admin of its province, write its entries (a central entry: created by a provincial committee's leaders or an admin, changed by a system admin)";

@ApiTags('resolutions')
@ApiBearerAuth()
@Controller('resolutions')
export class ResolutionsController {
  constructor(
    private readonly resolutions: ResolutionsService,
    private readonly writer: ResolutionWriterService,
    private readonly lineages: ResolutionLineageService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The registry: central entries and those of the committees whose programmes you read, newest first (filters: year, kind, level, field group, member in charge, status, issuer)',
  })
  @ApiOkResponse({ type: ResolutionPageResponse })
  list(@Query() q: ListResolutionsQuery, @CurrentPrincipal() p: Principal) {
    return this.resolutions.list(q, p);
  }

  @Post()
  @ApiOperation({ summary: 'Register a resolution, directive, conclusion, decision, regulation, plan or project' })
  @ApiCreatedResponse({ type: ResolutionCreatedResponse })
  @ApiErrors({
    400: 'The request does not pass validation; or names no or two issuing bodies, a unit outside your province, a number already registered for that body, an unknown member in charge or implemented entry, or an entry it may not implement (lower level, signed later, a cycle)',
    403: WRITERS,
    409: 'an entry with this id exists already',
  })
  create(@Body() dto: CreateResolutionDto, @CurrentPrincipal() p: Principal) {
    return this.writer.create(dto, p);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One entry, the entries it implements up to the top, those implementing it, its replacement and its programmes',
  })
  @ApiOkResponse({ type: ResolutionDetailResponse })
  @ApiErrors({ 404: 'no such entry among those you may read' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.resolutions.get(id, p);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct an entry: kind, number, date, title, field group, member in charge, what it implements',
  })
  @ApiOkResponse({ type: ResolutionDetailResponse })
  @ApiErrors({
    400: 'The request does not pass validation; or the number is registered for the same body already, the member in charge is unknown, or the entry may not implement the one named (lower level, signed later, a cycle)',
    403: WRITERS,
    404: 'no such entry among those you may read',
  })
  async update(@Param('id') id: string, @Body() dto: UpdateResolutionDto, @CurrentPrincipal() p: Principal) {
    await this.writer.update(id, dto, p);
    return this.resolutions.get(id, p);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'End an entry: replaced by another entry in force, or expired' })
  @ApiOkResponse({ type: ResolutionDetailResponse })
  @ApiErrors({
    400: 'The request does not pass validation; or REPLACED without a replacement, an unknown or ended replacement, one older than the entry, or itself',
    403: WRITERS,
    404: 'no such entry among those you may read',
    409: 'the entry has ended already',
  })
  async changeStatus(
    @Param('id') id: string,
    @Body() dto: ChangeResolutionStatusDto,
    @CurrentPrincipal() p: Principal,
  ) {
    await this.writer.changeStatus(id, dto, p);
    return this.resolutions.get(id, p);
  }

  @Get(':id/lineage')
  @ApiOperation({
    summary:
      'The entry, the entries implementing it at every level, and a page of their programmes with annual plans, tasks, targets and figures, as you may read them',
  })
  @ApiOkResponse({ type: ResolutionLineageResponse })
  @ApiErrors({ 404: 'no such entry among those you may read' })
  lineage(@Param('id') id: string, @Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    return this.lineages.lineage(id, p, q.page, q.pageSize);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PROGRAMME_ACTIONS } from '@app/domain';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { ProgrammeAuditQuery } from './dto/programme-audit.query';
import { ProgrammeActionDto } from './dto/programme-action.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a programme from a template (starts its workflow)' })
  create(@Body() dto: CreateProgrammeDto, @CurrentPrincipal() p: Principal) {
    return this.programmes.create(dto, p);
  }

  @Get()
  @ApiOperation({
    summary:
      'List and filter programmes (read model): those of the committees above you and of the units you supervise',
  })
  list(@Query() q: ListProgrammesQuery, @CurrentPrincipal() p: Principal) {
    return this.programmes.list(q, p);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One programme: read model plus live workflow state' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.programmes.get(id, p);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: "The programme's audit trail" })
  audit(@Param('id') id: string, @Query() q: ProgrammeAuditQuery, @CurrentPrincipal() p: Principal) {
    return this.programmes.auditTrail(id, p, q);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: PROGRAMME_ACTIONS })
  @ApiOperation({
    summary: 'A staff action on the programme; refused with 403 (wrong person), 409 (wrong phase) or 400 (bad data)',
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

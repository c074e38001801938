import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../../auth/principal';
import { ApiErrors } from '../../openapi/error.response';
import { CreateRestructuringDto } from './dto/create-restructuring.dto';
import { RestructuringListResponse, RestructuringResponse } from './dto/restructuring.response';
import { RestructuringService } from './restructuring.service';

@ApiTags('organisation: restructuring')
@ApiBearerAuth()
@Controller('organisation/restructurings')
export class RestructuringController {
  constructor(private readonly restructuring: RestructuringService) {}

  @Post()
  @ApiOperation({
    summary:
      'Merge, split, rename or abolish a level of units from an effective date; running programmes, tasks and cycles learn their new units',
  })
  @ApiCreatedResponse({
    type: RestructuringResponse,
    description: 'the change (the same one again for a repeated requestId)',
  })
  @ApiErrors({
    400: 'the request is malformed, names an unknown, ended or busy unit, a date before a unit existed, a cycle, a successor outside your province, or work that is not open; nothing is written',
    403: 'only an admin (provincial: inside the province; system: across provinces) restructures units',
  })
  create(@Body() dto: CreateRestructuringDto, @CurrentPrincipal() p: Principal) {
    return this.restructuring.create(dto, p);
  }

  @Get()
  @ApiOperation({
    summary: "Restructurings naming a unit of the admin's province (all for a system admin), latest first",
  })
  @ApiOkResponse({ type: RestructuringListResponse })
  @ApiErrors({ 403: 'only an admin reads restructurings' })
  list(@CurrentPrincipal() p: Principal) {
    return this.restructuring.list(p);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One restructuring with its progress (workflows told, skipped) and what taking effect did' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RestructuringResponse })
  @ApiErrors({
    400: 'the id is not a UUID',
    403: 'only an admin reads restructurings',
    404: 'no such restructuring in your province',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.restructuring.get(id, p);
  }
}

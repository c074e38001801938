import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { CreateFieldGroupDto, ListFieldGroupsQuery, UpdateFieldGroupDto } from './dto/field-group-input.dto';
import { FieldGroupListResponse, FieldGroupResponse } from './dto/field-group.response';
import { FieldGroupsService } from './field-groups.service';

const KEEPERS = 'only an admin of the province or the advisory staff of its Standing Committee keep its field groups';

@ApiTags('field-groups')
@ApiBearerAuth()
@Controller('field-groups')
export class FieldGroupsController {
  constructor(private readonly groups: FieldGroupsService) {}

  @Get()
  @ApiOperation({ summary: "A province's field groups with their supervising Standing Committee members" })
  @ApiOkResponse({ type: FieldGroupListResponse })
  @ApiErrors({ 403: 'another province (system admins only)', 404: 'no such province' })
  list(@Query() q: ListFieldGroupsQuery, @CurrentPrincipal() p: Principal) {
    return this.groups.list(q, p);
  }

  @Post()
  @ApiOperation({ summary: "Add a field group to a province's list, with its supervising member" })
  @ApiCreatedResponse({ type: FieldGroupResponse })
  @ApiErrors({
    400: 'The request does not pass validation, or the supervising member is unknown, inactive, of another province or not on the Standing Committee',
    403: KEEPERS,
    404: 'no such province',
    409: 'the province has a group with this code already',
  })
  create(@Body() dto: CreateFieldGroupDto, @CurrentPrincipal() p: Principal) {
    return this.groups.create(dto, p);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: "Rename a field group or change its supervising member (who then holds the group's rights)",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: FieldGroupResponse })
  @ApiErrors({
    400: 'The request does not pass validation, or the supervising member is unknown, inactive, of another province or not on the Standing Committee',
    403: KEEPERS,
    404: 'no such field group among those you may read',
  })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateFieldGroupDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.groups.update(id, dto, p);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a field group: nothing new names it; what named it keeps its code' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: FieldGroupResponse })
  @ApiErrors({
    400: 'the id is not a UUID',
    403: KEEPERS,
    404: 'no such field group among those you may read',
    409: 'the group is retired already',
  })
  retire(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    return this.groups.retire(id, p);
  }
}

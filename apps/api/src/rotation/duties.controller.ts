import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RateLimited } from '../common/rate-limit';
import { ApiErrors } from '../openapi/error.response';
import { DutiesService } from './duties.service';
import { DutyTransferService } from './duty-transfer.service';
import { DutyTransferResponse, PersonDutiesResponse } from './dto/duties.response';
import { TransferDutiesDto } from './dto/transfer-duties.dto';

const PERSON_PARAM = { name: 'personId', description: 'The person whose duties (e.g. hg-skhdt-gd)' };

/** Rotation of cadres: a person's open duties, and moving them to a successor in one request. */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('organisation/people')
export class DutiesController {
  constructor(
    private readonly duties: DutiesService,
    private readonly transfers: DutyTransferService,
  ) {}

  @Get(':personId/duties')
  @ApiOperation({ summary: 'Every open duty the person holds, by kind (their own, or as their province admin)' })
  @ApiParam(PERSON_PARAM)
  @ApiOkResponse({ type: PersonDutiesResponse })
  @ApiErrors({
    403: "only an administrator of the person's province lists another person's duties",
    404: 'no such person',
  })
  list(@Param('personId') personId: string, @CurrentPrincipal() p: Principal) {
    return this.duties.listing(personId, p);
  }

  @Post(':personId/duties/transfer')
  @RateLimited('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: "Move the person's open duties (or the kinds named) to a successor; one effect per request id",
  })
  @ApiParam(PERSON_PARAM)
  @ApiOkResponse({ type: DutyTransferResponse })
  @ApiErrors({
    400: 'The request does not pass validation; the successor is the same person, unknown, inactive or outside your province; an unknown unit; or nothing to move',
    403: "only an administrator of the person's province moves their duties",
    404: 'no such person',
    409: 'the request id was used for another transfer',
  })
  transfer(@Param('personId') personId: string, @Body() dto: TransferDutiesDto, @CurrentPrincipal() p: Principal) {
    return this.transfers.transfer(personId, dto, p);
  }
}

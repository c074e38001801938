import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { ConsultationService } from './consultation.service';
import { ConsultationRoundViewResponse, DraftDiffResponse, DraftResponse } from './dto/consultation.response';
import { DraftDiffQuery } from './dto/draft-diff.query';
import { DraftNumberPipe, numberParam } from './draft-number.pipe';

/**
 * Drafting with consultation, for reading: each draft version, what changed from one to another, and
 * each consultation round with who answered and who is silent. Drafts and rounds change through the
 * programme's actions (submitDraft, openConsultation, submitOpinion, closeConsultation).
 */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes/:id')
export class ConsultationController {
  constructor(private readonly consultation: ConsultationService) {}

  @Get('drafts/:version')
  @ApiOperation({ summary: 'One version of the draft (its text only for those who read drafts)' })
  @ApiParam(numberParam('version', 'the draft version (1, 2, ...)'))
  @ApiOkResponse({ type: DraftResponse })
  @ApiErrors({
    400: 'the version is not a whole number from 1',
    404: 'no such programme among those you may read, or no such version',
  })
  draft(
    @Param('id') id: string,
    @Param('version', new DraftNumberPipe('version')) version: number,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.consultation.draft(id, version, p);
  }

  @Get('drafts/:version/diff')
  @ApiOperation({
    summary: 'What changed in a draft version against another (by default the one before), line by line',
  })
  @ApiParam(numberParam('version', 'the draft version shown'))
  @ApiOkResponse({ type: DraftDiffResponse })
  @ApiErrors({
    400: 'the version or `against` is not a whole number from 1',
    403: "only the programme's leaders, drafting team, supervisors and the invitees of its rounds read its drafts",
    404: 'no such programme among those you may read, or no such version',
  })
  diff(
    @Param('id') id: string,
    @Param('version', new DraftNumberPipe('version')) version: number,
    @Query() q: DraftDiffQuery,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.consultation.diff(id, version, q.against, p);
  }

  @Get('consultations/:no')
  @ApiOperation({
    summary:
      'One consultation round: the draft version asked about, deadline, quorum, who answered and who is silent (opinions to those who read them)',
  })
  @ApiParam(numberParam('no', 'the round number (1, 2, ...)'))
  @ApiOkResponse({ type: ConsultationRoundViewResponse })
  @ApiErrors({
    400: 'the round number is not a whole number from 1',
    404: 'no such programme among those you may read, or no such round',
  })
  round(@Param('id') id: string, @Param('no', new DraftNumberPipe('no')) no: number, @CurrentPrincipal() p: Principal) {
    return this.consultation.round(id, no, p);
  }
}

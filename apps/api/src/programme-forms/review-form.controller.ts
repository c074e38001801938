import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/error.response';
import { ReviewFormParams, ReviewFormResponse } from './dto/review-form.dto';
import { ReviewFormService } from './review-form.service';

@ApiTags('programmes: issuance and review forms')
@ApiBearerAuth()
@Controller('programmes/:id/reviews/:seq/form')
export class ReviewFormController {
  constructor(private readonly forms: ReviewFormService) {}

  @Get()
  @ApiOperation({
    summary:
      "Your unit's review report form: every target with its goal for the period, your unit's report to this review and the latest earlier values, to prefill submitReviewReport",
  })
  @ApiOkResponse({ type: ReviewFormResponse })
  @ApiErrors({
    400: 'seq is not a whole number from 1',
    404: 'no such programme among those you may read, or no such review',
  })
  form(@Param() params: ReviewFormParams, @CurrentPrincipal() p: Principal) {
    return this.forms.form(p, params.id, params.seq);
  }
}

/** The review report form's parameters and answer. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PROGRAMME_ID_LENGTH, REVIEW_KIND_VI } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';
import { TargetGoalResponse } from '../../programmes/dto/programme-state.response';

export class ReviewFormParams {
  @ApiProperty({ description: 'programme id' })
  @IsString()
  @Length(1, MAX_PROGRAMME_ID_LENGTH)
  id: string;

  @ApiProperty({ description: 'the review number', example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  seq: number;
}

export class PreviousValueResponse {
  @ApiString({ description: 'decimal text' }) value: string;
  @ApiInt() reviewSeq: number;
  @ApiString() periodLabel: string;
  @ApiString({ description: 'the unit that reported it' }) unitId: string;
}

export class ReviewFormTargetResponse {
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString({ description: 'measurement unit' }) unit: string;
  @ApiNested(() => TargetGoalResponse, { description: "the goal for the review's period" }) goal: TargetGoalResponse;
  @ApiBoolean({ description: "your unit is the target's responsible unit" }) responsible: boolean;
  @ApiBoolean({ description: 'a relative target: the report gives its reference value too' }) needsReference: boolean;
  @ApiNullableString({ description: "your unit's value in this review (decimal text), or null" }) value: string | null;
  @ApiNullableString({ description: "your unit's reference value in this review, or null" }) reference: string | null;
  @ApiNullableNested(() => PreviousValueResponse, { description: 'the latest value reported to an earlier review' })
  previous: PreviousValueResponse | null;
}

export class SubmittedReportResponse {
  @ApiString() text: string;
  @ApiString({ description: 'who submitted it' }) by: string;
  @ApiDateTime() at: string;
}

export class ReviewFormResponse {
  @ApiString() programmeId: string;
  @ApiInt() reviewSeq: number;
  @ApiEnum(Object.keys(REVIEW_KIND_VI)) kind: keyof typeof REVIEW_KIND_VI;
  @ApiString() periodLabel: string;
  @ApiDateTime() opensAt: string;
  @ApiDateTime() closesAt: string;
  @ApiNullableDateTime() closedAt: string | null;
  @ApiString({ description: 'your unit' }) unitId: string;
  @ApiBoolean({ description: 'your unit is asked to report to this review' }) expected: boolean;
  @ApiNullableNested(() => SubmittedReportResponse, { description: "your unit's report as submitted, or null" })
  submitted: SubmittedReportResponse | null;
  @ApiNestedList(() => ReviewFormTargetResponse) targets: ReviewFormTargetResponse[];
}

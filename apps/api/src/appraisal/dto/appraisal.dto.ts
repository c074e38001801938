import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  APPRAISAL_RATINGS,
  APPRAISAL_SUBJECT_KINDS,
  AppraisalRating,
  AppraisalSubjectKind,
  MAX_ANNUAL_PLAN_YEAR,
  MAX_ID_LENGTH,
  MAX_STATEMENT_LENGTH,
  MIN_ANNUAL_PLAN_YEAR,
} from '@app/domain';
import {
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableInt,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export const APPRAISAL_FORMATS = ['json', 'csv', 'xlsx'] as const;
const SUBJECTS = ['unit', 'person'] as const;

export class AppraisalYearParams {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_ANNUAL_PLAN_YEAR)
  @Max(MAX_ANNUAL_PLAN_YEAR)
  year: number;
}

export class AppraisalSubjectParams extends AppraisalYearParams {
  @ApiProperty({ enum: APPRAISAL_SUBJECT_KINDS })
  @IsIn(APPRAISAL_SUBJECT_KINDS)
  subjectKind: AppraisalSubjectKind;

  @ApiProperty({ description: 'unit or person id' })
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  subjectId: string;
}

export class AppraisalQuery {
  @ApiPropertyOptional({ enum: SUBJECTS, default: 'unit' })
  @IsOptional()
  @IsIn(SUBJECTS)
  by: (typeof SUBJECTS)[number] = 'unit';

  @ApiPropertyOptional({ description: 'unit id of the committee; defaults to the one you supervise' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  committeeId?: string;

  @ApiPropertyOptional({ enum: APPRAISAL_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(APPRAISAL_FORMATS)
  format: (typeof APPRAISAL_FORMATS)[number] = 'json';
}

export class AppraiseBody {
  @ApiProperty({ enum: APPRAISAL_RATINGS })
  @IsIn(APPRAISAL_RATINGS)
  rating: AppraisalRating;

  @ApiProperty({ maxLength: MAX_STATEMENT_LENGTH })
  @IsString()
  @Length(1, MAX_STATEMENT_LENGTH)
  comment: string;
}

export class YearlyFiguresResponse {
  @ApiInt() tasksTotal: number;
  @ApiInt() tasksOnTime: number;
  @ApiInt() tasksLate: number;
  @ApiInt({ description: 'open past the due date' }) tasksOverdue: number;
  @ApiInt({ description: 'open within the deadline' }) tasksOpen: number;
  @ApiInt({ description: 'reopened by an inspection finding' }) tasksReopened: number;
  @ApiNullableInt({ description: 'null for a person' }) targetsAchieved: number | null;
  @ApiNullableInt({ description: 'null for a person' }) targetsTotal: number | null;
}

export class AppraisalRecordResponse {
  @ApiEnum(APPRAISAL_RATINGS) rating: string;
  @ApiString() comment: string;
  @ApiString() appraisedBy: string;
  @ApiDateTime() appraisedAt: string;
}

export class AppraisalRowResponse {
  @ApiEnum(APPRAISAL_SUBJECT_KINDS) subjectKind: string;
  @ApiString() subjectId: string;
  @ApiNullableString() name: string | null;
  @ApiString() unitId: string;
  @ApiNested(() => YearlyFiguresResponse) figures: YearlyFiguresResponse;
  @ApiNullableNested(() => AppraisalRecordResponse) appraisal: AppraisalRecordResponse | null;
}

export class AppraisalListResponse {
  @ApiInt() year: number;
  @ApiNestedList(() => AppraisalRowResponse) items: AppraisalRowResponse[];
}

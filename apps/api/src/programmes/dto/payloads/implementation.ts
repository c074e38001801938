import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_ANNUAL_PLAN_ITEMS,
  MAX_ANNUAL_PLAN_YEAR,
  MAX_FREE_TEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
  MIN_ANNUAL_PLAN_YEAR,
} from '@app/domain';
import { TaskDto, ValuesPayload } from './common';

export class AddAnnualPlanPayload {
  @IsInt()
  @Min(MIN_ANNUAL_PLAN_YEAR)
  @Max(MAX_ANNUAL_PLAN_YEAR)
  year: number;

  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ANNUAL_PLAN_ITEMS)
  @IsString({ each: true })
  items: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TASKS)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks?: TaskDto[];
}

export class SubmitReviewReportPayload extends ValuesPayload {
  @IsInt()
  @Min(1)
  reviewSeq: number;
}

export class RecordInspectionPayload {
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  findings: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  unitId?: string | null;
}

export const IMPLEMENTATION_PAYLOADS = {
  addAnnualPlan: AddAnnualPlanPayload,
  submitReviewReport: SubmitReviewReportPayload,
  recordInspection: RecordInspectionPayload,
};

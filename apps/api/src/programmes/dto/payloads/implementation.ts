import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
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
  MAX_INSPECTION_FOLLOW_UPS,
  MAX_REASON_LENGTH,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
  MAX_DATE_TIME_LENGTH,
  MIN_ANNUAL_PLAN_YEAR,
  MIN_DATE_TIME_LENGTH,
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

  /** A document of this programme of kind UNIT_REPORT (uploaded first with POST /programmes/{id}/documents). */
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

/** A done task an inspection finding reopens, with its new deadline. */
export class ReopenTaskDto {
  @IsString()
  @Length(1, MAX_ID_LENGTH * 2)
  taskId: string;

  @IsString()
  @Length(MIN_DATE_TIME_LENGTH, MAX_DATE_TIME_LENGTH)
  dueAt: string;

  @IsString()
  @Length(1, MAX_REASON_LENGTH)
  reason: string;
}

export class RecordInspectionPayload {
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  findings: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  unitId?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INSPECTION_FOLLOW_UPS)
  @ValidateNested({ each: true })
  @Type(() => ReopenTaskDto)
  reopenTasks?: ReopenTaskDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INSPECTION_FOLLOW_UPS)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  correctiveTasks?: TaskDto[];

  /** A document of this programme of kind INSPECTION_RECORD (uploaded first with POST /programmes/{id}/documents). */
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export const IMPLEMENTATION_PAYLOADS = {
  addAnnualPlan: AddAnnualPlanPayload,
  submitReviewReport: SubmitReviewReportPayload,
  recordInspection: RecordInspectionPayload,
};

import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Length } from 'class-validator';
import {
  MAX_CODE_LENGTH,
  MAX_COORDINATING_UNITS,
  MAX_DATE_TIME_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_TASK_TITLE_LENGTH,
  MIN_DATE_TIME_LENGTH,
} from '@app/domain';

/** Payload shapes more than one phase uses. */

export class EmptyPayload {}

export class TextPayload {
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  text: string;
}

export class ValuesPayload extends TextPayload {
  /** Target code → reported value (decimal text); the domain checks codes and numbers. */
  @IsObject()
  values: Record<string, string>;

  /** Relative target code → the reference value it is judged against (e.g. the national average); the domain checks them. */
  @IsOptional()
  @IsObject()
  references?: Record<string, string>;
}

/** A programme task, issued with the programme or added by an annual plan. */
export class TaskDto {
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  code: string;

  @IsString()
  @Length(1, MAX_TASK_TITLE_LENGTH)
  title: string;

  @IsString()
  @Length(1, MAX_ID_LENGTH)
  responsibleUnitId: string;

  @IsString()
  @Length(1, MAX_ID_LENGTH)
  responsiblePersonId: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COORDINATING_UNITS)
  @IsString({ each: true })
  coordinatingUnitIds?: string[];

  @IsString()
  @Length(MIN_DATE_TIME_LENGTH, MAX_DATE_TIME_LENGTH)
  dueAt: string;

  /**
   * Assigned by field: a field group of the programme's province instead of a member in charge; the
   * group's supervising member becomes the task's member in charge (absent: the programme's).
   */
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  fieldGroup?: string;
}

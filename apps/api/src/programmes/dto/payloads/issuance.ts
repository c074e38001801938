import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  Comparator,
  DATE_LENGTH,
  MAX_CODE_LENGTH,
  MAX_DECIMAL_LENGTH,
  MAX_DOCUMENT_NUMBER_LENGTH,
  MAX_ID_LENGTH,
  MAX_ISSUANCE_ITEMS,
  MAX_STEERING_COMMITTEE_MEMBERS,
  MAX_TARGETS,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
} from '@app/domain';
import { TaskDto } from './common';

class GoalDto {
  @IsIn(Object.values(Comparator))
  comparator: Comparator;

  @IsString()
  @Length(1, MAX_DECIMAL_LENGTH)
  goal: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_DECIMAL_LENGTH)
  goalHigh?: string;

  /** RANK only: the group ranked in ("top 3 of the 13 Mekong Delta provinces"). */
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  group?: string;

  /** RELATIVE only: what the value is compared with ("the national average"); its value comes with each review report. */
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  reference?: string;
}

class TargetDto {
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  code: string;

  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  name: string;

  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  unit: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_DECIMAL_LENGTH)
  baseline?: string | null;

  @ValidateNested()
  @Type(() => GoalDto)
  goal: GoalDto;

  @IsString()
  @Length(1, MAX_ID_LENGTH)
  responsibleUnitId: string;

  @IsOptional()
  @IsObject()
  periodGoals?: Record<string, GoalDto>;

  /** Year → the year's estimate (plan figure), e.g. {"2026": "14800"}; the domain checks years and numbers. */
  @IsOptional()
  @IsObject()
  annualEstimates?: Record<string, string>;
}

class SteeringCommitteeDto {
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  headId: string;

  @IsArray()
  @ArrayMaxSize(MAX_STEERING_COMMITTEE_MEMBERS)
  @IsString({ each: true })
  memberIds: string[];
}

export class IssuePayload {
  @IsString()
  @Length(1, MAX_DOCUMENT_NUMBER_LENGTH)
  documentNumber: string;

  @IsString()
  @Length(DATE_LENGTH, DATE_LENGTH)
  issuedOn: string;

  @IsArray()
  @ArrayMaxSize(MAX_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets: TargetDto[];

  @IsArray()
  @ArrayMaxSize(MAX_TASKS)
  @ValidateNested({ each: true })
  @Type(() => TaskDto)
  tasks: TaskDto[];

  @IsArray()
  @ArrayMaxSize(MAX_ISSUANCE_ITEMS)
  @IsString({ each: true })
  solutions: string[];

  @IsArray()
  @ArrayMaxSize(MAX_ISSUANCE_ITEMS)
  @IsString({ each: true })
  resources: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => SteeringCommitteeDto)
  steeringCommittee?: SteeringCommitteeDto | null;

  /** A document of this programme of kind ISSUED (uploaded first with POST /programmes/{id}/documents). */
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export const ISSUANCE_PAYLOADS = {
  issue: IssuePayload,
};

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_ANNUAL_PLAN_ITEMS,
  MAX_ANNUAL_PLAN_YEAR,
  MAX_CODE_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_ANNUAL_PLAN_YEAR,
  WORK_PLAN_KINDS,
} from '@app/domain';
import type { ProgrammeActionName } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLAN_ID = /^\d{4}(-Q[1-4])?$/;

export class PlanItemDto {
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  text: string;

  @IsString()
  @Length(1, MAX_ID_LENGTH)
  ownerUnitId: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  ownerPersonId?: string | null;

  @IsOptional()
  @Matches(DATE, { message: 'dueOn must be a date like 2026-03-31' })
  dueOn?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  taskCode?: string | null;
}

export class KeyTaskDto {
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  text: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  targetCode?: string | null;
}

export class AddWorkPlanPayload {
  @IsIn(WORK_PLAN_KINDS)
  kind: 'ANNUAL' | 'QUARTERLY';

  @IsInt()
  @Min(MIN_ANNUAL_PLAN_YEAR)
  @Max(MAX_ANNUAL_PLAN_YEAR)
  year: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number | null;

  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ANNUAL_PLAN_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PlanItemDto)
  items: PlanItemDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANNUAL_PLAN_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => KeyTaskDto)
  keyTasks?: KeyTaskDto[];
}

class PlanRefPayload {
  @Matches(PLAN_ID, { message: 'planId must be a year such as 2026 or a quarter such as 2026-Q1' })
  planId: string;
}

class PlanItemRefPayload extends PlanRefPayload {
  @IsInt()
  @Min(1)
  no: number;
}

export class AddPlanItemPayload extends PlanRefPayload {
  @ValidateNested()
  @Type(() => PlanItemDto)
  item: PlanItemDto;
}

export class ChangePlanItemPayload extends PlanItemRefPayload {
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  text?: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  ownerUnitId?: string;

  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_LENGTH)
  ownerPersonId?: string | null;

  @IsOptional()
  @Matches(DATE, { message: 'dueOn must be a date like 2026-03-31' })
  dueOn?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, MAX_CODE_LENGTH)
  taskCode?: string | null;

  @IsOptional()
  @IsIn(['OPEN', 'IN_PROGRESS'])
  status?: 'OPEN' | 'IN_PROGRESS';

  @IsOptional()
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  note?: string | null;
}

export class ClosePlanItemPayload extends PlanItemRefPayload {
  @IsIn(['DONE', 'DROPPED'])
  outcome: 'DONE' | 'DROPPED';

  @IsOptional()
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  note?: string | null;
}

export class SetNextYearKeyTasksPayload extends PlanRefPayload {
  @IsArray()
  @ArrayMaxSize(MAX_ANNUAL_PLAN_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => KeyTaskDto)
  keyTasks: KeyTaskDto[];
}

export const WORK_PLAN_PAYLOADS = {
  addWorkPlan: AddWorkPlanPayload,
  addPlanItem: AddPlanItemPayload,
  changePlanItem: ChangePlanItemPayload,
  closePlanItem: ClosePlanItemPayload,
  setNextYearKeyTasks: SetNextYearKeyTasksPayload,
};

/** The owners (units, people) a plan action names, checked against the issuing committee's tree; null for other actions. */
export function planItemOwners(
  action: ProgrammeActionName,
  payload: Record<string, unknown>,
): { unitIds: string[]; personIds: string[] } | null {
  const items =
    action === 'addWorkPlan'
      ? ((payload.items as PlanItemDto[]) ?? [])
      : action === 'addPlanItem'
        ? [payload.item as PlanItemDto]
        : action === 'changePlanItem'
          ? [payload as Partial<PlanItemDto>]
          : null;
  if (!items) return null;
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  for (const item of items) {
    if (item?.ownerUnitId) unitIds.add(item.ownerUnitId);
    if (item?.ownerPersonId) personIds.add(item.ownerPersonId);
  }
  return { unitIds: [...unitIds], personIds: [...personIds] };
}

import { PLAN_ITEM_STATUSES, WORK_PLAN_KINDS } from '@app/domain';
import type { PlanItemStatus, WorkPlanKind } from '@app/domain';
import {
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableInt,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class PlanItemResponse {
  @ApiInt({ description: 'number of the item in its plan (1, 2, ...)' }) no: number;
  @ApiString() text: string;
  @ApiString() ownerUnitId: string;
  @ApiNullableString() ownerPersonId: string | null;
  @ApiNullableString({ description: 'YYYY-MM-DD' }) dueOn: string | null;
  @ApiEnum(PLAN_ITEM_STATUSES, { description: "an item with a task shows the task's status" })
  status: PlanItemStatus;
  @ApiNullableString({ description: 'code of the programme task the item follows' }) taskCode: string | null;
  @ApiNullableString() note: string | null;
  @ApiString() changedBy: string;
  @ApiDateTime() changedAt: string;
}

export class KeyTaskResponse {
  @ApiInt() no: number;
  @ApiString() text: string;
  @ApiNullableString({ description: 'the programme target it is measured by' }) targetCode: string | null;
}

export class PlanItemCountsResponse {
  @ApiInt() OPEN: number;
  @ApiInt() IN_PROGRESS: number;
  @ApiInt() DONE: number;
  @ApiInt() DROPPED: number;
}

/** A plan as the programme's state keeps it: items with the status set by hand. */
export class StoredWorkPlanResponse {
  @ApiString({ example: '2026-Q1', description: 'the year (annual plan) or year and quarter' }) id: string;
  @ApiEnum(WORK_PLAN_KINDS) kind: WorkPlanKind;
  @ApiInt() year: number;
  @ApiNullableInt() quarter: number | null;
  @ApiString() title: string;
  @ApiNestedList(() => PlanItemResponse) items: PlanItemResponse[];
  @ApiNestedList(() => KeyTaskResponse, { description: "this year's key tasks and targets" })
  keyTasks: KeyTaskResponse[];
  @ApiNestedList(() => KeyTaskResponse, { description: "next year's key tasks and targets (annual plans)" })
  nextYearKeyTasks: KeyTaskResponse[];
  @ApiString() by: string;
  @ApiDateTime() at: string;
}

/** A plan as it stands: items with their task's status applied, and counts per status. */
export class WorkPlanResponse extends StoredWorkPlanResponse {
  @ApiNested(() => PlanItemCountsResponse) counts: PlanItemCountsResponse;
}

export class ProgrammeWorkPlansResponse {
  @ApiString() programmeId: string;
  @ApiNestedList(() => WorkPlanResponse) plans: WorkPlanResponse[];
}

export class QuarterlyProgrammePlanResponse {
  @ApiString() programmeId: string;
  @ApiString() programmeTitle: string;
  @ApiNested(() => WorkPlanResponse) plan: WorkPlanResponse;
}

export class QuarterlyWorkProgrammeResponse {
  @ApiString() unitId: string;
  @ApiInt() year: number;
  @ApiInt() quarter: number;
  @ApiNestedList(() => QuarterlyProgrammePlanResponse) plans: QuarterlyProgrammePlanResponse[];
  @ApiNested(() => PlanItemCountsResponse, { description: 'items of all these plans by status' })
  counts: PlanItemCountsResponse;
}

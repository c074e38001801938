/** What the supervision routes answer as JSON (each list can also come as CSV with format=csv). */
import { OrgUnitKind, Phase } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiFreeObject,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableInt,
  ApiNullableNested,
  ApiNullableNumber,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';
import { BucketCountsResponse } from '../../tasks/dto/task.response';
import { TIMELINE_KINDS } from '../timeline.service';

export class CommitteeResponse {
  @ApiString() id: string;
  @ApiString() name: string;
}

export class PhaseCountResponse {
  @ApiEnum(Phase) phase: string;
  @ApiInt() count: number;
}

export class BucketRowResponse extends BucketCountsResponse {
  @ApiNullableString({ description: 'unit id, member id or field group; null for tasks without one' })
  key: string | null;
  @ApiNullableString({ description: 'the name of the unit or member' }) label: string | null;
}

export class OverdueMonthResponse {
  @ApiString({ example: '2026-03' }) month: string;
  @ApiInt({ description: 'tasks due in the month' }) due: number;
  @ApiInt({ description: 'of those, done late or still open past due' }) late: number;
}

export class OverviewTasksResponse {
  @ApiNested(() => BucketCountsResponse) total: BucketCountsResponse;
  @ApiNestedList(() => BucketRowResponse) byUnit: BucketRowResponse[];
  @ApiNestedList(() => BucketRowResponse) byMemberInCharge: BucketRowResponse[];
  @ApiNestedList(() => BucketRowResponse) byFieldGroup: BucketRowResponse[];
  @ApiNestedList(() => OverdueMonthResponse) overdueTrend: OverdueMonthResponse[];
}

export class LowTargetResponse {
  @ApiString() code: string;
  @ApiNullableString() name: string | null;
  @ApiNullableString() unit: string | null;
  @ApiNullableString() value: string | null;
  @ApiNullableString() achievement: string | null;
}

export class EstimateShareRowResponse {
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString() unit: string;
  @ApiString({ description: 'the value reported in the review (decimal text)' }) value: string;
  @ApiString({ description: "the target's estimate (plan figure) for the review's year" }) estimate: string;
  @ApiNullableString({ description: 'value / estimate × 100, one decimal (e.g. "39.4"); null for an estimate of 0' })
  sharePercent: string | null;
}

export class AchievementRowResponse {
  @ApiString() programmeId: string;
  @ApiNullableString({ description: 'null for a restricted programme you do not read' }) title: string | null;
  @ApiNullableString() documentNumber: string | null;
  @ApiInt() reviewSeq: number;
  @ApiString() reviewKind: string;
  @ApiString() periodLabel: string;
  @ApiInt() achievedOrExceeded: number;
  @ApiInt() targetsTotal: number;
  @ApiNullableString() headline: string | null;
  @ApiNestedList(() => LowTargetResponse) low: LowTargetResponse[];
  @ApiNestedList(() => EstimateShareRowResponse, {
    description: "progress as a share of the year's estimate, for targets with one (empty when restricted)",
  })
  estimateShares: EstimateShareRowResponse[];
}

export class AchievementPageResponse {
  @ApiNestedList(() => AchievementRowResponse) items: AchievementRowResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

export class OverviewResponse {
  @ApiNullableNested(() => CommitteeResponse, { description: 'null for an administrator asking about everything' })
  committee: CommitteeResponse | null;
  @ApiNullableString() term: string | null;
  @ApiDateTime() asOf: string;
  @ApiNestedList(() => PhaseCountResponse) programmesByPhase: PhaseCountResponse[];
  @ApiNested(() => OverviewTasksResponse) tasks: OverviewTasksResponse;
  @ApiNested(() => AchievementPageResponse) achievement: AchievementPageResponse;
}

export class UnitInScopeResponse {
  @ApiString() id: string;
  @ApiString() name: string;
  @ApiEnum(OrgUnitKind) kind: string;
  @ApiNullableString() parentId: string | null;
}

export class SupervisedProgrammeResponse {
  @ApiString() id: string;
  @ApiNullableString({ description: 'null for a restricted programme you do not read' }) title: string | null;
  @ApiNullableString() documentNumber: string | null;
  @ApiEnum(Phase) phase: string;
  @ApiNullableDateTime() phaseDeadline: string | null;
  @ApiString() term: string;
  @ApiString({ description: 'the issuing unit now, or as before any restructuring with view=asBefore' })
  issuingUnitId: string;
  @ApiNullableString({ description: 'the issuing unit before its first restructuring; null while it never moved' })
  originalIssuingUnitId: string | null;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() fieldGroup: string | null;
  @ApiNullableString() implementsResolution: string | null;
  @ApiNullableString() latestReviewHeadline: string | null;
  @ApiBoolean({ description: 'secret tier ("Mật")' }) restricted: boolean;
}

export class SupervisedProgrammePageResponse {
  @ApiNestedList(() => SupervisedProgrammeResponse) items: SupervisedProgrammeResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

export class LineageValueResponse {
  @ApiInt() reviewSeq: number;
  @ApiString() periodLabel: string;
  @ApiNullableString() value: string | null;
  @ApiNullableString() achievement: string | null;
}

export class LineageTargetResponse {
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString() unit: string;
  @ApiFreeObject({ description: 'comparator, goal and, for a range goalHigh, a rank group, a relative goal reference' })
  goal: Record<string, unknown>;
  @ApiString() responsibleUnitId: string;
  @ApiNestedList(() => LineageValueResponse) values: LineageValueResponse[];
}

export class LineageTaskResponse {
  @ApiString() id: string;
  @ApiString() code: string;
  @ApiString() title: string;
  @ApiString() source: string;
  @ApiString() status: string;
  @ApiNullableString() bucket: string | null;
  @ApiDateTime() dueAt: string;
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiNullableInt({ description: 'the year of the annual plan that added the task, if one did' })
  annualPlanYear: number | null;
}

export class LineageAnnualPlanResponse {
  @ApiInt() year: number;
  @ApiString() title: string;
  @ApiStringList() items: string[];
  @ApiStringList() taskCodes: string[];
}

export class LineageProgrammeResponse {
  @ApiString() id: string;
  @ApiString() title: string;
  @ApiNullableString() documentNumber: string | null;
  @ApiString() phase: string;
  @ApiString() term: string;
  @ApiString() issuingUnitId: string;
  @ApiNestedList(() => LineageAnnualPlanResponse) annualPlans: LineageAnnualPlanResponse[];
  @ApiNestedList(() => LineageTaskResponse) tasks: LineageTaskResponse[];
  @ApiNestedList(() => LineageTargetResponse) targets: LineageTargetResponse[];
}

export class LineageAnchorResponse {
  @ApiEnum(['RESOLUTION', 'PROGRAMME', 'TASK', 'TARGET']) kind: 'RESOLUTION' | 'PROGRAMME' | 'TASK' | 'TARGET';
  @ApiString() id: string;
}

export class LineageResponse {
  @ApiNullableString() resolution: string | null;
  @ApiNested(() => LineageAnchorResponse, { description: 'what the question started from' })
  anchor: LineageAnchorResponse;
  @ApiNested(() => LineageTaskResponse, { optional: true, description: 'the task asked about, if any' })
  task?: LineageTaskResponse;
  @ApiNestedList(() => LineageProgrammeResponse) programmes: LineageProgrammeResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

export class TimelineEntryResponse {
  @ApiDateTime() at: string;
  @ApiEnum(TIMELINE_KINDS) kind: (typeof TIMELINE_KINDS)[number];
  @ApiString({ description: 'the phase, the review, the inspected unit, or the notification title' }) title: string;
  @ApiFreeObject({ description: 'the facts of the entry, by kind' }) detail: Record<string, unknown>;
}

export class ProgrammeRefResponse {
  @ApiString() id: string;
  @ApiString() title: string;
}

export class TimelineResponse {
  @ApiNested(() => ProgrammeRefResponse) programme: ProgrammeRefResponse;
  @ApiNestedList(() => TimelineEntryResponse) items: TimelineEntryResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

export class ConsultationFiguresResponse {
  @ApiInt() invited: number;
  @ApiInt() onTime: number;
  @ApiInt() late: number;
  @ApiInt() silent: number;
  @ApiNullableNumber({ description: 'onTime / invited; null when nobody was invited' }) onTimeRate: number | null;
}

export class DisseminationFiguresResponse {
  @ApiInt() audience: number;
  @ApiInt() acknowledged: number;
  @ApiNullableNumber() coverage: number | null;
}

export class ProgressReportFiguresResponse {
  @ApiInt() expected: number;
  @ApiInt() onTime: number;
  @ApiInt() late: number;
  @ApiInt() missing: number;
  @ApiNullableNumber() onTimeRate: number | null;
}

export class TaskResponsivenessResponse {
  @ApiInt({ description: 'tasks done (on time or late) or open past their due date' }) due: number;
  @ApiInt({ description: 'done by the due date (a reopened task: by its new due date, once done again)' })
  onTime: number;
  @ApiInt() late: number;
  @ApiInt({ description: 'open past the due date (a reopened task: past its new due date)' }) overdue: number;
  @ApiInt({ description: 'open within the due date, not judged yet' }) open: number;
  @ApiInt({ description: 'tasks reopened at least once by an inspection finding' }) reopened: number;
  @ApiInt({ description: 'reopened tasks not done again yet' }) reopenedOpen: number;
  @ApiInt({ description: 'reopenings in all (a task reopened twice counts two)' }) reopenings: number;
  @ApiNullableNumber({ description: 'onTime / due; null when nothing is due' }) onTimeRate: number | null;
}

export class ResponsivenessRowResponse {
  @ApiString({ description: 'unit or person id' }) key: string;
  @ApiNullableString() label: string | null;
  @ApiNested(() => ConsultationFiguresResponse) consultation: ConsultationFiguresResponse;
  @ApiNested(() => DisseminationFiguresResponse) dissemination: DisseminationFiguresResponse;
  @ApiNested(() => ProgressReportFiguresResponse) progressReports: ProgressReportFiguresResponse;
  @ApiNested(() => TaskResponsivenessResponse) tasks: TaskResponsivenessResponse;
}

export class ResponsivenessPageResponse {
  @ApiNestedList(() => ResponsivenessRowResponse) items: ResponsivenessRowResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

/** The programme workflow's state as the API returns it (`live.state`): what `ProgrammeState` is on the wire. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Achievement, Comparator, Phase, TaskStatus } from '@app/domain';
import { StoredWorkPlanResponse } from '../../work-plans/dto/work-plans.response';
import {
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiMap,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';

const REVIEW_KINDS = ['QUARTERLY', 'HALF_YEAR', 'YEARLY', 'MID_TERM', 'FINAL'] as const;
const RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
const SUBJECT_KINDS = ['UNIT', 'PERSON'] as const;
const DOCUMENT_ID = 'the file it goes with: GET /documents/{documentId}/content (absent when none was named)';

export class ProgrammeSetupResponse {
  @ApiString() programmeId: string;
  @ApiString() title: string;
  @ApiString() templateId: string;
  @ApiInt() templateVersion: number;
  @ApiString() issuingUnitId: string;
  @ApiString({ description: 'the head (secretary) of the issuing committee, who disseminates in person' })
  issuingHeadId: string;
  @ApiString() memberInChargeId: string;
  @ApiString() fieldGroup: string;
  @ApiString({ example: '2020-2025' }) term: string;
  @ApiNullableString() implementsResolution: string | null;
  @ApiNullableString({ optional: true, description: 'the registry entry it implements (absent before the registry)' })
  resolutionId?: string | null;
  @ApiString() createdBy: string;
}

export class TargetGoalResponse {
  @ApiEnum(Comparator) comparator: Comparator;
  @ApiString({ description: 'decimal text; RANGE: the lower bound; YES_NO: "1" or "0"' }) goal: string;
  @ApiString({ optional: true, description: 'RANGE only: the upper bound' }) goalHigh?: string;
  @ApiString({ optional: true, description: 'RANK only: the group ranked in; goal is the position N (top N)' })
  group?: string;
  @ApiString({
    optional: true,
    description: 'RELATIVE only: what the value is compared with; goal is the delta above its value',
  })
  reference?: string;
}

export class EstimateShareResponse {
  @ApiInt({ description: 'the year the review reports on' }) year: number;
  @ApiString({ description: 'the value reported (decimal text)' }) value: string;
  @ApiString({ description: "the target's estimate for that year" }) estimate: string;
  @ApiNullableString({ description: 'value / estimate × 100, one decimal; null for an estimate of 0' })
  sharePercent: string | null;
}

export class AuthoredResponse {
  @ApiString() by: string;
  @ApiDateTime() at: string;
}

export class TextAtResponse {
  @ApiString() text: string;
  @ApiDateTime() at: string;
}

export class DraftVersionResponse extends AuthoredResponse {
  @ApiInt() version: number;
  @ApiNullableString() text: string | null;
  @ApiNullableString() documentRef: string | null;
  @ApiString() changeNote: string;
  @ApiString({ optional: true, format: 'uuid', description: DOCUMENT_ID }) documentId?: string;
}

export class ConsultationRoundResponse {
  @ApiInt() no: number;
  @ApiStringList() inviteeIds: string[];
  @ApiDateTime() deadline: string;
  @ApiDateTime() openedAt: string;
  @ApiMap(TextAtResponse, { description: 'opinions by invitee id' }) opinions: Record<string, TextAtResponse>;
  @ApiNullableDateTime() closedAt: string | null;
  @ApiStringList({ description: 'invitees who had not answered when the round closed' }) silentIds: string[];
}

export class SendBackResponse extends AuthoredResponse {
  @ApiString() reasons: string;
}

export class ApprovalResponse {
  @ApiNullableString() approvedBy: string | null;
  @ApiNullableDateTime() approvedAt: string | null;
  @ApiNestedList(() => SendBackResponse) sendBacks: SendBackResponse[];
}

export class SurveyResponse {
  @ApiStringList() surveyorIds: string[];
  @ApiMap(TextAtResponse, { description: 'findings by surveyor id' }) findings: Record<string, TextAtResponse>;
}

export class ProgrammeTargetStateResponse {
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString({ description: 'measurement unit, e.g. %/năm' }) unit: string;
  @ApiNullableString() baseline: string | null;
  @ApiNested(() => TargetGoalResponse) goal: TargetGoalResponse;
  @ApiString() responsibleUnitId: string;
  @ApiMap(TargetGoalResponse, { description: 'goals of named periods (e.g. "2023") that differ from the overall goal' })
  periodGoals: Record<string, TargetGoalResponse>;
  @ApiMap(
    { type: 'string' },
    { optional: true, description: 'the estimate (plan figure) by year, e.g. {"2026": "14800"}' },
  )
  annualEstimates?: Record<string, string>;
}

export class ProgrammeTaskResponse {
  @ApiString() code: string;
  @ApiString() title: string;
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiStringList() coordinatingUnitIds: string[];
  @ApiDateTime() dueAt: string;
  @ApiPropertyOptional({ type: String, description: 'assigned by field: the field group named' })
  fieldGroup?: string;
  @ApiPropertyOptional({
    type: String,
    description: "assigned by field: its supervising member (absent: the programme's)",
  })
  memberInChargeId?: string;
}

export class SteeringCommitteeResponse {
  @ApiString() headId: string;
  @ApiStringList() memberIds: string[];
}

export class IssuanceResponse extends AuthoredResponse {
  @ApiString() documentNumber: string;
  @ApiString({ description: 'YYYY-MM-DD' }) issuedOn: string;
  @ApiNestedList(() => ProgrammeTargetStateResponse) targets: ProgrammeTargetStateResponse[];
  @ApiNestedList(() => ProgrammeTaskResponse) tasks: ProgrammeTaskResponse[];
  @ApiStringList() solutions: string[];
  @ApiStringList() resources: string[];
  @ApiNullableNested(() => SteeringCommitteeResponse) steeringCommittee: SteeringCommitteeResponse | null;
  @ApiString({ optional: true, format: 'uuid', description: DOCUMENT_ID }) documentId?: string;
}

export class DisseminationResponse {
  @ApiNullableString({ description: 'YYYY-MM-DD' }) heldOn: string | null;
  @ApiNullableString() recordedBy: string | null;
  @ApiStringList() audienceIds: string[];
  @ApiMap({ type: 'string', format: 'date-time' }, { description: 'acknowledgement time by person id' })
  acknowledged: Record<string, string>;
}

export class AnnualPlanResponse extends AuthoredResponse {
  @ApiInt() year: number;
  @ApiString() title: string;
  @ApiStringList() items: string[];
  @ApiNestedList(() => ProgrammeTaskResponse) tasks: ProgrammeTaskResponse[];
}

export class UnitReportResponse extends AuthoredResponse {
  @ApiString() unitId: string;
  @ApiString() text: string;
  @ApiMap({ type: 'string' }, { description: 'reported value (decimal text) by target code' })
  values: Record<string, string>;
  @ApiMap({ type: 'string' }, { optional: true, description: 'reference value by relative target code' })
  references?: Record<string, string>;
  @ApiString({ optional: true, format: 'uuid', description: DOCUMENT_ID }) documentId?: string;
}

export class AchievementSummaryResponse {
  @ApiInt() total: number;
  @ApiInt() exceeded: number;
  @ApiInt() achieved: number;
  @ApiInt() notAchieved: number;
  @ApiInt() noData: number;
  @ApiString({ example: '25/30 đạt và vượt' }) headline: string;
}

export class ReviewResponse {
  @ApiInt() seq: number;
  @ApiEnum(REVIEW_KINDS) kind: (typeof REVIEW_KINDS)[number];
  @ApiString({ example: '2026-Q3' }) periodLabel: string;
  @ApiDateTime() opensAt: string;
  @ApiDateTime() closesAt: string;
  @ApiStringList({ description: 'units expected to report: those responsible for a target or a task' })
  expectedUnitIds: string[];
  @ApiMap(UnitReportResponse, { description: 'reports by unit id' }) reports: Record<string, UnitReportResponse>;
  @ApiNullableDateTime() closedAt: string | null;
  @ApiMap({ type: 'string', enum: Object.values(Achievement) }, { description: 'achievement by target code' })
  results: Record<string, Achievement>;
  @ApiNullableNested(() => AchievementSummaryResponse) summary: AchievementSummaryResponse | null;
  @ApiStringList({ description: 'targets not achieved or without data' }) lowTargetCodes: string[];
  @ApiMap(
    { type: 'string' },
    { optional: true, description: 'once closed: the reference value each relative target was judged against' },
  )
  referenceValues?: Record<string, string>;
  @ApiMap(EstimateShareResponse, {
    optional: true,
    description: "once closed: each value as a share of its target's estimate for the review's year",
  })
  estimateShares?: Record<string, EstimateShareResponse>;
}

export class InspectionResponse extends AuthoredResponse {
  @ApiString() findings: string;
  @ApiNullableString() unitId: string | null;
  @ApiString({ optional: true, format: 'uuid', description: DOCUMENT_ID }) documentId?: string;
}

export class ImplementationResponse {
  @ApiNullableDateTime() startedAt: string | null;
  @ApiNullableDateTime() termEndsAt: string | null;
  @ApiNestedList(() => AnnualPlanResponse) annualPlans: AnnualPlanResponse[];
  @ApiNestedList(() => ReviewResponse) reviews: ReviewResponse[];
  @ApiNestedList(() => InspectionResponse) inspections: InspectionResponse[];
}

export class EvaluationFiguresResponse {
  @ApiInt() tasksOnTime: number;
  @ApiInt() tasksLate: number;
  @ApiInt() tasksOverdue: number;
  @ApiInt() targetsAchieved: number;
  @ApiInt() targetsTotal: number;
}

export class EvaluationResponse extends AuthoredResponse {
  @ApiEnum(SUBJECT_KINDS) subjectKind: (typeof SUBJECT_KINDS)[number];
  @ApiString() subjectId: string;
  @ApiEnum(RATINGS) rating: (typeof RATINGS)[number];
  @ApiNested(() => EvaluationFiguresResponse) figures: EvaluationFiguresResponse;
  @ApiString() comment: string;
}

export class CommendationResponse extends AuthoredResponse {
  @ApiEnum(SUBJECT_KINDS) subjectKind: (typeof SUBJECT_KINDS)[number];
  @ApiString() subjectId: string;
  @ApiString() text: string;
}

export class FinalReviewResponse {
  @ApiNullableNested(() => ReviewResponse) review: ReviewResponse | null;
  @ApiNestedList(() => EvaluationResponse) evaluations: EvaluationResponse[];
  @ApiNestedList(() => CommendationResponse) commendations: CommendationResponse[];
  @ApiStringList() lessons: string[];
}

export class PhaseEntryResponse {
  @ApiInt() seq: number;
  @ApiEnum(Phase) phase: Phase;
  @ApiDateTime() enteredAt: string;
  @ApiNullableDateTime() deadline: string | null;
  @ApiNullableString() actorId: string | null;
  @ApiNullableString() reason: string | null;
}

export class TaskOutcomeResponse {
  @ApiString() taskId: string;
  @ApiString() code: string;
  @ApiEnum(TaskStatus) status: TaskStatus;
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiDateTime() dueAt: string;
  @ApiNullableDateTime() doneAt: string | null;
}

export class ProgrammeStateResponse {
  @ApiNested(() => ProgrammeSetupResponse) setup: ProgrammeSetupResponse;
  @ApiEnum(Phase) phase: Phase;
  @ApiInt() phaseSeq: number;
  @ApiDateTime() phaseEnteredAt: string;
  @ApiNullableDateTime() phaseDeadline: string | null;
  @ApiNestedList(() => PhaseEntryResponse) phaseHistory: PhaseEntryResponse[];
  @ApiNested(() => SurveyResponse) survey: SurveyResponse;
  @ApiNestedList(() => DraftVersionResponse) drafts: DraftVersionResponse[];
  @ApiNestedList(() => ConsultationRoundResponse) consultations: ConsultationRoundResponse[];
  @ApiNested(() => ApprovalResponse) approval: ApprovalResponse;
  @ApiNullableNested(() => IssuanceResponse) issuance: IssuanceResponse | null;
  @ApiNested(() => DisseminationResponse) dissemination: DisseminationResponse;
  @ApiNested(() => ImplementationResponse) implementation: ImplementationResponse;
  @ApiNested(() => FinalReviewResponse) finalReview: FinalReviewResponse;
  @ApiNullableString() endReason: string | null;
  @ApiNullableString() supersededBy: string | null;
  @ApiStringList({ description: 'request ids already applied (empty in answers)' }) appliedRequestIds: string[];
  @ApiInt({ description: 'grows with every change; projections carry it so older writes never win' })
  version: number;
  @ApiMap(TaskOutcomeResponse, { optional: true, description: 'latest outcome reported by each task, by task id' })
  taskOutcomes?: Record<string, TaskOutcomeResponse>;
  @ApiNestedList(() => StoredWorkPlanResponse, {
    optional: true,
    description: 'annual plans and quarterly work programmes',
  })
  workPlans?: StoredWorkPlanResponse[];
}

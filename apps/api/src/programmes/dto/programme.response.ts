/** What the programme routes answer, as the API sends it (dates as ISO-8601 strings). */
import { Phase } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiFreeObject,
  ApiInt,
  ApiMap,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableFreeObject,
  ApiNullableInt,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';
import { ProgrammeStateResponse } from './programme-state.response';

export class ProgrammeCreatedResponse {
  @ApiString({ example: 'hg-ctr-123-2021' }) id: string;
  @ApiString({ example: 'programme/hg-ctr-123-2021' }) workflowId: string;
}

/** A programme in a list: the read-model columns that describe it. */
export class ProgrammeListItemResponse {
  @ApiString() id: string;
  @ApiNullableString({ description: 'null for a restricted programme whose content you do not read' })
  title: string | null;
  @ApiNullableString({ example: '123-CTr/TU' }) documentNumber: string | null;
  @ApiEnum(Phase) phase: string;
  @ApiNullableDateTime() phaseDeadline: Date | null;
  @ApiString() issuingUnitId: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() fieldGroup: string | null;
  @ApiString({ example: '2020-2025' }) term: string;
  @ApiNullableString({ example: '13-NQ/TW' }) implementsResolution: string | null;
  @ApiNullableString({ description: 'the registry entry it implements; null for programmes made before the registry' })
  resolutionId: string | null;
  @ApiNullableString({ example: '25/30 đạt và vượt' }) latestReviewHeadline: string | null;
  @ApiDateTime() updatedAt: Date;
  @ApiBoolean({ description: 'secret tier ("Mật"): only its named readers and leaders see its content' })
  restricted: boolean;
}

export class ProgrammeListResponse {
  @ApiNestedList(() => ProgrammeListItemResponse) items: ProgrammeListItemResponse[];
  @ApiInt() total: number;
  @ApiInt() limit: number;
  @ApiInt() offset: number;
}

/** The whole read-model row of one programme. */
export class ProgrammeRecordResponse extends ProgrammeListItemResponse {
  @ApiNullableString({ description: 'YYYY-MM-DD, once issued' }) issuedOn: string | null;
  @ApiString() templateId: string;
  @ApiInt() templateVersion: number;
  @ApiString() workflowId: string;
  @ApiInt({ description: 'version of the workflow state last projected' }) projectionSeq: number;
  @ApiFreeObject({ description: "the workflow's state as last projected (the shape of live.state)" })
  snapshot: Record<string, unknown>;
  @ApiString() createdBy: string;
  @ApiDateTime() createdAt: Date;
}

export class PhaseHistoryResponse {
  @ApiString() programmeId: string;
  @ApiInt() seq: number;
  @ApiEnum(Phase) phase: string;
  @ApiDateTime() enteredAt: Date;
  @ApiNullableDateTime() deadline: Date | null;
  @ApiNullableString() actorId: string | null;
  @ApiNullableString() reason: string | null;
}

export class ProgrammeTargetResponse {
  @ApiString() programmeId: string;
  @ApiString() code: string;
  @ApiString() name: string;
  @ApiString() unit: string;
  @ApiNullableString() baseline: string | null;
  @ApiFreeObject({
    description:
      'comparator (AT_LEAST, AT_MOST, RANGE, YES_NO, RANK, RELATIVE), goal; for a range goalHigh, for a rank group, for a relative goal reference',
  })
  goal: Record<string, unknown>;
  @ApiFreeObject({ description: 'goals of named periods that differ from the overall goal' })
  periodGoals: Record<string, unknown>;
  @ApiString() responsibleUnitId: string;
  @ApiMap({ type: 'string' }, { description: 'the estimate (plan figure) by year, e.g. {"2026": "14800"}' })
  annualEstimates: Record<string, string>;
}

export class ProgrammeReviewResponse {
  @ApiString() programmeId: string;
  @ApiInt() seq: number;
  @ApiString({ description: 'QUARTERLY, HALF_YEAR, YEARLY, MID_TERM or FINAL' }) kind: string;
  @ApiString({ example: '2026-Q3' }) periodLabel: string;
  @ApiDateTime() opensAt: Date;
  @ApiDateTime() closesAt: Date;
  @ApiNullableDateTime() closedAt: Date | null;
  @ApiStringList() expectedUnitIds: string[];
  @ApiStringList() reportedUnitIds: string[];
  @ApiNullableString() headline: string | null;
  @ApiNullableInt() achievedOrExceeded: number | null;
  @ApiNullableInt() targetsTotal: number | null;
  @ApiStringList() lowTargetCodes: string[];
}

export class TargetValueResponse {
  @ApiString() programmeId: string;
  @ApiString() targetCode: string;
  @ApiInt() reviewSeq: number;
  @ApiString() periodLabel: string;
  @ApiNullableString({ description: 'as reported (decimal text); null when nobody reported it' }) value: string | null;
  @ApiNullableString() reportedByUnitId: string | null;
  @ApiNullableDateTime() reportedAt: Date | null;
  @ApiNullableString({ description: 'EXCEEDED, ACHIEVED, NOT_ACHIEVED or NO_DATA once the review closed' })
  achievement: string | null;
  @ApiNullableString({ description: "a relative target's reference value it was judged against, once closed" })
  referenceValue: string | null;
  @ApiNullableString({ description: "the target's estimate for the review's year, once closed, when it has one" })
  annualEstimate: string | null;
  @ApiNullableString({ description: 'value / annual estimate × 100, one decimal, once closed' })
  shareOfEstimate: string | null;
}

export class AwaitingResponse {
  @ApiString({ description: 'what the programme waits for, in words' }) what: string;
  @ApiStringList({ description: 'whom it waits for' }) fromIds: string[];
  @ApiNullableDateTime() deadline: string | null;
}

export class ConsultationStatusResponse {
  @ApiInt() round: number;
  @ApiDateTime() deadline: string;
  @ApiStringList() answered: string[];
  @ApiStringList() pending: string[];
}

export class DisseminationCoverageResponse {
  @ApiInt() acknowledged: number;
  @ApiInt() audience: number;
}

/** What a staff action answers: where the programme stands after it (the whole state is in `GET /programmes/{id}`). */
export class ProgrammeActionResultResponse {
  @ApiString() programmeId: string;
  @ApiEnum(Phase) phase: Phase;
  @ApiNullableDateTime() phaseDeadline: string | null;
  @ApiNested(() => AwaitingResponse) awaiting: AwaitingResponse;
  @ApiNullableNested(() => ConsultationStatusResponse) consultation: ConsultationStatusResponse | null;
  @ApiNullableString() latestReviewHeadline: string | null;
  @ApiNullableNested(() => DisseminationCoverageResponse) disseminationCoverage: DisseminationCoverageResponse | null;
  @ApiInt() version: number;
}

export class ProgrammeViewResponse extends ProgrammeActionResultResponse {
  @ApiNested(() => ProgrammeStateResponse) state: ProgrammeStateResponse;
}

export class ProgrammeDetailResponse {
  @ApiNested(() => ProgrammeRecordResponse) programme: ProgrammeRecordResponse;
  @ApiNullableNested(() => ProgrammeViewResponse, {
    description: 'the live workflow state; null once the workflow is past retention or no worker answers',
  })
  live: ProgrammeViewResponse | null;
  @ApiNestedList(() => PhaseHistoryResponse) phaseHistory: PhaseHistoryResponse[];
  @ApiNestedList(() => ProgrammeTargetResponse) targets: ProgrammeTargetResponse[];
  @ApiNestedList(() => ProgrammeReviewResponse) reviews: ProgrammeReviewResponse[];
  @ApiNestedList(() => TargetValueResponse) targetValues: TargetValueResponse[];
}

export class AuditEventResponse {
  @ApiString({ description: 'increasing number (bigint as text)' }) id: string;
  @ApiString({ description: 'idempotency key of the event' }) eventKey: string;
  @ApiNullableString() programmeId: string | null;
  @ApiNullableString() taskId: string | null;
  @ApiNullableString({ description: 'null for what the workflow does by itself (timers)' }) actorId: string | null;
  @ApiString({ example: 'phase.entered' }) action: string;
  @ApiDateTime() occurredAt: Date;
  @ApiNullableFreeObject() before: Record<string, unknown> | null;
  @ApiNullableFreeObject() after: Record<string, unknown> | null;
}

export class AuditTrailResponse {
  @ApiNestedList(() => AuditEventResponse) items: AuditEventResponse[];
  @ApiInt() total: number;
}

export class ProgrammeReadersResponse {
  @ApiString() programmeId: string;
  @ApiStringList() readerIds: string[];
}

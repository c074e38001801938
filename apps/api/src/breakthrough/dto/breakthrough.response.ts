/** What the breakthrough-cycle routes answer, as the API sends it. */
import { BreakthroughPhase } from '@app/domain';
import {
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiMap,
  ApiNested,
  ApiNestedList,
  ApiNullableEnum,
  ApiNullableFreeObject,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';
import { AuthoredResponse, TaskOutcomeResponse } from '../../programmes/dto/programme-state.response';

const REGISTRATION_STATUSES = ['REGISTERED', 'REVISION_REQUESTED', 'APPROVED', 'REJECTED', 'NOT_APPRAISED'] as const;
const RESULTS = ['DONE_ON_TIME', 'DONE_LATE', 'NOT_DONE', 'CANCELLED'] as const;
const COUNTS = { type: 'integer' };

export class CycleCreatedResponse {
  @ApiString({ example: 'hg-tu/2027' }) id: string;
  @ApiString({ example: 'breakthrough/hg-tu/2027' }) workflowId: string;
}

/** The read-model row of a cycle, with its column names. */
export class CycleRecordResponse {
  @ApiString({ example: 'hg-tu/2027' }) id: string;
  @ApiString() workflow_id: string;
  @ApiString() unit_id: string;
  @ApiInt() year: number;
  @ApiString() title: string;
  @ApiEnum(BreakthroughPhase) phase: string;
  @ApiMap(COUNTS, { description: 'registrations by status' }) counts: Record<string, number>;
  @ApiNullableFreeObject({ description: 'the year-end evaluation, once made' }) summary: Record<string, unknown> | null;
  @ApiInt() projection_seq: number;
  @ApiDateTime() updated_at: string;
  @ApiNullableString({ description: "the higher level's cycle this one was opened under" }) parent_cycle_id:
    string | null;
}

export class ContentGroupResponse {
  @ApiString() code: string;
  @ApiString() title: string;
}

export class BreakthroughSetupResponse {
  @ApiString() unitId: string;
  @ApiInt() year: number;
  @ApiString() title: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() fieldGroup: string | null;
  @ApiStringList({ description: 'Standing Committee members who appraise' }) appraiserIds: string[];
  @ApiStringList({ description: 'units whose heads are reminded to register' }) invitedUnitIds: string[];
  @ApiDateTime() registrationDeadline: string;
  @ApiDateTime() appraisalDeadline: string;
  @ApiDateTime() yearEndsAt: string;
  @ApiStringList() reminderOffsets: string[];
  @ApiStringList() taskReminderOffsets: string[];
  @ApiStringList() taskEscalationOffsets: string[];
  @ApiString() createdBy: string;
  @ApiNestedList(() => ContentGroupResponse, { optional: true, description: 'absent when the cycle has none' })
  contentGroups?: ContentGroupResponse[];
  @ApiNullableString({
    optional: true,
    description: 'the higher level\'s cycle ("<unitId>/<year>"), absent at the top',
  })
  parentCycleId?: string | null;
}

export class AppraisalResponse extends AuthoredResponse {
  @ApiEnum(['APPROVE', 'REVISE', 'REJECT']) decision: 'APPROVE' | 'REVISE' | 'REJECT';
  @ApiString() comments: string;
}

export class RegistrationResponse {
  @ApiInt() no: number;
  @ApiEnum(['UNIT', 'HEAD']) kind: 'UNIT' | 'HEAD';
  @ApiString() registrantId: string;
  @ApiString() unitId: string;
  @ApiString() title: string;
  @ApiString() expectedResult: string;
  @ApiString() measure: string;
  @ApiString({ optional: true, description: 'its content group, when the cycle has groups' }) contentGroup?: string;
  @ApiDateTime() registeredAt: string;
  @ApiEnum(REGISTRATION_STATUSES) status: (typeof REGISTRATION_STATUSES)[number];
  @ApiInt() revisions: number;
  @ApiNestedList(() => AppraisalResponse) appraisals: AppraisalResponse[];
  @ApiNullableString() taskId: string | null;
  @ApiNullableEnum(RESULTS) result: (typeof RESULTS)[number] | null;
}

export class BreakthroughFiguresResponse {
  @ApiInt() registered: number;
  @ApiInt() approved: number;
  @ApiInt() rejected: number;
  @ApiInt() notAppraised: number;
  @ApiInt() doneOnTime: number;
  @ApiInt() doneLate: number;
  @ApiInt() notDone: number;
  @ApiInt() cancelled: number;
}

export class BreakthroughSummaryResponse extends BreakthroughFiguresResponse {
  @ApiString() headline: string;
  @ApiNested(() => BreakthroughFiguresResponse, { optional: true, description: 'registrations by units' })
  organisations?: BreakthroughFiguresResponse;
  @ApiNested(() => BreakthroughFiguresResponse, { optional: true, description: "heads' personal registrations" })
  individuals?: BreakthroughFiguresResponse;
  @ApiMap(BreakthroughFiguresResponse, { optional: true, description: 'by content group code' })
  byContentGroup?: Record<string, BreakthroughFiguresResponse>;
}

/** A cycle's figures, organisations and individuals apart and by content group. */
export class CycleFiguresResponse extends BreakthroughFiguresResponse {
  @ApiNested(() => BreakthroughFiguresResponse, { description: 'registrations by units' })
  organisations: BreakthroughFiguresResponse;
  @ApiNested(() => BreakthroughFiguresResponse, { description: "heads' personal registrations" })
  individuals: BreakthroughFiguresResponse;
  @ApiMap(BreakthroughFiguresResponse, { description: 'by content group code' })
  byContentGroup: Record<string, BreakthroughFiguresResponse>;
}

export class CascadeCycleResponse {
  @ApiString({ example: 'hd-tuky/2027' }) cycleId: string;
  @ApiString() unitId: string;
  @ApiNullableString() unitName: string | null;
  @ApiNullableString() unitKind: string | null;
  @ApiNullableString() parentCycleId: string | null;
  @ApiInt({ description: '0 for the cycle asked about, 1 for those opened under it, …' }) depth: number;
  @ApiEnum(BreakthroughPhase) phase: string;
  @ApiNestedList(() => ContentGroupResponse) contentGroups: ContentGroupResponse[];
  @ApiNested(() => CycleFiguresResponse, { description: 'so far during the year; final once it is evaluated' })
  figures: CycleFiguresResponse;
}

export class CascadeRollupResponse {
  @ApiString() cycleId: string;
  @ApiNestedList(() => CascadeCycleResponse, { description: 'the cycle and those under it you read, level by level' })
  cycles: CascadeCycleResponse[];
  @ApiNested(() => CycleFiguresResponse, { description: 'all those cycles summed' }) totals: CycleFiguresResponse;
}

export class CascadeOpenedResponse {
  @ApiString() parentCycleId: string;
  @ApiStringList({ description: 'cycles opened now' }) opened: string[];
  @ApiStringList({ description: 'cycles opened under this one before (by an earlier try)' }) alreadyOpen: string[];
}

export class BreakthroughStateResponse {
  @ApiNested(() => BreakthroughSetupResponse) setup: BreakthroughSetupResponse;
  @ApiEnum(BreakthroughPhase) phase: BreakthroughPhase;
  @ApiNestedList(() => RegistrationResponse) registrations: RegistrationResponse[];
  @ApiMap(TaskOutcomeResponse, { description: 'latest outcome of each approved task, by task id' })
  taskOutcomes: Record<string, TaskOutcomeResponse>;
  @ApiNullableNested(() => BreakthroughSummaryResponse) summary: BreakthroughSummaryResponse | null;
  @ApiStringList() appliedRequestIds: string[];
  @ApiInt() version: number;
}

class BreakthroughHeadlineResponse {
  @ApiString() cycleId: string;
  @ApiEnum(BreakthroughPhase) phase: BreakthroughPhase;
  @ApiMap(COUNTS, { description: 'registrations by status' }) counts: Record<string, number>;
  @ApiInt() runs: number;
  @ApiInt() version: number;
}

export class BreakthroughViewResponse extends BreakthroughHeadlineResponse {
  @ApiNested(() => BreakthroughStateResponse) state: BreakthroughStateResponse;
}

/** What an action answers: the cycle's headline and the registration it touched. */
export class BreakthroughActionResultResponse extends BreakthroughHeadlineResponse {
  @ApiNullableNested(() => RegistrationResponse) registration: RegistrationResponse | null;
}

export class CycleDetailResponse {
  @ApiNested(() => CycleRecordResponse) cycle: CycleRecordResponse;
  @ApiNullableNested(() => BreakthroughViewResponse, { description: 'null when no worker answers' })
  live: BreakthroughViewResponse | null;
}

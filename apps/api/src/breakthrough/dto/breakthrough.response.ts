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
  @ApiDateTime() registeredAt: string;
  @ApiEnum(REGISTRATION_STATUSES) status: (typeof REGISTRATION_STATUSES)[number];
  @ApiInt() revisions: number;
  @ApiNestedList(() => AppraisalResponse) appraisals: AppraisalResponse[];
  @ApiNullableString() taskId: string | null;
  @ApiNullableEnum(RESULTS) result: (typeof RESULTS)[number] | null;
}

export class BreakthroughSummaryResponse {
  @ApiInt() registered: number;
  @ApiInt() approved: number;
  @ApiInt() rejected: number;
  @ApiInt() notAppraised: number;
  @ApiInt() doneOnTime: number;
  @ApiInt() doneLate: number;
  @ApiInt() notDone: number;
  @ApiInt() cancelled: number;
  @ApiString() headline: string;
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

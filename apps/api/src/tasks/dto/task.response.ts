/** What the task routes answer, as the API sends it (dates as ISO-8601 strings). */
import { TaskBucket, TaskStatus } from '@app/domain';
import {
  ApiBoolean,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableEnum,
  ApiNullableFreeObject,
  ApiNullableNested,
  ApiNullableString,
  ApiString,
  ApiStringList,
} from '../../openapi/schema-props';
import { AuthoredResponse } from '../../programmes/dto/programme-state.response';

const TASK_SOURCES = ['PROGRAMME', 'ANNUAL_PLAN', 'BREAKTHROUGH', 'CORRECTIVE'] as const;

/** Counts in the four tracking buckets and their total. */
export class BucketCountsResponse {
  @ApiInt() DONE_ON_TIME: number;
  @ApiInt() DONE_LATE: number;
  @ApiInt() OPEN_WITHIN_DEADLINE: number;
  @ApiInt() OPEN_OVERDUE: number;
  @ApiInt() total: number;
}

export class TaskBucketRowResponse extends BucketCountsResponse {
  @ApiNullableString({ description: 'the unit, member in charge, field group or programme of the row' })
  key: string | null;
}

export class TaskBucketPageResponse {
  @ApiNestedList(() => TaskBucketRowResponse) items: TaskBucketRowResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

/** A task's read-model columns and its bucket at the moment of asking. */
export class TaskSummaryResponse {
  @ApiString({ example: 'hg-ctr-123/T1' }) id: string;
  @ApiNullableString() programmeId: string | null;
  @ApiString() code: string;
  @ApiString() title: string;
  @ApiEnum(TASK_SOURCES) source: string;
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiString() assignerId: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() fieldGroup: string | null;
  @ApiString() issuingUnitId: string;
  @ApiBoolean() isBreakthrough: boolean;
  @ApiEnum(TaskStatus) status: string;
  @ApiDateTime() dueAt: Date;
  @ApiDateTime() originalDueAt: Date;
  @ApiInt() progressPercent: number;
  @ApiNullableDateTime() acceptedAt: Date | null;
  @ApiNullableDateTime() submittedAt: Date | null;
  @ApiNullableDateTime() doneAt: Date | null;
  @ApiDateTime() updatedAt: Date;
  @ApiNullableEnum(TaskBucket, { description: 'null for a cancelled task' }) bucket: TaskBucket | null;
}

export class TaskPageResponse {
  @ApiNestedList(() => TaskSummaryResponse) items: TaskSummaryResponse[];
  @ApiInt() total: number;
  @ApiInt() page: number;
  @ApiInt() pageSize: number;
}

export class TaskSetupResponse {
  @ApiString() taskId: string;
  @ApiNullableString() programmeId: string | null;
  @ApiString() code: string;
  @ApiString() title: string;
  @ApiEnum(TASK_SOURCES) source: (typeof TASK_SOURCES)[number];
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiStringList() coordinatingUnitIds: string[];
  @ApiString() assignerId: string;
  @ApiNullableString() memberInChargeId: string | null;
  @ApiNullableString() fieldGroup: string | null;
  @ApiString() issuingUnitId: string;
  @ApiBoolean() isBreakthrough: boolean;
  @ApiDateTime() dueAt: string;
  @ApiStringList({ description: 'ISO-8601 durations before the due date' }) reminderOffsets: string[];
  @ApiStringList({ description: 'ISO-8601 durations after the due date' }) escalationOffsets: string[];
}

export class ProgressReportResponse extends AuthoredResponse {
  @ApiInt() percent: number;
  @ApiString() text: string;
  @ApiStringList() evidenceRefs: string[];
}

export class ExtensionDecisionResponse {
  @ApiBoolean() approve: boolean;
  @ApiString() reason: string;
  @ApiString() by: string;
  @ApiDateTime() at: string;
}

export class ExtensionRequestResponse extends AuthoredResponse {
  @ApiDateTime() fromDueAt: string;
  @ApiDateTime() newDueAt: string;
  @ApiString() reason: string;
  @ApiNullableNested(() => ExtensionDecisionResponse) decision: ExtensionDecisionResponse | null;
}

export class SubmissionResponse extends AuthoredResponse {
  @ApiString() text: string;
  @ApiStringList() evidenceRefs: string[];
}

export class TaskReturnResponse extends AuthoredResponse {
  @ApiString() reasons: string;
}

export class ReassignmentResponse extends AuthoredResponse {
  @ApiString() fromPersonId: string;
  @ApiString() fromUnitId: string;
  @ApiString() toPersonId: string;
  @ApiString() toUnitId: string;
  @ApiString() reason: string;
}

export class TaskStateResponse {
  @ApiNested(() => TaskSetupResponse) setup: TaskSetupResponse;
  @ApiEnum(TaskStatus) status: TaskStatus;
  @ApiString() responsibleUnitId: string;
  @ApiString() responsiblePersonId: string;
  @ApiDateTime() dueAt: string;
  @ApiDateTime({ description: 'when the current due date was set' }) dueSetAt: string;
  @ApiInt({ description: 'grows with each change of due date' }) dueSeq: number;
  @ApiInt() progressPercent: number;
  @ApiNestedList(() => ProgressReportResponse) progress: ProgressReportResponse[];
  @ApiNestedList(() => ExtensionRequestResponse) extensions: ExtensionRequestResponse[];
  @ApiNestedList(() => SubmissionResponse) submissions: SubmissionResponse[];
  @ApiNestedList(() => TaskReturnResponse) returns: TaskReturnResponse[];
  @ApiNestedList(() => ReassignmentResponse) reassignments: ReassignmentResponse[];
  @ApiNullableDateTime() acceptedAt: string | null;
  @ApiNullableDateTime() submittedAt: string | null;
  @ApiNullableDateTime() doneAt: string | null;
  @ApiNullableString() verifiedBy: string | null;
  @ApiNullableDateTime() cancelledAt: string | null;
  @ApiNullableString() endReason: string | null;
  @ApiStringList() appliedRequestIds: string[];
  @ApiInt() version: number;
}

export class PendingExtensionResponse extends AuthoredResponse {
  @ApiDateTime() newDueAt: string;
  @ApiString() reason: string;
}

export class UpcomingTimerResponse {
  @ApiEnum(['REMINDER', 'ESCALATION']) kind: 'REMINDER' | 'ESCALATION';
  @ApiInt({ description: "1-based position in the template's list" }) level: number;
  @ApiDateTime() at: string;
}

/** A task workflow's live state: what an action answers, and `live` of `GET /tasks/{id}`. */
export class TaskViewResponse {
  @ApiString() taskId: string;
  @ApiEnum(TaskStatus) status: TaskStatus;
  @ApiDateTime() dueAt: string;
  @ApiBoolean() overdue: boolean;
  @ApiNullableNested(() => PendingExtensionResponse) pendingExtension: PendingExtensionResponse | null;
  @ApiNestedList(() => UpcomingTimerResponse, { description: 'reminders and escalations still to come' })
  upcoming: UpcomingTimerResponse[];
  @ApiInt() version: number;
  @ApiNested(() => TaskStateResponse) state: TaskStateResponse;
}

export class TaskDetailResponse {
  @ApiNested(() => TaskSummaryResponse) task: TaskSummaryResponse;
  @ApiNullableNested(() => TaskViewResponse, {
    description: 'null once the workflow is past retention or no worker answers',
  })
  live: TaskViewResponse | null;
}

export class TaskEventResponse {
  @ApiString({ description: 'increasing number (bigint as text)' }) id: string;
  @ApiString() eventKey: string;
  @ApiString() taskId: string;
  @ApiNullableString() programmeId: string | null;
  @ApiNullableString({ description: 'null for what the workflow does by itself (reminders, escalations)' })
  actorId: string | null;
  @ApiString({ example: 'task.accepted' }) action: string;
  @ApiDateTime() occurredAt: Date;
  @ApiNullableFreeObject() before: Record<string, unknown> | null;
  @ApiNullableFreeObject() after: Record<string, unknown> | null;
}

export class TaskHistoryResponse {
  @ApiNestedList(() => TaskEventResponse) items: TaskEventResponse[];
  @ApiInt() total: number;
}

export class BulkItemResultResponse {
  @ApiString() taskId: string;
  @ApiBoolean() ok: boolean;
  @ApiInt({ description: 'the HTTP status this task alone would have answered' }) status: number;
  @ApiNullableString() reason: string | null;
}

export class BulkReassignResponse {
  @ApiString() requestId: string;
  @ApiInt({ description: 'open tasks of the person in your units' }) matched: number;
  @ApiInt() reassigned: number;
  @ApiNestedList(() => BulkItemResultResponse) results: BulkItemResultResponse[];
}

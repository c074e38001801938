/**
 * Compile-time contracts between what each route returns and the response class that documents
 * it: a service whose answer loses or changes a documented field fails the type check here, so the
 * response class (and with it the OpenAPI document and the console's generated types) must follow.
 */
import type { AdminCalendarController } from '../admin-calendar/admin-calendar.controller';
import type { CalendarYearListResponse, CalendarYearResponse } from '../admin-calendar/dto/calendar.response';
import type { AdminNotificationsController } from '../admin-notifications/admin-notifications.controller';
import type { ReadModelAdminController } from '../admin-read-model/read-model-admin.controller';
import type {
  ReconcileTriggeredResponse,
  ReconciliationRunsResponse,
} from '../admin-read-model/dto/read-model.response';
import type {
  AllowlistEntryResponse,
  FailedDeliveriesResponse,
  RetriedResponse,
  UnitWebhookResponse,
} from '../admin-notifications/dto/admin-notifications.response';
import type { AccountsAdminController } from '../organisation/accounts-admin.controller';
import type { OrganisationController } from '../organisation/organisation.controller';
import type {
  AccountCreatedResponse,
  AccountStateResponse,
  AccountUnlockedResponse,
  PersonDetailResponse,
  PersonPageResponse,
  PersonResponse,
  PositionListResponse,
  PositionResponse,
  UnitDetailResponse,
  UnitKindListResponse,
  UnitPageResponse,
  UnitResponse,
} from '../organisation/dto/organisation.response';
import type { AuthController } from '../auth/auth.controller';
import type { LoginResponse, MeResponse, PasswordResetResponse } from '../auth/dto/auth.response';
import type { AdminIdentitiesController } from '../auth/oidc/admin-identities.controller';
import type { OidcController } from '../auth/oidc/oidc.controller';
import type { LinkedIdentityResponse, OidcStatusResponse, UnlinkedIdentityResponse } from '../auth/oidc/oidc.response';
import type { BreakthroughController } from '../breakthrough/breakthrough.controller';
import type {
  BreakthroughActionResultResponse,
  BreakthroughViewResponse,
} from '../breakthrough/dto/breakthrough.response';
import type {
  CascadeOpenedResponse,
  CascadeRollupResponse,
  CycleCreatedResponse,
} from '../breakthrough/dto/breakthrough.response';
import type {
  InboxPageResponse,
  MarkedReadResponse,
  NotificationPreferencesResponse,
  UnreadCountResponse,
} from '../inbox/dto/inbox.response';
import type { HealthController } from '../health/health.controller';
import type { WorkPlansController } from '../work-plans/work-plans.controller';
import type { ConsultationController } from '../consultation/consultation.controller';
import type {
  ConsultationRoundViewResponse,
  DraftDiffResponse,
  DraftResponse,
} from '../consultation/dto/consultation.response';
import type { ProgrammeWorkPlansResponse, QuarterlyWorkProgrammeResponse } from '../work-plans/dto/work-plans.response';
import type { HealthStatusResponse } from '../health/health.response';
import type { InboxController } from '../inbox/inbox.controller';
import type {
  AuditTrailResponse,
  ProgrammeActionResultResponse,
  ProgrammeCreatedResponse,
  ProgrammeDetailResponse,
  ProgrammeListResponse,
} from '../programmes/dto/programme.response';
import type { ProgrammesController } from '../programmes/programmes.controller';
import type { ReportListResponse, ReportSummaryResponse } from '../reports/dto/report.response';
import type { ReportsController } from '../reports/reports.controller';
import type { DocumentsController } from '../documents/documents.controller';
import type { ProgrammeDocumentListResponse, ProgrammeDocumentResponse } from '../documents/dto/document.response';
import type {
  LineageResponse,
  OverviewResponse,
  ResponsivenessPageResponse,
  SupervisedProgrammePageResponse,
  TimelineResponse,
  UnitInScopeResponse,
} from '../supervision/dto/supervision.response';
import type { SupervisionController } from '../supervision/supervision.controller';
import type {
  BucketCountsResponse,
  BulkReassignResponse,
  TaskBucketPageResponse,
  TaskDetailResponse,
  TaskHistoryResponse,
  TaskPageResponse,
  TaskViewResponse,
} from '../tasks/dto/task.response';
import type { TasksController } from '../tasks/tasks.controller';
import type { FieldGroupsController } from '../field-groups/field-groups.controller';
import type { FieldGroupListResponse, FieldGroupResponse } from '../field-groups/dto/field-group.response';
import type { DutiesController } from '../rotation/duties.controller';
import type { DutyTransferResponse, PersonDutiesResponse } from '../rotation/dto/duties.response';
import type { ImportAppliedResponse, ImportReportResponse } from '../organisation/import/dto/import.response';
import type { OrganisationImportController } from '../organisation/import/organisation-import.controller';
import type { OpenWorkResponse } from '../organisation/restructuring/dto/open-work.response';
import type { OpenWorkController } from '../organisation/restructuring/open-work.controller';
import type { IssuanceImportResponse } from '../programme-forms/dto/issuance-import.dto';
import type { ReviewFormResponse } from '../programme-forms/dto/review-form.dto';
import type { IssuanceImportController } from '../programme-forms/issuance-import.controller';
import type { ReviewFormController } from '../programme-forms/review-form.controller';

import type { StreamableFile } from '@nestjs/common';
import type { AppraisalController } from '../appraisal/appraisal.controller';
import type { AvailableActionsController } from '../available-actions/available-actions.controller';
import type { AvailableActionsResponse, MyTaskPageResponse } from '../available-actions/dto/available-actions.response';
import type { AppraisalListResponse, AppraisalRowResponse } from '../appraisal/dto/appraisal.dto';

/** What a controller method answers as JSON (a CSV download is a string and is left out). */
type Answer<C, M extends keyof C> = C[M] extends (...args: never[]) => infer R ? Exclude<Awaited<R>, string> : never;
/** True when the answer has every documented field, with the documented type. */
type Documented<Actual, Documentation> = [Actual] extends [Documentation] ? true : false;

// A line fails to compile ("Type 'true' does not satisfy ... 'false'") when its route drifts from its documentation.
export const RESPONSE_CONTRACTS = {
  'GET /health': true satisfies Documented<Answer<HealthController, 'check'>, HealthStatusResponse>,
  'POST /auth/login': true satisfies Documented<Answer<AuthController, 'login'>, LoginResponse>,
  'POST /auth/refresh': true satisfies Documented<Answer<AuthController, 'refresh'>, LoginResponse>,
  'GET /auth/me': true satisfies Documented<Answer<AuthController, 'me'>, MeResponse>,
  'POST /auth/password': true satisfies Documented<Answer<AuthController, 'changePassword'>, LoginResponse>,
  'POST /admin/accounts/{personId}/password-reset': true satisfies Documented<
    Answer<AccountsAdminController, 'reset'>,
    PasswordResetResponse
  >,
  'GET /admin/unit-kinds': true satisfies Documented<Answer<OrganisationController, 'unitKinds'>, UnitKindListResponse>,
  'GET /admin/units': true satisfies Documented<Answer<OrganisationController, 'listUnits'>, UnitPageResponse>,
  'GET /admin/units/{id}': true satisfies Documented<Answer<OrganisationController, 'getUnit'>, UnitDetailResponse>,
  'POST /admin/units': true satisfies Documented<Answer<OrganisationController, 'createUnit'>, UnitResponse>,
  'PATCH /admin/units/{id}': true satisfies Documented<Answer<OrganisationController, 'updateUnit'>, UnitResponse>,
  'GET /admin/people': true satisfies Documented<Answer<OrganisationController, 'listPeople'>, PersonPageResponse>,
  'GET /admin/people/{id}': true satisfies Documented<
    Answer<OrganisationController, 'getPerson'>,
    PersonDetailResponse
  >,
  'POST /admin/people': true satisfies Documented<Answer<OrganisationController, 'createPerson'>, PersonResponse>,
  'PATCH /admin/people/{id}': true satisfies Documented<Answer<OrganisationController, 'updatePerson'>, PersonResponse>,
  'GET /admin/positions': true satisfies Documented<
    Answer<OrganisationController, 'listPositions'>,
    PositionListResponse
  >,
  'POST /admin/positions': true satisfies Documented<
    Answer<OrganisationController, 'createPosition'>,
    PositionResponse
  >,
  'POST /admin/positions/{id}/end': true satisfies Documented<
    Answer<OrganisationController, 'endPosition'>,
    PositionResponse
  >,
  'POST /admin/accounts/{personId}': true satisfies Documented<
    Answer<AccountsAdminController, 'create'>,
    AccountCreatedResponse
  >,
  'POST /admin/accounts/{personId}/disable': true satisfies Documented<
    Answer<AccountsAdminController, 'disable'>,
    AccountStateResponse
  >,
  'POST /admin/accounts/{personId}/enable': true satisfies Documented<
    Answer<AccountsAdminController, 'enable'>,
    AccountStateResponse
  >,
  'POST /admin/accounts/{personId}/unlock': true satisfies Documented<
    Answer<AccountsAdminController, 'unlock'>,
    AccountUnlockedResponse
  >,
  'GET /auth/oidc': true satisfies Documented<Answer<OidcController, 'status'>, OidcStatusResponse>,
  'GET /admin/accounts/{personId}/identities': true satisfies Documented<
    Answer<AdminIdentitiesController, 'list'>,
    LinkedIdentityResponse[]
  >,
  'POST /admin/accounts/{personId}/identities': true satisfies Documented<
    Answer<AdminIdentitiesController, 'link'>,
    LinkedIdentityResponse
  >,
  'DELETE /admin/accounts/{personId}/identities/{identityId}': true satisfies Documented<
    Answer<AdminIdentitiesController, 'unlink'>,
    UnlinkedIdentityResponse
  >,
  'POST /programmes': true satisfies Documented<Answer<ProgrammesController, 'create'>, ProgrammeCreatedResponse>,
  'GET /programmes': true satisfies Documented<Answer<ProgrammesController, 'list'>, ProgrammeListResponse>,
  'GET /programmes/{id}': true satisfies Documented<Answer<ProgrammesController, 'get'>, ProgrammeDetailResponse>,
  'GET /programmes/{id}/available-actions': true satisfies Documented<
    Answer<AvailableActionsController, 'programme'>,
    AvailableActionsResponse
  >,
  'GET /programmes/{id}/audit': true satisfies Documented<Answer<ProgrammesController, 'audit'>, AuditTrailResponse>,
  'POST /programmes/{id}/actions/*': true satisfies Documented<
    Answer<ProgrammesController, 'act'>,
    ProgrammeActionResultResponse
  >,
  'POST /programmes/{id}/reports': true satisfies Documented<
    Answer<ReportsController, 'generate'>,
    ReportSummaryResponse
  >,
  'GET /programmes/{id}/reports': true satisfies Documented<Answer<ReportsController, 'list'>, ReportListResponse>,
  'POST /programmes/{id}/documents': true satisfies Documented<
    Answer<DocumentsController, 'upload'>,
    ProgrammeDocumentResponse
  >,
  'GET /programmes/{id}/documents': true satisfies Documented<
    Answer<DocumentsController, 'list'>,
    ProgrammeDocumentListResponse
  >,
  'GET /inbox': true satisfies Documented<Answer<InboxController, 'list'>, InboxPageResponse>,
  'GET /inbox/unread-count': true satisfies Documented<Answer<InboxController, 'unread'>, UnreadCountResponse>,
  'GET /inbox/preferences': true satisfies Documented<
    Answer<InboxController, 'preferences'>,
    NotificationPreferencesResponse
  >,
  'PUT /inbox/preferences': true satisfies Documented<
    Answer<InboxController, 'setPreferences'>,
    NotificationPreferencesResponse
  >,
  'POST /inbox/read-all': true satisfies Documented<Answer<InboxController, 'markAll'>, MarkedReadResponse>,
  'GET /admin/calendar': true satisfies Documented<Answer<AdminCalendarController, 'list'>, CalendarYearListResponse>,
  'GET /admin/calendar/{year}': true satisfies Documented<Answer<AdminCalendarController, 'get'>, CalendarYearResponse>,
  'PUT /admin/calendar/{year}': true satisfies Documented<Answer<AdminCalendarController, 'put'>, CalendarYearResponse>,
  'POST /admin/read-model/reconcile': true satisfies Documented<
    Answer<ReadModelAdminController, 'reconcile'>,
    ReconcileTriggeredResponse
  >,
  'GET /admin/read-model/reconciliations': true satisfies Documented<
    Answer<ReadModelAdminController, 'reconciliations'>,
    ReconciliationRunsResponse
  >,
  'GET /admin/notifications/failed': true satisfies Documented<
    Answer<AdminNotificationsController, 'listFailed'>,
    FailedDeliveriesResponse
  >,
  'POST /admin/notifications/failed/retry': true satisfies Documented<
    Answer<AdminNotificationsController, 'retry'>,
    RetriedResponse
  >,
  'GET /admin/notifications/webhook-allowlist': true satisfies Documented<
    Answer<AdminNotificationsController, 'listAllowlist'>,
    AllowlistEntryResponse[]
  >,
  'POST /admin/notifications/webhook-allowlist': true satisfies Documented<
    Answer<AdminNotificationsController, 'allow'>,
    AllowlistEntryResponse
  >,
  'GET /admin/notifications/unit-webhooks': true satisfies Documented<
    Answer<AdminNotificationsController, 'listWebhooks'>,
    UnitWebhookResponse[]
  >,
  'PUT /admin/notifications/unit-webhooks/{unitId}': true satisfies Documented<
    Answer<AdminNotificationsController, 'setWebhook'>,
    UnitWebhookResponse
  >,
  'POST /breakthrough/cycles': true satisfies Documented<Answer<BreakthroughController, 'start'>, CycleCreatedResponse>,
  // The cycle's read-model row is read with SELECT * and typed unknown: only its live part is checked.
  'GET /breakthrough/cycles/{unitId}/{year}': true satisfies Documented<
    NonNullable<Answer<BreakthroughController, 'get'>['live']>,
    BreakthroughViewResponse
  >,
  'POST /breakthrough/cycles/{unitId}/{year}/cascade': true satisfies Documented<
    Answer<BreakthroughController, 'cascade'>,
    CascadeOpenedResponse
  >,
  'GET /breakthrough/cycles/{unitId}/{year}/cascade': true satisfies Documented<
    Answer<BreakthroughController, 'rollup'>,
    CascadeRollupResponse
  >,
  'POST /breakthrough/cycles/{unitId}/{year}/actions/*': true satisfies Documented<
    Answer<BreakthroughController, 'act'>,
    BreakthroughActionResultResponse
  >,
  'GET /supervision/overview': true satisfies Documented<Answer<SupervisionController, 'overview'>, OverviewResponse>,
  'GET /supervision/units': true satisfies Documented<Answer<SupervisionController, 'units'>, UnitInScopeResponse[]>,
  'GET /supervision/programmes': true satisfies Documented<
    Answer<SupervisionController, 'programmes'>,
    SupervisedProgrammePageResponse
  >,
  'GET /supervision/lineage': true satisfies Documented<Answer<SupervisionController, 'lineage'>, LineageResponse>,
  'GET /supervision/programmes/{id}/timeline': true satisfies Documented<
    Answer<SupervisionController, 'timeline'>,
    TimelineResponse
  >,
  'GET /supervision/responsiveness': true satisfies Documented<
    Answer<SupervisionController, 'responsivenessList'>,
    ResponsivenessPageResponse
  >,
  'GET /tasks': true satisfies Documented<Answer<TasksController, 'listMine'>, MyTaskPageResponse>,
  'GET /tasks/counts': true satisfies Documented<Answer<TasksController, 'counts'>, BucketCountsResponse>,
  'GET /tasks/buckets': true satisfies Documented<Answer<TasksController, 'buckets'>, TaskBucketPageResponse>,
  'GET /tasks/supervision': true satisfies Documented<Answer<TasksController, 'supervise'>, TaskPageResponse>,
  'POST /tasks/reassign-bulk': true satisfies Documented<Answer<TasksController, 'reassignBulk'>, BulkReassignResponse>,
  'GET /tasks/{id}': true satisfies Documented<Answer<TasksController, 'get'>, TaskDetailResponse>,
  'GET /tasks/{id}/available-actions': true satisfies Documented<
    Answer<AvailableActionsController, 'task'>,
    AvailableActionsResponse
  >,
  'GET /breakthrough/cycles/{unitId}/{year}/available-actions': true satisfies Documented<
    Answer<AvailableActionsController, 'cycle'>,
    AvailableActionsResponse
  >,
  'GET /tasks/{id}/history': true satisfies Documented<Answer<TasksController, 'history'>, TaskHistoryResponse>,
  'POST /tasks/{id}/actions/*': true satisfies Documented<Answer<TasksController, 'act'>, TaskViewResponse>,
  'GET /organisation/people/{personId}/duties': true satisfies Documented<
    Answer<DutiesController, 'list'>,
    PersonDutiesResponse
  >,
  'POST /organisation/people/{personId}/duties/transfer': true satisfies Documented<
    Answer<DutiesController, 'transfer'>,
    DutyTransferResponse
  >,
  'GET /organisation/units/{id}/open-work': true satisfies Documented<
    Answer<OpenWorkController, 'get'>,
    OpenWorkResponse
  >,
  'POST /admin/organisation/import/dry-run': true satisfies Documented<
    Answer<OrganisationImportController, 'dryRun'>,
    ImportReportResponse
  >,
  'POST /admin/organisation/import/apply': true satisfies Documented<
    Answer<OrganisationImportController, 'apply'>,
    ImportAppliedResponse
  >,
  // The XLSX workbook is a file, documented beside the JSON.
  'GET /appraisal/{year}': true satisfies Documented<
    Exclude<Answer<AppraisalController, 'list'>, StreamableFile>,
    AppraisalListResponse
  >,
  'PUT /appraisal/{year}/{subjectKind}/{subjectId}': true satisfies Documented<
    Answer<AppraisalController, 'appraise'>,
    AppraisalRowResponse
  >,
  'GET /field-groups': true satisfies Documented<Answer<FieldGroupsController, 'list'>, FieldGroupListResponse>,
  'POST /field-groups': true satisfies Documented<Answer<FieldGroupsController, 'create'>, FieldGroupResponse>,
  'PATCH /field-groups/{id}': true satisfies Documented<Answer<FieldGroupsController, 'update'>, FieldGroupResponse>,
  'POST /field-groups/{id}/retire': true satisfies Documented<
    Answer<FieldGroupsController, 'retire'>,
    FieldGroupResponse
  >,
  'GET /programmes/{id}/plans': true satisfies Documented<
    Answer<WorkPlansController, 'ofProgramme'>,
    ProgrammeWorkPlansResponse
  >,
  'GET /work-programmes/{unitId}/{year}/{quarter}': true satisfies Documented<
    Answer<WorkPlansController, 'quarterly'>,
    QuarterlyWorkProgrammeResponse
  >,
  'POST /programmes/{id}/issuance/import': true satisfies Documented<
    Answer<IssuanceImportController, 'importFile'>,
    IssuanceImportResponse
  >,
  'GET /programmes/{id}/reviews/{seq}/form': true satisfies Documented<
    Answer<ReviewFormController, 'form'>,
    ReviewFormResponse
  >,
  'GET /programmes/{id}/drafts/{version}': true satisfies Documented<
    Answer<ConsultationController, 'draft'>,
    DraftResponse
  >,
  'GET /programmes/{id}/drafts/{version}/diff': true satisfies Documented<
    Answer<ConsultationController, 'diff'>,
    DraftDiffResponse
  >,
  'GET /programmes/{id}/consultations/{no}': true satisfies Documented<
    Answer<ConsultationController, 'round'>,
    ConsultationRoundViewResponse
  >,
};

// The public surface of the pure domain: imported by the API, the worker and workflow code.
export { Role, ALL_ROLES, isRole } from './org/roles';
export { OrgUnitKind, OrgTree } from './org/org-unit';
export type { OrgUnitRef } from './org/org-unit';
export { UNIT_KINDS, ALL_UNIT_KINDS, COMMITTEE_KINDS, TWO_LEVEL_SYSTEM_FROM, isUnitKind } from './org/unit-kinds';
export type { UnitKindInfo } from './org/unit-kinds';
export {
  ACCOUNT_ROLES,
  POSITION_ROLES,
  Seat,
  ALL_SEATS,
  SEAT_LABEL_VI,
  isIsoDate,
  periodsOverlap,
  periodWithin,
  unitProblems,
  unitPlacementProblems,
  cycleThrough,
  positionProblems,
  seatConflict,
  heldOn,
  assignmentOn,
} from './org/org-rules';
export type { UnitFacts, PositionFacts, Assignment } from './org/org-rules';
export { hasRole, supervisesFieldGroup } from './org/actor';
export type { Actor } from './org/actor';
export {
  parseIsoDuration,
  isIsoDuration,
  addIsoDuration,
  subtractIsoDuration,
  vnDateOf,
  VN_OFFSET_MS,
} from './time/iso-duration';
export * from './limits';
export { isDecimal, compareDecimal } from './targets/decimal.util';
export {
  Comparator,
  Achievement,
  evaluateTarget,
  summariseAchievement,
  validateGoal,
} from './targets/target-achievement';
export type { TargetGoal, AchievementSummary } from './targets/target-achievement';
export { needsReference, validateActual } from './targets/target-achievement';
export { addDecimal, percentOf } from './targets/decimal-arithmetic';
export { estimateShares, reviewYear, validateAnnualEstimates } from './targets/annual-estimate';
export type { EstimateShare } from './targets/annual-estimate';
export { Phase, PHASE_ORDER, TERMINAL_PHASES, isTerminal, PHASE_LABEL_VI } from './programme/phase';
export {
  BREAKTHROUGH_PHASE_VI,
  localisePhrase,
  phraseOf,
  renderPhrase,
  WORKFLOW_PHRASES,
} from './i18n/workflow-phrases';
export type { PhraseCode, PhraseLanguage } from './i18n/workflow-phrases';
export { englishWordsIn } from './i18n/english-words';
export {
  TEMPLATES,
  findTemplate,
  validateTemplate,
  DEFAULT_TASK_REMINDER_OFFSETS,
  DEFAULT_TASK_ESCALATION_OFFSETS,
} from './programme/programme-template';
export type { ProgrammeTemplate } from './programme/programme-template';
export { countsWorkingDays, dayCountingOf, deadlineAfter, DAY_COUNTINGS } from './programme/deadline-counting';
export type { DayCounting, DeadlineCounting, DeadlineKind, TemplateInUse } from './programme/deadline-counting';
export type { Refusal, RefusalKind } from './programme/refusal';
export { isMemberInCharge, mayInspect } from './programme/permissions';
export {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_VI,
  DOCUMENT_KIND_OF_ACTION,
  documentUploadRefusal,
  isDocumentKind,
} from './programme/documents';
export type { DocumentKind } from './programme/documents';
export { RefusalError, forbidden, invalid, wrongPhase } from './programme/refusal';
export * from './programme/programme-state';
export {
  PROGRAMME_ACTIONS,
  initialState,
  validateAction,
  applyAction,
  availableProgrammeActions,
} from './programme/programme-actions';
export type { AvailableAction, Choice } from './common/available-action';
export type { ProgrammeAction, ProgrammeActionName, ActionPayloads } from './programme/programme-actions';
export type { ProgrammeEffect } from './programme/programme-effect';
export type { TargetInput } from './programme/actions/issuance';
export { closeConsultationAtDeadline } from './programme/actions/consultation';
export {
  answeredIds,
  consultationReminderAt,
  quorumReached,
  roundDraftVersion,
  silentInvitees,
} from './programme/consultation-rounds';
export { diffDrafts, MAX_DIFF_CELLS } from './programme/draft-diff';
export type { DiffHunk, DiffOp, DiffPart, DraftDiff } from './programme/draft-diff';
export { enterPhase } from './programme/phase-transitions';
export {
  openReview,
  closeReview,
  latestClosedReview,
  reviewReporters,
  reviewKind,
  REVIEW_KIND_VI,
} from './programme/reviews';
export { allTasks } from './programme/responsibilities';
export { isApprover, isDrafter } from './programme/permissions';
export { goalForPeriod, reviewForm } from './programme/review-form';
export type { ReviewForm, ReviewFormTarget } from './programme/review-form';
export {
  PLAN_ITEM_STATUSES,
  WORK_PLAN_KINDS,
  linkedTaskIds,
  planItemStatus,
  workPlanId,
  workPlansView,
} from './programme/work-plans';
export type {
  KeyTask,
  PlanItem,
  PlanItemStatus,
  TaskStatusesById,
  WorkPlan,
  WorkPlanKind,
  WorkPlanView,
} from './programme/work-plans';
export type { KeyTaskInput, PlanItemInput } from './programme/actions/work-plans';
export { awaiting } from './programme/awaiting';
export * as calendar from './calendar';
export { TaskBucket, TASK_BUCKETS, taskBucket, withTotal, VN_TIME_ZONE } from './task/task-buckets';
export type { BucketFacts, TaskBucketCounts } from './task/task-buckets';
export { TaskStatus, OPEN_TASK_STATUSES, isTaskClosed, publishedTaskState } from './task/task-state';
export type {
  TaskSetup,
  TaskState,
  TaskSource,
  TaskOutcome,
  ProgressReport,
  ExtensionRequest,
  Reassignment,
} from './task/task-state';
export {
  TASK_ACTIONS,
  initialTaskState,
  validateTaskAction,
  applyTaskAction,
  availableTaskActions,
} from './task/task-actions';
export type { TaskAction, TaskActionName, TaskActionPayloads } from './task/task-actions';
export { assignmentEffects, timerEffects } from './task/task-effects';
export type { TaskEffect } from './task/task-effects';
export { pendingExtension, requestedDueAt } from './task/actions/extension';
export {
  DEFAULT_WORKING_CALENDAR,
  dueInWorkingDays,
  offsetBefore,
  offsetAfter,
  taskTimers,
} from './task/task-schedule';
export type { TaskTimer } from './task/task-schedule';
export { programmeTaskId, recordTaskOutcome, taskFigures } from './programme/task-outcomes';
export {
  BREAKTHROUGH_ACTIONS,
  validateBreakthroughAction,
  applyBreakthroughAction,
  availableCycleActions,
} from './breakthrough/breakthrough-cycle';
export type {
  BreakthroughAction,
  BreakthroughActionName,
  BreakthroughPayloads,
} from './breakthrough/breakthrough-cycle';
export {
  BreakthroughPhase,
  breakthroughTaskId,
  initialBreakthroughState,
  validateBreakthroughSetup,
} from './breakthrough/breakthrough-state';
export type {
  BreakthroughSetup,
  BreakthroughState,
  BreakthroughEffect,
  BreakthroughSummary,
  ContentGroup,
  Registration,
  RegistrationStatus,
  AppraisalDecision,
  BreakthroughResult,
} from './breakthrough/breakthrough-state';
export {
  closeRegistration,
  closeAppraisal,
  evaluateAtYearEnd,
  breakthroughReminder,
  recordBreakthroughOutcome,
} from './breakthrough/breakthrough-deadlines';
export {
  checkContentGroup,
  cycleFigures,
  emptyFigures,
  resultFrom,
  validateContentGroups,
} from './breakthrough/breakthrough-figures';
export type { BreakthroughBreakdown, BreakthroughFigures } from './breakthrough/breakthrough-figures';
export {
  PROGRAMME_DUTY_KINDS,
  TASK_DUTY_KINDS,
  CYCLE_DUTY_KINDS,
  DUTY_KINDS,
  DUTY_KIND_LABEL_VI,
  isDutyKind,
} from './rotation/duty-kinds';
export type {
  DutyKind,
  ProgrammeDutyKind,
  TaskDutyKind,
  CycleDutyKind,
  HeldDuty,
  DutyTransferPayload,
  DutyTransferResult,
} from './rotation/duty-kinds';
export {
  programmeDuties,
  taskDuties,
  cycleDuties,
  validateProgrammeTransfer,
  applyProgrammeTransfer,
  validateTaskTransfer,
  applyTaskTransfer,
  validateCycleTransfer,
  applyCycleTransfer,
} from './rotation/duty-transfer';
export {
  ResolutionKind,
  RESOLUTION_KINDS,
  RESOLUTION_KIND_VI,
  ResolutionLevel,
  RESOLUTION_LEVELS,
  RESOLUTION_LEVEL_VI,
  ResolutionStatus,
  RESOLUTION_STATUSES,
  RESOLUTION_STATUS_VI,
  ExternalBody,
  EXTERNAL_BODIES,
  EXTERNAL_BODY_VI,
  DOCUMENT_NUMBER_PATTERN,
  FIELD_GROUP_PATTERN,
  normaliseDocumentNumber,
  documentNumberProblem,
  levelOf,
  implementsProblem,
  statusChangeProblem,
  signedOnProblem,
  termYears,
} from './resolution/resolution-registry';
export type { IssuingBody, RegistryNode } from './resolution/resolution-registry';
export { COUNT_DIMENSIONS, countBy } from './resolution/registry-counts';
export type { CountDimension, CountedItem, CountRow, KindCounts } from './resolution/registry-counts';
export { ORG_CHANGE_KINDS, PREDECESSOR_STATUS, dayBefore, orgChangeProblem, planOrgChange } from './org/org-change';
export type {
  OrgChangeKind,
  OrgChangeUnit,
  NewOrgUnit,
  OrgChangeItem,
  OrgChangeRequest,
  UnitFact,
  OrgChangePlan,
} from './org/org-change';
export {
  applyOrgChangeToProgramme,
  applyOrgChangeToTask,
  applyOrgChangeToCycle,
  cycleUnitId,
} from './org/org-change-mapping';
export type { OrgChangeMapping, UnitChanges } from './org/org-change-mapping';
export { endWithProgramme, reopenCount, reopenTask } from './task/reopening';
export type { ProgrammeEnding, ReopenOrder, TaskReopening } from './task/reopening';
export { applyFollowUp, ownTaskIds, startedTaskIds, validateFollowUp } from './programme/inspection-follow-up';
export type { CorrectiveTask, InspectionFollowUp, ReopenRequest } from './programme/inspection-follow-up';
export {
  APPRAISAL_RATINGS,
  APPRAISAL_SUBJECT_KINDS,
  vnYear,
  vnYearSpan,
  yearlyFigures,
} from './appraisal/yearly-figures';
export type {
  AppraisalRating,
  AppraisalSubjectKind,
  AppraisalTargetFacts,
  AppraisalTaskFacts,
  YearlyFigures,
} from './appraisal/yearly-figures';
export {
  FIELD_GROUP_CODE_PATTERN,
  MAX_FIELD_GROUP_NAME_LENGTH,
  assignTasksByField,
  fieldGroupInputProblem,
  fieldGroupProblem,
  supervisedFieldGroups,
} from './field-group/field-groups';
export type { FieldGroupRef, TaskByField } from './field-group/field-groups';
export {
  STEERING_NOTICE_KINDS,
  isSteeringMember,
  steeringCommitteeIds,
  withSteeringCommittee,
} from './programme/steering-committee';
export {
  DEADLINE_KINDS,
  deadlineRuleProblem,
  obligationDueOn,
  obligationDueAt,
  deadlineRuleVi,
} from './cascade/cascade-deadline';
export type { DeadlineRule } from './cascade/cascade-deadline';
export {
  ObligationStanding,
  OBLIGATION_STANDINGS,
  OBLIGATION_STANDING_VI,
  obligationStanding,
  countStandings,
} from './cascade/obligation-standing';
export type { ObligationFacts, StandingCounts } from './cascade/obligation-standing';
export {
  DEFAULT_CASCADE_REMINDER_OFFSETS,
  DEFAULT_CASCADE_ESCALATION_OFFSETS,
  initialCascadeState,
  cascadeTimers,
  cascadeTimerEffects,
  obligationCreatedEffects,
  validateIssuance,
  applyIssuance,
  validateWithdrawal,
  applyWithdrawal,
} from './cascade/cascade-obligation';
export type {
  CascadeSetup,
  CascadeState,
  CascadeStatus,
  CascadeEffect,
  CascadeTimer,
  CascadeIssuance,
  RecordIssuancePayload,
  WithdrawObligationPayload,
} from './cascade/cascade-obligation';

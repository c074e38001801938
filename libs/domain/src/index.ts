// The public surface of the pure domain: imported by the API, the worker and workflow code.
export { Role, ALL_ROLES, isRole } from './org/roles';
export { OrgUnitKind, OrgTree } from './org/org-unit';
export type { OrgUnitRef } from './org/org-unit';
export { hasRole } from './org/actor';
export type { Actor } from './org/actor';
export {
  parseIsoDuration,
  isIsoDuration,
  addIsoDuration,
  subtractIsoDuration,
  vnDateOf,
  VN_OFFSET_MS,
} from './time/iso-duration';
export { isDecimal, compareDecimal } from './targets/decimal.util';
export {
  Comparator,
  Achievement,
  evaluateTarget,
  summariseAchievement,
  validateGoal,
} from './targets/target-achievement';
export type { TargetGoal, AchievementSummary } from './targets/target-achievement';
export { Phase, PHASE_ORDER, TERMINAL_PHASES, isTerminal, PHASE_LABEL_VI } from './programme/phase';
export {
  TEMPLATES,
  findTemplate,
  validateTemplate,
  DEFAULT_TASK_REMINDER_OFFSETS,
  DEFAULT_TASK_ESCALATION_OFFSETS,
} from './programme/programme-template';
export type { ProgrammeTemplate } from './programme/programme-template';
export type { Refusal, RefusalKind } from './programme/refusal';
export { RefusalError, forbidden, invalid, wrongPhase } from './programme/refusal';
export * from './programme/programme-state';
export {
  PROGRAMME_ACTIONS,
  initialState,
  validateAction,
  applyAction,
  enterPhase,
  openReview,
  closeReview,
  latestClosedReview,
  closeConsultationAtDeadline,
  reviewReporters,
  allTasks,
  reviewKind,
  awaiting,
  REVIEW_KIND_VI,
} from './programme/programme-actions';
export type {
  ProgrammeAction,
  ProgrammeActionName,
  ActionPayloads,
  ProgrammeEffect,
  TargetInput,
} from './programme/programme-actions';
export * as calendar from './calendar';
export { TaskBucket, TASK_BUCKETS, taskBucket, withTotal, VN_TIME_ZONE } from './task/task-buckets';
export type { BucketFacts, TaskBucketCounts } from './task/task-buckets';
export { TaskStatus, OPEN_TASK_STATUSES, isTaskClosed } from './task/task-state';
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
  assignmentEffects,
  validateTaskAction,
  applyTaskAction,
  timerEffects,
  pendingExtension,
  requestedDueAt,
} from './task/task-actions';
export type { TaskAction, TaskActionName, TaskActionPayloads, TaskEffect } from './task/task-actions';
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
  BreakthroughPhase,
  BREAKTHROUGH_ACTIONS,
  breakthroughTaskId,
  initialBreakthroughState,
  validateBreakthroughSetup,
  validateBreakthroughAction,
  applyBreakthroughAction,
  closeRegistration,
  closeAppraisal,
  evaluateAtYearEnd,
  breakthroughReminder,
  recordBreakthroughOutcome,
} from './breakthrough/breakthrough-cycle';
export type {
  BreakthroughSetup,
  BreakthroughState,
  BreakthroughAction,
  BreakthroughActionName,
  BreakthroughPayloads,
  BreakthroughEffect,
  BreakthroughSummary,
  Registration,
  RegistrationStatus,
  AppraisalDecision,
  BreakthroughResult,
} from './breakthrough/breakthrough-cycle';

import type { CorrectiveTask } from './inspection-follow-up';
import type { EstimateShare } from '../targets/annual-estimate';
import type { Achievement, AchievementSummary, TargetGoal } from '../targets/target-achievement';
import type { TaskOutcome } from '../task/task-state';
import { Phase } from './phase';
import type { WorkPlan } from './work-plans';

/** What a programme is created with (from a template, before any phase work). */
export interface ProgrammeSetup {
  programmeId: string;
  title: string;
  templateId: string;
  templateVersion: number;
  issuingUnitId: string;
  /** Person id of the head (secretary) of the issuing committee: disseminates personally. */
  issuingHeadId: string;
  memberInChargeId: string;
  fieldGroup: string;
  /** e.g. "2020-2025". */
  term: string;
  /** The number of the resolution it implements, as text; for a registry entry, derived from it. */
  implementsResolution: string | null;
  /**
   * The registry entry it implements (`resolution.id`). Optional input data: programmes started before
   * the registry have none, so adding it changes no workflow's commands.
   */
  resolutionId?: string | null;
  createdBy: string;
}

export interface Authored {
  by: string;
  at: string;
}

export interface DraftVersion extends Authored {
  version: number;
  text: string | null;
  documentRef: string | null;
  changeNote: string;
  /** The file of the programme's documents it goes with (absent before documents, and when none was named). */
  documentId?: string;
}

export interface ConsultationRound {
  no: number;
  inviteeIds: string[];
  deadline: string;
  openedAt: string;
  opinions: Record<string, { text: string; at: string }>;
  closedAt: string | null;
  /** Invitees who had not answered when the round closed. */
  silentIds: string[];
  /** The draft version the round asks about (absent in rounds opened before it was kept: see `roundDraftVersion`). */
  draftVersion?: number;
  /** Answers that let the drafting team close the round before its deadline (absent: everyone's). */
  quorum?: number;
}

export interface ProgrammeTarget {
  code: string;
  name: string;
  unit: string;
  baseline: string | null;
  goal: TargetGoal;
  responsibleUnitId: string;
  /** Goals for named periods (e.g. "2023"), when they differ from the overall goal. */
  periodGoals: Record<string, TargetGoal>;
  /** The estimate (plan figure) for each year, e.g. {"2026": "14800"}; absent on targets issued before. */
  annualEstimates?: Record<string, string>;
}

export interface ProgrammeTask {
  code: string;
  title: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  coordinatingUnitIds: string[];
  dueAt: string;
  /** Assigned by field: the field group named instead of a member in charge (absent: the programme's group). */
  fieldGroup?: string;
  /** The task's own member in charge (by field: the group's supervising member); absent: the programme's. */
  memberInChargeId?: string;
}

export interface Issuance extends Authored {
  documentNumber: string;
  issuedOn: string;
  targets: ProgrammeTarget[];
  tasks: ProgrammeTask[];
  solutions: string[];
  resources: string[];
  steeringCommittee: { headId: string; memberIds: string[] } | null;
  /** The file of the programme's documents it goes with (absent before documents, and when none was named). */
  documentId?: string;
}

export type ReviewKind = 'QUARTERLY' | 'HALF_YEAR' | 'YEARLY' | 'MID_TERM' | 'FINAL';

export interface UnitReport extends Authored {
  unitId: string;
  text: string;
  values: Record<string, string>;
  /** Reference values of relative targets as the unit reports them (e.g. the national average). */
  references?: Record<string, string>;
  /** The file of the programme's documents it goes with (absent before documents, and when none was named). */
  documentId?: string;
}

export interface Review {
  seq: number;
  kind: ReviewKind;
  periodLabel: string;
  opensAt: string;
  closesAt: string;
  /** Units expected to report: those responsible for a target or a task. */
  expectedUnitIds: string[];
  reports: Record<string, UnitReport>;
  closedAt: string | null;
  results: Record<string, Achievement>;
  summary: AchievementSummary | null;
  /** Targets that were not achieved or had no data: the "low" areas. */
  lowTargetCodes: string[];
  /** Commendations made at this review (absent in reviews from before they existed). */
  commendations?: ReviewCommendation[];
  /** Once closed, the reference value each relative target was judged against (absent when none). */
  referenceValues?: Record<string, string>;
  /** Once closed, each value as a share of its target's estimate for the review's year (absent when none). */
  estimateShares?: Record<string, EstimateShare>;
}

export interface Inspection extends Authored {
  findings: string;
  unitId: string | null;
  /** Finished tasks the finding reopened, with their new deadlines (absent before reopening existed). */
  reopenedTasks?: Array<{ taskId: string; dueAt: string; reason: string }>;
  /** Codes of the corrective tasks the finding opened. */
  correctiveTaskCodes?: string[];
  /** The file of the programme's documents it goes with (absent before documents, and when none was named). */
  documentId?: string;
}

/** A commendation at any review (biểu dương): a unit or person, with the reason. */
export interface ReviewCommendation extends Authored {
  subjectKind: 'UNIT' | 'PERSON';
  subjectId: string;
  reason: string;
}

export type Rating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

export interface Evaluation extends Authored {
  subjectKind: 'UNIT' | 'PERSON';
  subjectId: string;
  rating: Rating;
  figures: {
    tasksOnTime: number;
    tasksLate: number;
    tasksOverdue: number;
    targetsAchieved: number;
    targetsTotal: number;
  };
  comment: string;
}

export interface PhaseEntry {
  seq: number;
  phase: Phase;
  enteredAt: string;
  deadline: string | null;
  actorId: string | null;
  reason: string | null;
}

export interface ProgrammeState {
  setup: ProgrammeSetup;
  phase: Phase;
  phaseSeq: number;
  phaseEnteredAt: string;
  phaseDeadline: string | null;
  /** Every phase entered so far (kept whole: a programme enters at most a few dozen). */
  phaseHistory: PhaseEntry[];
  survey: { surveyorIds: string[]; findings: Record<string, { text: string; at: string }> };
  drafts: DraftVersion[];
  consultations: ConsultationRound[];
  approval: { approvedBy: string | null; approvedAt: string | null; sendBacks: Array<Authored & { reasons: string }> };
  issuance: Issuance | null;
  dissemination: {
    heldOn: string | null;
    recordedBy: string | null;
    audienceIds: string[];
    acknowledged: Record<string, string>;
  };
  implementation: {
    startedAt: string | null;
    termEndsAt: string | null;
    annualPlans: Array<Authored & { year: number; title: string; items: string[]; tasks: ProgrammeTask[] }>;
    reviews: Review[];
    inspections: Inspection[];
    /** Tasks opened by inspection findings, each with its own deadline. */
    correctiveTasks?: CorrectiveTask[];
  };
  finalReview: {
    review: Review | null;
    evaluations: Evaluation[];
    commendations: Array<Authored & { subjectKind: 'UNIT' | 'PERSON'; subjectId: string; text: string }>;
    lessons: string[];
  };
  endReason: string | null;
  supersededBy: string | null;
  /** Request ids already applied (bounded): a retried request has exactly one effect. */
  appliedRequestIds: string[];
  /** Monotonic version of this state; projections carry it so older writes never win. */
  version: number;
  /** Latest outcome reported by each task workflow, by task id (absent in states from before tasks ran as workflows). */
  taskOutcomes?: Record<string, TaskOutcome>;
  /** Annual plans and quarterly work programmes with numbered items (absent in states from before them). */
  workPlans?: WorkPlan[];
}

export const MAX_REMEMBERED_REQUEST_IDS = 500;

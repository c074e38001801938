import { isIsoDuration } from '../time/iso-duration';
import { type DeadlineCounting, deadlineCountingProblems } from './deadline-counting';
import { Phase, PHASE_ORDER } from './phase';

/**
 * A programme template is data: which phases apply, how long each may take, when reminders go out,
 * how often reviews happen. Every period is an ISO-8601 duration, so the demo template runs a
 * whole term in minutes on the same code as a real five-year programme.
 */
export interface ProgrammeTemplate {
  id: string;
  version: number;
  name: string;
  /** Phases that apply, in order; SURVEY is absent for a yearly work programme. */
  phases: Phase[];
  /** Deadline of each human phase after it is entered. */
  phaseDurations: Partial<Record<Phase, string>>;
  /** Reminders before a deadline, e.g. ["P7D", "P1D", "PT0S"]. */
  reminderOffsets: string[];
  /** After a missed deadline: escalate to the member in charge after each of these. */
  escalationOffsets: string[];
  /** Length of the implementation phase (the term). */
  term: string;
  /** One review per period (P3M = quarterly); each 2nd is half-yearly, each 4th yearly. */
  reviewEvery: string;
  /** How long units have to report once a review opens. */
  reviewWindow: string;
  /** Default deadline of a consultation round. */
  consultationWindow: string;
  /** Task reminders before the due date; whole days (P7D) count working days. Absent in older templates: DEFAULT_TASK_REMINDER_OFFSETS. */
  taskReminderOffsets?: string[];
  /** Task escalations after the due date, cumulative: first to the unit head, then to the member in charge. */
  taskEscalationOffsets?: string[];
  /** Which deadlines count working days (whole-day durations only). Absent in older templates: all calendar days. */
  deadlineCounting?: DeadlineCounting;
}

export const DEFAULT_TASK_REMINDER_OFFSETS: readonly string[] = ['P7D', 'P1D', 'P0D'];
export const DEFAULT_TASK_ESCALATION_OFFSETS: readonly string[] = ['P1D', 'P3D'];

export const TEMPLATES: readonly ProgrammeTemplate[] = [
  {
    id: 'action-programme',
    version: 1,
    name: 'Chương trình hành động thực hiện nghị quyết (nhiệm kỳ 5 năm)',
    phases: [...PHASE_ORDER],
    phaseDurations: {
      SURVEY: 'P30D',
      DRAFTING: 'P30D',
      CONSULTATION: 'P15D',
      APPROVAL: 'P15D',
      DISSEMINATION: 'P30D',
      FINAL_REVIEW: 'P60D',
    },
    reminderOffsets: ['P7D', 'P1D'],
    escalationOffsets: ['P1D', 'P7D'],
    term: 'P5Y',
    reviewEvery: 'P3M',
    reviewWindow: 'P15D',
    consultationWindow: 'P10D',
    taskReminderOffsets: ['P7D', 'P1D', 'P0D'],
    taskEscalationOffsets: ['P1D', 'P3D'],
  },
  {
    id: 'work-programme',
    version: 1,
    name: 'Chương trình công tác năm',
    phases: [
      Phase.DRAFTING,
      Phase.CONSULTATION,
      Phase.APPROVAL,
      Phase.ISSUED,
      Phase.DISSEMINATION,
      Phase.IMPLEMENTATION,
      Phase.FINAL_REVIEW,
      Phase.CLOSED,
    ],
    phaseDurations: {
      DRAFTING: 'P15D',
      CONSULTATION: 'P7D',
      APPROVAL: 'P7D',
      DISSEMINATION: 'P15D',
      FINAL_REVIEW: 'P30D',
    },
    reminderOffsets: ['P3D', 'P1D'],
    escalationOffsets: ['P1D'],
    term: 'P1Y',
    reviewEvery: 'P3M',
    reviewWindow: 'P10D',
    consultationWindow: 'P5D',
    taskReminderOffsets: ['P3D', 'P1D', 'P0D'],
    taskEscalationOffsets: ['P1D', 'P2D'],
  },
  {
    // Version 2 counts the human steps in working days, as the regulations on documents write them;
    // the final review stays in calendar days. Programmes started on version 1 keep calendar days.
    id: 'action-programme',
    version: 2,
    name: 'Chương trình hành động thực hiện nghị quyết (nhiệm kỳ 5 năm, thời hạn tính theo ngày làm việc)',
    phases: [...PHASE_ORDER],
    phaseDurations: {
      SURVEY: 'P20D',
      DRAFTING: 'P20D',
      CONSULTATION: 'P10D',
      APPROVAL: 'P10D',
      DISSEMINATION: 'P20D',
      FINAL_REVIEW: 'P60D',
    },
    reminderOffsets: ['P7D', 'P1D'],
    escalationOffsets: ['P1D', 'P7D'],
    term: 'P5Y',
    reviewEvery: 'P3M',
    reviewWindow: 'P10D',
    consultationWindow: 'P7D',
    taskReminderOffsets: ['P7D', 'P1D', 'P0D'],
    taskEscalationOffsets: ['P1D', 'P3D'],
    deadlineCounting: {
      phases: {
        SURVEY: 'WORKING_DAYS',
        DRAFTING: 'WORKING_DAYS',
        CONSULTATION: 'WORKING_DAYS',
        APPROVAL: 'WORKING_DAYS',
        DISSEMINATION: 'WORKING_DAYS',
        FINAL_REVIEW: 'CALENDAR_DAYS',
      },
      consultation: 'WORKING_DAYS',
      review: 'WORKING_DAYS',
    },
  },
  {
    id: 'work-programme',
    version: 2,
    name: 'Chương trình công tác năm (thời hạn tính theo ngày làm việc)',
    phases: [
      Phase.DRAFTING,
      Phase.CONSULTATION,
      Phase.APPROVAL,
      Phase.ISSUED,
      Phase.DISSEMINATION,
      Phase.IMPLEMENTATION,
      Phase.FINAL_REVIEW,
      Phase.CLOSED,
    ],
    phaseDurations: {
      DRAFTING: 'P10D',
      CONSULTATION: 'P5D',
      APPROVAL: 'P5D',
      DISSEMINATION: 'P10D',
      FINAL_REVIEW: 'P30D',
    },
    reminderOffsets: ['P3D', 'P1D'],
    escalationOffsets: ['P1D'],
    term: 'P1Y',
    reviewEvery: 'P3M',
    reviewWindow: 'P7D',
    consultationWindow: 'P5D',
    taskReminderOffsets: ['P3D', 'P1D', 'P0D'],
    taskEscalationOffsets: ['P1D', 'P2D'],
    deadlineCounting: {
      phases: {
        DRAFTING: 'WORKING_DAYS',
        CONSULTATION: 'WORKING_DAYS',
        APPROVAL: 'WORKING_DAYS',
        DISSEMINATION: 'WORKING_DAYS',
      },
      consultation: 'WORKING_DAYS',
      review: 'WORKING_DAYS',
    },
  },
  {
    id: 'demo-fast',
    version: 1,
    name: 'Mẫu trình diễn (thời hạn rút gọn)',
    phases: [...PHASE_ORDER],
    phaseDurations: {
      SURVEY: 'PT2M',
      DRAFTING: 'PT2M',
      CONSULTATION: 'PT1M',
      APPROVAL: 'PT1M',
      DISSEMINATION: 'PT1M',
      FINAL_REVIEW: 'PT2M',
    },
    reminderOffsets: ['PT30S', 'PT10S'],
    escalationOffsets: ['PT10S', 'PT1M'],
    term: 'PT8M',
    reviewEvery: 'PT2M',
    reviewWindow: 'PT1M',
    consultationWindow: 'PT1M',
    taskReminderOffsets: ['PT1M', 'PT20S', 'PT0S'],
    taskEscalationOffsets: ['PT5S', 'PT10S'],
  },
  {
    // For training drills and end-to-end checks: the human phases keep workable deadlines, while the
    // term, its two reviews and the final review pass in under a minute.
    id: 'drill',
    version: 1,
    name: 'Mẫu diễn tập (thực hiện và sơ kết tính bằng giây)',
    phases: [...PHASE_ORDER],
    phaseDurations: {
      SURVEY: 'PT30M',
      DRAFTING: 'PT30M',
      CONSULTATION: 'PT30M',
      APPROVAL: 'PT30M',
      ISSUED: 'PT30M',
      DISSEMINATION: 'PT30M',
      FINAL_REVIEW: 'PT24S',
    },
    reminderOffsets: ['PT4S', 'PT2S'],
    escalationOffsets: ['PT2S', 'PT1M'],
    term: 'PT24S',
    reviewEvery: 'PT8S',
    reviewWindow: 'PT5S',
    consultationWindow: 'PT30M',
  },
];

export function findTemplate(id: string, version?: number): ProgrammeTemplate | undefined {
  const candidates = TEMPLATES.filter((t) => t.id === id && (version === undefined || t.version === version));
  return candidates.sort((a, b) => b.version - a.version)[0];
}

/** Readable problems with a template, empty when it is usable. */
export function validateTemplate(t: ProgrammeTemplate): string[] {
  const problems: string[] = [];
  const durations = [
    ...Object.entries(t.phaseDurations).map(([p, d]) => [`phaseDurations.${p}`, d] as const),
    ...t.reminderOffsets.map((d, i) => [`reminderOffsets[${i}]`, d] as const),
    ...t.escalationOffsets.map((d, i) => [`escalationOffsets[${i}]`, d] as const),
    ...(t.taskReminderOffsets ?? []).map((d, i) => [`taskReminderOffsets[${i}]`, d] as const),
    ...(t.taskEscalationOffsets ?? []).map((d, i) => [`taskEscalationOffsets[${i}]`, d] as const),
    ['term', t.term] as const,
    ['reviewEvery', t.reviewEvery] as const,
    ['reviewWindow', t.reviewWindow] as const,
    ['consultationWindow', t.consultationWindow] as const,
  ];
  for (const [name, d] of durations)
    if (!isIsoDuration(d)) problems.push(`${name}: "${d}" is not an ISO-8601 duration`);
  if (!t.phases.includes(Phase.ISSUED) || !t.phases.includes(Phase.CLOSED))
    problems.push('phases must include ISSUED and CLOSED');
  problems.push(...deadlineCountingProblems(t));
  return problems;
}

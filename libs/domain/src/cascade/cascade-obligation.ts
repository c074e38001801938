/**
 * One obligation of the cascade as its workflow carries it: a subordinate body must issue its own
 * programme or plan implementing a registry entry by a deadline. Reminders go before the deadline to the
 * body's head and advisory staff; escalations after it to the issuer's member in charge, then its
 * Standing Committee; nothing more once the body has issued or the obligation is withdrawn. Pure.
 */
import type { AuditEffect, NotifyEffect } from '../common/effects';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Refusal } from '../programme/refusal';
import { offsetAfter, offsetBefore } from '../task/task-schedule';
import type { IsoDate } from '../calendar/calendar-date.util';

/** Working days before the deadline (whole days count working days, as task reminders do). */
export const DEFAULT_CASCADE_REMINDER_OFFSETS = ['P10D', 'P3D'];
/** After the deadline: the member in charge at once (next working day), the Standing Committee a week later. */
export const DEFAULT_CASCADE_ESCALATION_OFFSETS = ['P1D', 'P5D'];

export interface CascadeSetup {
  obligationId: string;
  resolutionId: string;
  resolutionNumber: string;
  resolutionTitle: string;
  /** The obliged body. */
  unitId: string;
  unitName: string;
  /** The issuing committee (its Standing Committee is escalated to). */
  issuerCommitteeId: string;
  memberInChargeId: string | null;
  dueOn: IsoDate;
  /** Close of business on `dueOn`, Vietnam time. */
  dueAt: string;
  createdAt: string;
  createdBy: string;
  reminderOffsets: string[];
  escalationOffsets: string[];
  /** The body had issued already when obliged: the obligation starts fulfilled. */
  issuedAlready?: CascadeIssuance | null;
}

export interface CascadeIssuance {
  programmeId: string;
  issuedOn: IsoDate;
}

export type CascadeStatus = 'OPEN' | 'FULFILLED' | 'WITHDRAWN';

export interface CascadeState {
  version: number;
  setup: CascadeSetup;
  status: CascadeStatus;
  issuance: (CascadeIssuance & { recordedAt: string }) | null;
  withdrawal: { by: string; reason: string; at: string } | null;
  remindersSent: number;
  escalationsSent: number;
  appliedRequestIds: string[];
}

/** A notice to the heads of units, named people, or everyone holding a role in (or for) some units. */
export type CascadeNotify = NotifyEffect & {
  roleIn?: { role: 'ADVISORY_STAFF' | 'STANDING_COMMITTEE'; unitIds: string[] };
};
export type CascadeEffect = AuditEffect | CascadeNotify;

export interface CascadeTimer {
  key: string;
  kind: 'REMINDER' | 'ESCALATION';
  level: number;
  at: number;
}

export function initialCascadeState(setup: CascadeSetup): CascadeState {
  return {
    version: 1,
    setup,
    status: setup.issuedAlready ? 'FULFILLED' : 'OPEN',
    issuance: setup.issuedAlready ? { ...setup.issuedAlready, recordedAt: setup.createdAt } : null,
    withdrawal: null,
    remindersSent: 0,
    escalationsSent: 0,
    appliedRequestIds: [],
  };
}

export function cascadeParams(s: CascadeState): Record<string, string | number | null> {
  const q = s.setup;
  return {
    obligationId: q.obligationId,
    resolutionId: q.resolutionId,
    number: q.resolutionNumber,
    title: q.resolutionTitle,
    unitName: q.unitName,
    dueOn: q.dueOn,
    dueAt: q.dueAt,
  };
}

/**
 * Reminders before the deadline and escalations after it, while the obligation is open. Reminders that
 * would fall before it was created are dropped; of the escalations already due then, only the highest
 * fires (a body obliged late is escalated once, not at every level at once).
 */
export function cascadeTimers(s: CascadeState, cal: WorkingCalendar): CascadeTimer[] {
  if (s.status !== 'OPEN') return [];
  const due = new Date(s.setup.dueAt);
  const created = Date.parse(s.setup.createdAt);
  const timers: CascadeTimer[] = [];
  s.setup.reminderOffsets.forEach((offset, i) => {
    const at = offsetBefore(due, offset, cal).getTime();
    if (at >= created) timers.push({ key: `remind${i + 1}`, kind: 'REMINDER', level: i + 1, at });
  });
  let at = due;
  const escalations: CascadeTimer[] = [];
  s.setup.escalationOffsets.forEach((offset, i) => {
    at = offsetAfter(at, offset, cal);
    escalations.push({ key: `escalate${i + 1}`, kind: 'ESCALATION', level: i + 1, at: at.getTime() });
  });
  const past = escalations.filter((t) => t.at < created);
  const kept = escalations.filter((t) => t.at >= created || t === past[past.length - 1]);
  return [...timers, ...kept].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** The obligation's first history row and the notice to the obliged body. */
export function obligationCreatedEffects(s: CascadeState): CascadeEffect[] {
  const q = s.setup;
  return [
    {
      type: 'audit',
      action: 'obligation.created',
      actorId: q.createdBy,
      before: null,
      after: { unitId: q.unitId, dueOn: q.dueOn, resolutionId: q.resolutionId },
    },
    ...(s.status === 'OPEN'
      ? [
          {
            type: 'notify' as const,
            kind: 'CASCADE_OBLIGATION',
            recipientIds: [],
            headOfUnitIds: [q.unitId],
            roleIn: { role: 'ADVISORY_STAFF' as const, unitIds: [q.unitId] },
            params: cascadeParams(s),
          },
        ]
      : []),
  ];
}

/** What a due timer does: remind the obliged body, or escalate to the issuer. */
export function cascadeTimerEffects(s: CascadeState, timer: Pick<CascadeTimer, 'kind' | 'level'>): CascadeEffect[] {
  const q = s.setup;
  if (timer.kind === 'REMINDER') {
    s.remindersSent += 1;
    return [
      { type: 'audit', action: 'obligation.reminded', actorId: null, before: null, after: { level: timer.level } },
      {
        type: 'notify',
        kind: 'CASCADE_REMINDER',
        recipientIds: [],
        headOfUnitIds: [q.unitId],
        roleIn: { role: 'ADVISORY_STAFF', unitIds: [q.unitId] },
        params: { ...cascadeParams(s), level: timer.level },
      },
    ];
  }
  s.escalationsSent += 1;
  // The member in charge first; the Standing Committee from the second level, or at once when nobody is in charge.
  const toStanding = timer.level > 1 || !q.memberInChargeId;
  return [
    {
      type: 'audit',
      action: 'obligation.escalated',
      actorId: null,
      before: null,
      after: { level: timer.level, to: toStanding ? 'STANDING_COMMITTEE' : 'MEMBER_IN_CHARGE' },
    },
    {
      type: 'notify',
      kind: 'CASCADE_ESCALATION',
      recipientIds: q.memberInChargeId ? [q.memberInChargeId] : [],
      headOfUnitIds: [q.unitId],
      ...(toStanding ? { roleIn: { role: 'STANDING_COMMITTEE' as const, unitIds: [q.issuerCommitteeId] } } : {}),
      params: { ...cascadeParams(s), level: timer.level },
    },
  ];
}

export interface RecordIssuancePayload {
  requestId: string;
  programmeId: string;
  issuedOn: IsoDate;
}

export interface WithdrawObligationPayload {
  requestId: string;
  actorId: string;
  reason: string;
}

/** Why the body's issuance cannot be recorded now, or null (a retry of the same request passes). */
export function validateIssuance(s: CascadeState, p: RecordIssuancePayload): Refusal | null {
  if (s.appliedRequestIds.includes(p.requestId)) return null;
  if (typeof p.programmeId !== 'string' || !p.programmeId) return { kind: 'INVALID', reason: 'programmeId is needed' };
  if (typeof p.issuedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.issuedOn))
    return { kind: 'INVALID', reason: 'issuedOn must be a date like 2025-03-31' };
  if (s.status !== 'OPEN')
    return { kind: 'WRONG_PHASE', reason: `the obligation is ${s.status.toLowerCase()} already` };
  return null;
}

export function applyIssuance(s: CascadeState, p: RecordIssuancePayload, now: Date): CascadeEffect[] {
  if (s.appliedRequestIds.includes(p.requestId)) return [];
  s.appliedRequestIds.push(p.requestId);
  s.status = 'FULFILLED';
  s.issuance = { programmeId: p.programmeId, issuedOn: p.issuedOn, recordedAt: now.toISOString() };
  s.version += 1;
  return [
    {
      type: 'audit',
      action: 'obligation.fulfilled',
      actorId: null,
      before: { status: 'OPEN' },
      after: { status: 'FULFILLED', programmeId: p.programmeId, issuedOn: p.issuedOn },
    },
  ];
}

export function validateWithdrawal(s: CascadeState, p: WithdrawObligationPayload): Refusal | null {
  if (s.appliedRequestIds.includes(p.requestId)) return null;
  if (typeof p.actorId !== 'string' || !p.actorId) return { kind: 'INVALID', reason: 'the withdrawal names its actor' };
  if (s.status !== 'OPEN')
    return { kind: 'WRONG_PHASE', reason: `the obligation is ${s.status.toLowerCase()} already` };
  return null;
}

export function applyWithdrawal(s: CascadeState, p: WithdrawObligationPayload, now: Date): CascadeEffect[] {
  if (s.appliedRequestIds.includes(p.requestId)) return [];
  s.appliedRequestIds.push(p.requestId);
  s.status = 'WITHDRAWN';
  s.withdrawal = { by: p.actorId, reason: p.reason, at: now.toISOString() };
  s.version += 1;
  return [
    {
      type: 'audit',
      action: 'obligation.withdrawn',
      actorId: p.actorId,
      before: { status: 'OPEN' },
      after: { status: 'WITHDRAWN', reason: p.reason },
    },
  ];
}

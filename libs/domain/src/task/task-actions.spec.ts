import { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { applyTaskAction, initialTaskState, TaskAction, validateTaskAction } from './task-actions';
import { timerEffects } from './task-effects';
import { dueInWorkingDays, offsetAfter, offsetBefore, taskTimers } from './task-schedule';
import { TaskSetup, TaskState, TaskStatus } from './task-state';

const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const SKHDT = person('hg-skhdt-gd', 'hg-skhdt', Role.HEAD, Role.KEY_CADRE);
const STC = person('hg-stc-gd', 'hg-stc', Role.HEAD, Role.KEY_CADRE);
const CV = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF); // assigner
const PBT = person('hg-pbt', 'hg-btv', Role.STANDING_COMMITTEE, Role.KEY_CADRE); // member in charge
const STAFF = person('hg-staff', 'hg-vp', Role.STAFF);

const NOW = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
const vn = (local: string) => new Date(`${local}+07:00`);

function setup(overrides: Partial<TaskSetup> = {}): TaskSetup {
  return {
    taskId: 'hg-ctr-123/T1',
    programmeId: 'hg-ctr-123',
    code: 'T1',
    title: 'Kế hoạch thu hút đầu tư',
    source: 'PROGRAMME',
    responsibleUnitId: 'hg-skhdt',
    responsiblePersonId: SKHDT.personId,
    coordinatingUnitIds: ['hg-stc'],
    assignerId: CV.personId,
    memberInChargeId: PBT.personId,
    fieldGroup: 'economy',
    issuingUnitId: 'hg-tu',
    isBreakthrough: false,
    dueAt: '2026-03-31T10:00:00.000Z',
    reminderOffsets: ['P7D', 'P1D', 'P0D'],
    escalationOffsets: ['P1D', 'P3D'],
    ...overrides,
  };
}

let n = 0;
function act(s: TaskState, actor: Actor, action: TaskAction, now = NOW) {
  const refusal = validateTaskAction(s, actor, action, now);
  if (refusal) throw new Error(`${refusal.kind}: ${refusal.reason}`);
  return applyTaskAction(s, actor, action, now, `req-${++n}`);
}
const refusalOf = (s: TaskState, actor: Actor, action: TaskAction, now = NOW) =>
  validateTaskAction(s, actor, action, now);

describe('task state machine', () => {
  it('runs ASSIGNED → ACCEPTED → IN_PROGRESS → SUBMITTED → RETURNED → SUBMITTED → DONE', () => {
    const s = initialTaskState(setup(), NOW);
    expect(s.status).toBe(TaskStatus.ASSIGNED);
    act(s, SKHDT, { name: 'accept', payload: {} });
    expect(s.status).toBe(TaskStatus.ACCEPTED);
    expect(s.acceptedAt).toBe(NOW.toISOString());
    act(s, SKHDT, {
      name: 'reportProgress',
      payload: { percent: 40, text: 'Đã xây dựng dự thảo kế hoạch', evidenceRefs: ['45/KH-SKHĐT'] },
    });
    expect(s).toMatchObject({ status: TaskStatus.IN_PROGRESS, progressPercent: 40 });
    act(s, SKHDT, { name: 'submitResult', payload: { text: 'Kế hoạch đã ban hành', evidenceRefs: ['52/KH-UBND'] } });
    expect(s.status).toBe(TaskStatus.SUBMITTED);
    const returned = act(s, PBT, { name: 'returnTask', payload: { reasons: 'Chưa có lộ trình theo năm' } });
    expect(s.status).toBe(TaskStatus.RETURNED);
    expect(returned).toContainEqual(
      expect.objectContaining({ type: 'notify', kind: 'TASK_RETURNED', recipientIds: [SKHDT.personId] }),
    );
    act(s, SKHDT, { name: 'reportProgress', payload: { percent: 90, text: 'Bổ sung lộ trình' } });
    act(s, SKHDT, { name: 'submitResult', payload: { text: 'Kế hoạch có lộ trình' } });
    const later = new Date(NOW.getTime() + 3600_000);
    act(s, CV, { name: 'verify', payload: {} }, later);
    expect(s).toMatchObject({
      status: TaskStatus.DONE,
      doneAt: later.toISOString(),
      verifiedBy: CV.personId,
      progressPercent: 100,
    });
    expect(s.returns).toHaveLength(1);
    expect(refusalOf(s, SKHDT, { name: 'reportProgress', payload: { percent: 100, text: 'x' } })?.kind).toBe(
      'WRONG_PHASE',
    );
  });

  it('lets only the responsible person act on their task (403)', () => {
    const s = initialTaskState(setup(), NOW);
    expect(refusalOf(s, STC, { name: 'accept', payload: {} })).toEqual({
      kind: 'FORBIDDEN',
      reason: expect.stringMatching(/responsible/),
    });
    expect(refusalOf(s, PBT, { name: 'reportProgress', payload: { percent: 1, text: 'x' } })?.kind).toBe('FORBIDDEN');
    act(s, SKHDT, { name: 'accept', payload: {} });
    act(s, SKHDT, { name: 'submitResult', payload: { text: 'xong' } });
    expect(refusalOf(s, SKHDT, { name: 'verify', payload: {} })?.kind).toBe('FORBIDDEN'); // nobody verifies their own work
    expect(refusalOf(s, STAFF, { name: 'returnTask', payload: { reasons: 'x' } })?.kind).toBe('FORBIDDEN');
    expect(refusalOf(s, STAFF, { name: 'cancel', payload: { reason: 'x' } })?.kind).toBe('FORBIDDEN');
    expect(refusalOf(s, STAFF, { name: 'reassign', payload: { toPersonId: 'x', reason: 'x' } })?.kind).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses actions in the wrong state (409)', () => {
    const s = initialTaskState(setup(), NOW);
    expect(refusalOf(s, SKHDT, { name: 'submitResult', payload: { text: 'x' } })?.kind).toBe('WRONG_PHASE');
    expect(refusalOf(s, CV, { name: 'verify', payload: {} })?.kind).toBe('WRONG_PHASE');
    expect(refusalOf(s, CV, { name: 'decideExtension', payload: { approve: true, reason: 'ok' } })?.reason).toMatch(
      /no extension request/,
    );
    act(s, SKHDT, { name: 'accept', payload: {} });
    expect(refusalOf(s, SKHDT, { name: 'accept', payload: {} })?.kind).toBe('WRONG_PHASE');
    act(s, CV, { name: 'cancel', payload: { reason: 'Trùng nhiệm vụ khác' } });
    expect(s.status).toBe(TaskStatus.CANCELLED);
    expect(refusalOf(s, SKHDT, { name: 'reportProgress', payload: { percent: 10, text: 'x' } })?.reason).toMatch(
      /CANCELLED/,
    );
  });

  it('refuses invalid data (400)', () => {
    const s = initialTaskState(setup(), NOW);
    act(s, SKHDT, { name: 'accept', payload: {} });
    const bad = (action: TaskAction) => refusalOf(s, SKHDT, action)?.kind;
    expect(bad({ name: 'reportProgress', payload: { percent: 101, text: 'x' } })).toBe('INVALID');
    expect(bad({ name: 'reportProgress', payload: { percent: 12.5, text: 'x' } })).toBe('INVALID');
    expect(bad({ name: 'reportProgress', payload: { percent: 10, text: ' ' } })).toBe('INVALID');
    expect(bad({ name: 'reportProgress', payload: { percent: 10, text: 'x', evidenceRefs: [''] } })).toBe('INVALID');
    expect(bad({ name: 'requestExtension', payload: { newDueAt: '2026-02-30T10:00:00Z', reason: 'x' } })).toBe(
      'INVALID',
    );
    expect(bad({ name: 'requestExtension', payload: { newDueAt: 'next month', reason: 'x' } })).toBe('INVALID');
    expect(bad({ name: 'requestExtension', payload: { newDueAt: '2026-03-20T10:00:00Z', reason: 'x' } })).toBe(
      'INVALID',
    ); // earlier than the due date
    expect(
      bad({
        name: 'requestExtension',
        payload: { newDueAt: '2026-04-20T10:00:00Z', extendByWorkingDays: 3, reason: 'x' },
      }),
    ).toBe('INVALID');
    expect(bad({ name: 'requestExtension', payload: { extendByWorkingDays: 0, reason: 'x' } })).toBe('INVALID');
    expect(bad({ name: 'requestExtension', payload: { newDueAt: '2026-04-20T10:00:00Z', reason: '' } })).toBe(
      'INVALID',
    );
    expect(refusalOf(s, CV, { name: 'reassign', payload: { toPersonId: SKHDT.personId, reason: 'x' } })?.kind).toBe(
      'INVALID',
    );
    expect(refusalOf(s, SKHDT, { name: 'accept', payload: null as never })?.kind).toBe('INVALID');
  });

  it('moves the due date only when the assigner approves an extension, and moves the reminders with it', () => {
    const s = initialTaskState(setup(), NOW);
    const before = taskTimers(s);
    act(s, SKHDT, { name: 'accept', payload: {} });
    const asked = act(s, SKHDT, {
      name: 'requestExtension',
      payload: { newDueAt: '2026-04-30T10:00:00Z', reason: 'Chờ số liệu quý I' },
    });
    expect(asked).toContainEqual(expect.objectContaining({ kind: 'EXTENSION_REQUESTED', recipientIds: [CV.personId] }));
    expect(
      refusalOf(s, SKHDT, { name: 'requestExtension', payload: { extendByWorkingDays: 5, reason: 'x' } })?.reason,
    ).toMatch(/already waiting/);
    expect(refusalOf(s, PBT, { name: 'decideExtension', payload: { approve: true, reason: 'ok' } })?.kind).toBe(
      'FORBIDDEN',
    );
    act(s, CV, { name: 'decideExtension', payload: { approve: false, reason: 'Không có căn cứ' } });
    expect(s.dueAt).toBe('2026-03-31T10:00:00.000Z');
    act(s, SKHDT, { name: 'requestExtension', payload: { extendByWorkingDays: 5, reason: 'Chờ số liệu quý I' } });
    const decided = act(s, CV, { name: 'decideExtension', payload: { approve: true, reason: 'Đồng ý' } });
    // Tue 31/3 17:00 + 5 working days = Tue 7/4 at close of business in Vietnam.
    expect(s.dueAt).toBe(vn('2026-04-07T17:00:00').toISOString());
    expect(s.setup.dueAt).toBe('2026-03-31T10:00:00.000Z'); // the original stays
    expect(decided).toContainEqual(
      expect.objectContaining({ kind: 'EXTENSION_DECIDED', recipientIds: [SKHDT.personId] }),
    );
    const after = taskTimers(s);
    expect(after.map((t) => t.key)).toEqual(['d1.remind1', 'd1.remind2', 'd1.remind3', 'd1.escalate1', 'd1.escalate2']);
    expect(after[0].at).toBeGreaterThan(before[0].at);
  });

  it('reassigns with history; the new person accepts afresh and the previous one may no longer act', () => {
    const s = initialTaskState(setup(), NOW);
    act(s, SKHDT, { name: 'accept', payload: {} });
    act(s, SKHDT, { name: 'reportProgress', payload: { percent: 30, text: 'Đang làm' } });
    const effects = act(s, PBT, {
      name: 'reassign',
      payload: { toPersonId: STC.personId, toUnitId: 'hg-stc', reason: 'Luân chuyển cán bộ' },
    });
    expect(s).toMatchObject({
      status: TaskStatus.ASSIGNED,
      responsiblePersonId: STC.personId,
      responsibleUnitId: 'hg-stc',
      progressPercent: 30,
    });
    expect(s.reassignments).toEqual([
      expect.objectContaining({ fromPersonId: SKHDT.personId, toPersonId: STC.personId, reason: 'Luân chuyển cán bộ' }),
    ]);
    expect(effects).toContainEqual(expect.objectContaining({ kind: 'TASK_ASSIGNED', recipientIds: [STC.personId] }));
    expect(refusalOf(s, SKHDT, { name: 'accept', payload: {} })?.kind).toBe('FORBIDDEN');
    act(s, STC, { name: 'accept', payload: {} });
    expect(timerEffects(s, 'REMINDER', 1)).toEqual([expect.objectContaining({ recipientIds: [STC.personId] })]);
  });

  it('escalates first to the head of the responsible unit, then to the member in charge', () => {
    const s = initialTaskState(setup(), NOW);
    expect(timerEffects(s, 'ESCALATION', 1)[1]).toMatchObject({ recipientIds: [], headOfUnitIds: ['hg-skhdt'] });
    expect(timerEffects(s, 'ESCALATION', 2)[1]).toMatchObject({ recipientIds: [PBT.personId] });
    const noMember = initialTaskState(setup({ memberInChargeId: null }), NOW);
    expect(timerEffects(noMember, 'ESCALATION', 2)[1]).toMatchObject({ recipientIds: [CV.personId] });
  });
});

describe('working-day deadlines and reminder offsets', () => {
  it('counts across Tết crossing a month end (2025: off 25/1 to 2/2)', () => {
    // Friday 24/1/2025: the next working day is Monday 3/2.
    expect(dueInWorkingDays(vn('2025-01-24T09:00:00'), 1).toISOString()).toBe(vn('2025-02-03T17:00:00').toISOString());
    expect(dueInWorkingDays(vn('2025-01-22T09:00:00'), 3).toISOString()).toBe(vn('2025-02-03T17:00:00').toISOString());
    // "1 working day before" a deadline on Monday 3/2 is Friday 24/1, same clock time.
    expect(offsetBefore(vn('2025-02-03T17:00:00'), 'P1D').toISOString()).toBe(vn('2025-01-24T17:00:00').toISOString());
    expect(offsetAfter(vn('2025-01-24T17:00:00'), 'P1D').toISOString()).toBe(vn('2025-02-03T17:00:00').toISOString());
  });

  it('counts a make-up Saturday as a working day (Saturday 10/1/2026)', () => {
    expect(dueInWorkingDays(vn('2026-01-09T10:00:00'), 1).toISOString()).toBe(vn('2026-01-10T17:00:00').toISOString());
    expect(offsetBefore(vn('2026-01-12T17:00:00'), 'P1D').toISOString()).toBe(vn('2026-01-10T17:00:00').toISOString());
    // New Year 2026: 1/1 holiday and 2/1 swapped off, so from Wednesday 31/12/2025 the next working day is Monday 5/1.
    expect(dueInWorkingDays(vn('2025-12-31T10:00:00'), 1).toISOString()).toBe(vn('2026-01-05T17:00:00').toISOString());
  });

  it('moves a deadline that lands on a holiday to the next working day', () => {
    // Thursday 28/8/2025 + 2 working days: Friday 29/8, then 30/8–2/9 are off, so Wednesday 3/9.
    expect(dueInWorkingDays(vn('2025-08-28T08:00:00'), 2).toISOString()).toBe(vn('2025-09-03T17:00:00').toISOString());
    // A "P0D" reminder is at the deadline itself; clock offsets are exact.
    const due = vn('2025-09-03T17:00:00');
    expect(offsetBefore(due, 'P0D').toISOString()).toBe(due.toISOString());
    expect(offsetBefore(due, 'PT30S').getTime()).toBe(due.getTime() - 30_000);
  });

  it('schedules reminders in working days before the due date and skips those already past', () => {
    const s = initialTaskState(setup({ dueAt: vn('2025-02-05T17:00:00').toISOString() }), vn('2025-01-20T09:00:00'));
    const at = taskTimers(s).map((t) => [t.key, new Date(t.at).toISOString()]);
    expect(at).toEqual([
      ['d0.remind1', vn('2025-01-20T17:00:00').toISOString()], // 7 working days before Wed 5/2, Tết skipped
      ['d0.remind2', vn('2025-02-04T17:00:00').toISOString()],
      ['d0.remind3', vn('2025-02-05T17:00:00').toISOString()],
      ['d0.escalate1', vn('2025-02-06T17:00:00').toISOString()],
      ['d0.escalate2', vn('2025-02-11T17:00:00').toISOString()], // 1 + 3 working days after
    ]);
    const late = initialTaskState(setup({ dueAt: vn('2025-02-05T17:00:00').toISOString() }), vn('2025-02-01T09:00:00'));
    expect(taskTimers(late).map((t) => t.key)).toEqual(['d0.remind2', 'd0.remind3', 'd0.escalate1', 'd0.escalate2']);
  });
});

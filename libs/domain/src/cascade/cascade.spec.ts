import { DEFAULT_WORKING_CALENDAR } from '../task/task-schedule';
import { deadlineRuleProblem, obligationDueAt, obligationDueOn } from './cascade-deadline';
import {
  applyIssuance,
  applyWithdrawal,
  cascadeTimerEffects,
  cascadeTimers,
  CascadeSetup,
  initialCascadeState,
  validateIssuance,
  validateWithdrawal,
} from './cascade-obligation';
import { countStandings, ObligationStanding, obligationStanding } from './obligation-standing';

const cal = DEFAULT_WORKING_CALENDAR;
/** An instant given as Vietnam local time. */
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('cascade deadlines', () => {
  // Signed Tuesday 10 February 2026; Tết 2026 is 16–20 February (with the weekends around it).
  const signedOn = '2026-02-10';

  it('counts working days past weekends and Tết', () => {
    expect(obligationDueOn({ kind: 'WORKING_DAYS', days: 3 }, signedOn, cal)).toBe('2026-02-13');
    expect(obligationDueOn({ kind: 'WORKING_DAYS', days: 5 }, signedOn, cal)).toBe('2026-02-24');
  });

  it('moves a calendar-day or dated deadline that falls on a day off to the next working day', () => {
    expect(obligationDueOn({ kind: 'CALENDAR_DAYS', days: 7 }, signedOn, cal)).toBe('2026-02-23');
    expect(obligationDueOn({ kind: 'CALENDAR_DAYS', days: 1 }, signedOn, cal)).toBe('2026-02-11');
    expect(obligationDueOn({ kind: 'DATE', date: '2026-02-18' }, signedOn, cal)).toBe('2026-02-23');
    expect(obligationDueOn({ kind: 'DATE', date: '2026-03-31' }, signedOn, cal)).toBe('2026-03-31');
  });

  it('falls due at close of business, Vietnam time', () => {
    expect(obligationDueAt('2026-02-24', cal)).toBe('2026-02-24T10:00:00.000Z');
  });

  it('refuses a deadline before signing, too far, or not a count of days', () => {
    expect(deadlineRuleProblem({ kind: 'DATE', date: '2026-02-09' }, signedOn)).toBe(
      'deadline 2026-02-09 is before the entry was signed (2026-02-10)',
    );
    expect(deadlineRuleProblem({ kind: 'DATE', date: '2026-02-10' }, signedOn)).toBeNull();
    expect(deadlineRuleProblem({ kind: 'DATE', date: '2030-01-01' }, signedOn)).toMatch(/more than 750 days/);
    expect(deadlineRuleProblem({ kind: 'DATE', date: '2026-02-30' }, signedOn)).toMatch(/not a date/);
    expect(deadlineRuleProblem({ kind: 'WORKING_DAYS', days: 0 }, signedOn)).toMatch(/1 to 750/);
    expect(deadlineRuleProblem({ kind: 'CALENDAR_DAYS', days: 2.5 }, signedOn)).toMatch(/not 2.5/);
    expect(deadlineRuleProblem({ kind: 'CALENDAR_DAYS', days: 30 }, signedOn)).toBeNull();
  });
});

describe('obligation standing', () => {
  const due = { dueOn: '2026-03-31', withdrawn: false };

  it('tells on time, late with the days, overdue so far, pending and withdrawn apart', () => {
    expect(obligationStanding({ ...due, issuedOn: '2026-03-31' }, '2026-05-01')).toEqual({
      standing: ObligationStanding.ISSUED_ON_TIME,
      daysLate: 0,
    });
    expect(obligationStanding({ ...due, issuedOn: '2026-04-12' }, '2026-05-01')).toEqual({
      standing: ObligationStanding.ISSUED_LATE,
      daysLate: 12,
    });
    expect(obligationStanding({ ...due, issuedOn: null }, '2026-04-03')).toEqual({
      standing: ObligationStanding.OVERDUE,
      daysLate: 3,
    });
    expect(obligationStanding({ ...due, issuedOn: null }, '2026-03-31')).toEqual({
      standing: ObligationStanding.PENDING,
      daysLate: 0,
    });
    expect(obligationStanding({ ...due, issuedOn: null, withdrawn: true }, '2026-04-03')).toEqual({
      standing: ObligationStanding.WITHDRAWN,
      daysLate: null,
    });
  });

  it('counts each standing, leaving withdrawn ones out of the total', () => {
    const counts = countStandings([
      ObligationStanding.ISSUED_LATE,
      ObligationStanding.OVERDUE,
      ObligationStanding.OVERDUE,
      ObligationStanding.WITHDRAWN,
    ]);
    expect(counts).toMatchObject({ ISSUED_LATE: 1, OVERDUE: 2, WITHDRAWN: 1, PENDING: 0, total: 3 });
  });
});

describe('an obligation over time', () => {
  const setup = (over: Partial<CascadeSetup> = {}): CascadeSetup => ({
    obligationId: 'o1',
    resolutionId: 'r1',
    resolutionNumber: '10-NQ/TU',
    resolutionTitle: 'Về chuyển đổi số',
    unitId: 'xa',
    unitName: 'Đảng ủy xã',
    issuerCommitteeId: 'tu',
    memberInChargeId: 'tv',
    dueOn: '2026-02-24',
    dueAt: '2026-02-24T10:00:00.000Z',
    createdAt: '2026-02-02T02:00:00.000Z',
    createdBy: 'cv',
    reminderOffsets: ['P3D', 'P0D'],
    escalationOffsets: ['P1D', 'P5D'],
    ...over,
  });

  it('reminds on working days before the deadline and escalates after it', () => {
    const timers = cascadeTimers(initialCascadeState(setup()), cal);
    expect(timers.map((t) => [t.key, new Date(t.at).toISOString()])).toEqual([
      ['remind1', new Date(vn('2026-02-12T17:00')).toISOString()],
      ['remind2', new Date(vn('2026-02-24T17:00')).toISOString()],
      ['escalate1', new Date(vn('2026-02-25T17:00')).toISOString()],
      ['escalate2', new Date(vn('2026-03-04T17:00')).toISOString()],
    ]);
  });

  it('drops reminders already past when obliged and fires only the highest escalation due then', () => {
    const late = initialCascadeState(setup({ createdAt: new Date(vn('2026-03-10T09:00')).toISOString() }));
    expect(cascadeTimers(late, cal).map((t) => t.key)).toEqual(['escalate2']);
    const between = initialCascadeState(setup({ createdAt: new Date(vn('2026-02-20T09:00')).toISOString() }));
    expect(cascadeTimers(between, cal).map((t) => t.key)).toEqual(['remind2', 'escalate1', 'escalate2']);
  });

  it('escalates to the member in charge, then to the Standing Committee', () => {
    const s = initialCascadeState(setup());
    const [, first] = cascadeTimerEffects(s, { kind: 'ESCALATION', level: 1 });
    const [, second] = cascadeTimerEffects(s, { kind: 'ESCALATION', level: 2 });
    expect(first).toMatchObject({ recipientIds: ['tv'], headOfUnitIds: ['xa'] });
    expect(first).not.toHaveProperty('roleIn');
    expect(second).toMatchObject({ roleIn: { role: 'STANDING_COMMITTEE', unitIds: ['tu'] } });
    const nobody = initialCascadeState(setup({ memberInChargeId: null }));
    expect(cascadeTimerEffects(nobody, { kind: 'ESCALATION', level: 1 })[1]).toMatchObject({
      recipientIds: [],
      roleIn: { role: 'STANDING_COMMITTEE' },
    });
    expect(s.escalationsSent).toBe(2);
  });

  it('stops every timer once the body has issued, once, and refuses a withdrawal then', () => {
    const s = initialCascadeState(setup());
    const issuance = { requestId: 'issued-p1', programmeId: 'p1', issuedOn: '2026-02-20' };
    expect(validateIssuance(s, issuance)).toBeNull();
    expect(applyIssuance(s, issuance, new Date())).toHaveLength(1);
    expect(applyIssuance(s, issuance, new Date())).toHaveLength(0);
    expect(validateIssuance(s, issuance)).toBeNull();
    expect(cascadeTimers(s, cal)).toEqual([]);
    expect(s.issuance).toMatchObject({ programmeId: 'p1', issuedOn: '2026-02-20' });
    expect(validateWithdrawal(s, { requestId: 'w-1', actorId: 'cv', reason: 'x' })).toMatchObject({
      kind: 'WRONG_PHASE',
    });
    expect(validateIssuance(s, { ...issuance, requestId: 'issued-p2', programmeId: 'p2' })?.reason).toBe(
      'the obligation is fulfilled already',
    );
  });

  it('withdraws an open obligation, and starts fulfilled when the body had issued already', () => {
    const s = initialCascadeState(setup());
    applyWithdrawal(s, { requestId: 'w-1', actorId: 'cv', reason: 'đơn vị đã giải thể' }, new Date());
    expect([s.status, cascadeTimers(s, cal)]).toEqual(['WITHDRAWN', []]);
    const done = initialCascadeState(setup({ issuedAlready: { programmeId: 'p0', issuedOn: '2026-01-05' } }));
    expect([done.status, done.issuance?.programmeId, cascadeTimers(done, cal)]).toEqual(['FULFILLED', 'p0', []]);
  });
});

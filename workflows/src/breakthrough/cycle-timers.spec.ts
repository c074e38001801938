import { BreakthroughPhase, BreakthroughSetup, initialBreakthroughState } from '@app/domain';
import { CycleTimer, cycleTimers, fireCycleTimer } from './cycle-timers';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const setup: BreakthroughSetup = {
  unitId: 'hd-tu',
  year: 2027,
  title: 'Việc đột phá năm 2027',
  memberInChargeId: 'hd-pbt',
  fieldGroup: null,
  appraiserIds: ['hd-btv-1'],
  invitedUnitIds: ['hd-d01', 'hd-d02'],
  // Friday 15/1 and Friday 26/2/2027.
  registrationDeadline: vn('2027-01-15T17:00:00'),
  appraisalDeadline: vn('2027-02-26T17:00:00'),
  yearEndsAt: vn('2027-12-31T17:00:00'),
  reminderOffsets: ['P3D', 'P1D'],
  taskReminderOffsets: ['P7D'],
  taskEscalationOffsets: ['P1D'],
  createdBy: 'hd-btv-1',
};

const schedule = (timers: CycleTimer[]) =>
  [...timers]
    .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key))
    .map((t) => [t.key, new Date(t.at).toISOString()]);

describe('cycleTimers', () => {
  it('reminds working days before the registration deadline, closes it, and waits for the year end', () => {
    const s = initialBreakthroughState(setup);
    expect(schedule(cycleTimers(s))).toEqual([
      ['reg.remind1', vn('2027-01-12T17:00:00')], // 3 working days before Friday 15/1
      ['reg.remind2', vn('2027-01-14T17:00:00')],
      ['reg.close', setup.registrationDeadline],
      ['year.end', setup.yearEndsAt],
    ]);
  });

  it('does the same for the appraisal window once registration has closed', () => {
    const s = { ...initialBreakthroughState(setup), phase: BreakthroughPhase.APPRAISAL };
    expect(schedule(cycleTimers(s))).toEqual([
      ['appr.remind1', vn('2027-02-23T17:00:00')],
      ['appr.remind2', vn('2027-02-25T17:00:00')],
      ['appr.close', setup.appraisalDeadline],
      ['year.end', setup.yearEndsAt],
    ]);
  });

  it('has only the year end during implementation, and nothing once closed', () => {
    const s = { ...initialBreakthroughState(setup), phase: BreakthroughPhase.IMPLEMENTATION };
    expect(cycleTimers(s).map((t) => t.key)).toEqual(['year.end']);
    expect(cycleTimers({ ...s, phase: BreakthroughPhase.CLOSED })).toEqual([]);
  });
});

describe('fireCycleTimer', () => {
  it('reminds the silent units, closes the windows and evaluates the year', () => {
    const s = initialBreakthroughState(setup);
    const [reminder] = fireCycleTimer(s, { key: 'reg.remind1', at: 0, kind: 'REMINDER', window: 'REGISTRATION' });
    expect(reminder).toMatchObject({ kind: 'DEADLINE_REMINDER', headOfUnitIds: ['hd-d01', 'hd-d02'] });
    fireCycleTimer(s, { key: 'reg.close', at: 0, kind: 'CLOSE', window: 'REGISTRATION' });
    expect(s.phase).toBe(BreakthroughPhase.APPRAISAL);
    fireCycleTimer(s, { key: 'appr.close', at: 0, kind: 'CLOSE', window: 'APPRAISAL' });
    expect(s.phase).toBe(BreakthroughPhase.IMPLEMENTATION);
    fireCycleTimer(s, { key: 'year.end', at: 0, kind: 'YEAR_END' });
    expect(s).toMatchObject({
      phase: BreakthroughPhase.CLOSED,
      summary: { registered: 0, headline: '0/0 done on time' },
    });
  });
});

/**
 * Everything time decides in a breakthrough cycle, as a pure function of its state: reminders
 * before the registration and appraisal deadlines, each window closing at its deadline, and the
 * year-end evaluation. Keys are remembered once fired (across continue-as-new): never rename them.
 */
import {
  BreakthroughEffect,
  BreakthroughPhase,
  breakthroughReminder,
  BreakthroughState,
  closeAppraisal,
  closeRegistration,
  evaluateAtYearEnd,
  offsetBefore,
} from '@app/domain';
import type { KeyedTimer } from '../common/workflow-runtime';

type Window = 'REGISTRATION' | 'APPRAISAL';

export type CycleTimer = KeyedTimer & ({ kind: 'REMINDER' | 'CLOSE'; window: Window } | { kind: 'YEAR_END' });

/** Every timer the state calls for, fired or not. */
export function cycleTimers(s: BreakthroughState): CycleTimer[] {
  const timers: CycleTimer[] = [];
  const windowTimers = (window: Window, deadline: string) => {
    const prefix = window === 'REGISTRATION' ? 'reg' : 'appr';
    s.setup.reminderOffsets.forEach((offset, i) => {
      const at = offsetBefore(new Date(deadline), offset).getTime();
      timers.push({ key: `${prefix}.remind${i + 1}`, at, kind: 'REMINDER', window });
    });
    timers.push({ key: `${prefix}.close`, at: Date.parse(deadline), kind: 'CLOSE', window });
  };
  if (s.phase === BreakthroughPhase.REGISTRATION) windowTimers('REGISTRATION', s.setup.registrationDeadline);
  if (s.phase === BreakthroughPhase.APPRAISAL) windowTimers('APPRAISAL', s.setup.appraisalDeadline);
  if (s.phase !== BreakthroughPhase.CLOSED)
    timers.push({ key: 'year.end', at: Date.parse(s.setup.yearEndsAt), kind: 'YEAR_END' });
  return timers;
}

/** What a due timer does to the state, and the effects to record and tell. */
export function fireCycleTimer(s: BreakthroughState, timer: CycleTimer): BreakthroughEffect[] {
  switch (timer.kind) {
    case 'REMINDER':
      return breakthroughReminder(s, timer.window);
    case 'CLOSE':
      return timer.window === 'REGISTRATION' ? closeRegistration(s, null) : closeAppraisal(s, null);
    case 'YEAR_END':
      return evaluateAtYearEnd(s);
  }
}

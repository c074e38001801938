/**
 * Where an obligation stands on a given day, as a supervisor reads it: issued on time or late (and
 * how many days late), overdue (days late so far), pending, or withdrawn. Pure.
 */
import { dayNumberOf, IsoDate } from '../calendar/calendar-date.util';

export enum ObligationStanding {
  ISSUED_ON_TIME = 'ISSUED_ON_TIME',
  ISSUED_LATE = 'ISSUED_LATE',
  OVERDUE = 'OVERDUE',
  PENDING = 'PENDING',
  WITHDRAWN = 'WITHDRAWN',
}

export const OBLIGATION_STANDINGS = Object.values(ObligationStanding);

export const OBLIGATION_STANDING_VI: Record<ObligationStanding, string> = {
  ISSUED_ON_TIME: 'Đã ban hành đúng hạn',
  ISSUED_LATE: 'Đã ban hành quá hạn',
  OVERDUE: 'Chưa ban hành, quá hạn',
  PENDING: 'Chưa ban hành, trong hạn',
  WITHDRAWN: 'Đã thu hồi yêu cầu',
};

export interface ObligationFacts {
  dueOn: IsoDate;
  /** The date the obliged body's programme was issued (as written on it), once it is. */
  issuedOn: IsoDate | null;
  withdrawn: boolean;
}

/** The standing on `today` (a Vietnam date) and the calendar days late: 0 on time or pending, null when withdrawn. */
export function obligationStanding(
  o: ObligationFacts,
  today: IsoDate,
): { standing: ObligationStanding; daysLate: number | null } {
  if (o.withdrawn) return { standing: ObligationStanding.WITHDRAWN, daysLate: null };
  const late = (until: IsoDate) => Math.max(0, dayNumberOf(until) - dayNumberOf(o.dueOn));
  if (o.issuedOn !== null) {
    const daysLate = late(o.issuedOn);
    return { standing: daysLate > 0 ? ObligationStanding.ISSUED_LATE : ObligationStanding.ISSUED_ON_TIME, daysLate };
  }
  const daysLate = late(today);
  return { standing: daysLate > 0 ? ObligationStanding.OVERDUE : ObligationStanding.PENDING, daysLate };
}

export type StandingCounts = Record<ObligationStanding, number> & { total: number };

/** How many obligations stand each way; `total` leaves withdrawn ones out. */
export function countStandings(standings: ObligationStanding[]): StandingCounts {
  const counts = Object.fromEntries(OBLIGATION_STANDINGS.map((s) => [s, 0])) as StandingCounts;
  for (const s of standings) counts[s] += 1;
  counts.total = standings.length - counts.WITHDRAWN;
  return counts;
}

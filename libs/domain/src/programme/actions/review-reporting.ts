import type { Choice } from '../../common/available-action';
import type { Actor } from '../../org/actor';
import type { ProgrammeState, Review } from '../programme-state';
import { forbidden, Refusal, wrongPhase } from '../refusal';

/** Whether the actor's unit reports to `review` now: opened, not closed, and asking the unit. */
export function reviewReporting(review: Review, actor: Actor, now: Date): Refusal | null {
  if (review.closedAt) return wrongPhase(`review ${review.periodLabel} is closed`);
  if (Date.parse(review.opensAt) > now.getTime()) return wrongPhase(`review ${review.periodLabel} is not open yet`);
  if (!review.expectedUnitIds.includes(actor.unitId))
    return forbidden('your unit is not asked to report to this review');
  return null;
}

/**
 * Null when the actor's unit may report to one of `reviews` now; otherwise FORBIDDEN when none asks
 * the unit, else why the first that asks it is not open.
 */
export function reviewOpenTo(reviews: Review[], actor: Actor, now: Date): Refusal | null {
  if (reviews.some((r) => reviewReporting(r, actor, now) === null)) return null;
  const asking = reviews.find((r) => r.expectedUnitIds.includes(actor.unitId));
  if (asking) return reviewReporting(asking, actor, now);
  return reviews.length > 0
    ? forbidden('your unit is not asked to report to this review')
    : wrongPhase('the programme has no review to report to');
}

/** The programme's targets, to give a value each, labelled with their names and units of measure. */
export function targetChoices(s: ProgrammeState): Record<string, Choice[]> {
  const targets = s.issuance?.targets ?? [];
  return targets.length > 0 ? { values: targets.map((t) => ({ value: t.code, label: `${t.name} (${t.unit})` })) } : {};
}

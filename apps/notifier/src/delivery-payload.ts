import { UnrecoverableError } from 'bullmq';
import { DigestDelivery, PersonDelivery, UnitDelivery, validateNotificationEvent } from '@app/notifications';

const isId = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 100;

function fail(what: string, problems: string[]): never {
  // A malformed payload will never succeed: fail at once with the reason, no retries.
  throw new UnrecoverableError(`malformed ${what} job: ${problems.join('; ')}`);
}

export function assertPersonDelivery(data: unknown): asserts data is PersonDelivery {
  const d = (data ?? {}) as Partial<PersonDelivery>;
  const problems = validateNotificationEvent(d.event).map((p) => `event: ${p}`);
  if (!isId(d.personId)) problems.push('personId must be a person id');
  if (problems.length) fail('person delivery', problems);
}

export function assertUnitDelivery(data: unknown): asserts data is UnitDelivery {
  const d = (data ?? {}) as Partial<UnitDelivery>;
  const problems = validateNotificationEvent(d.event).map((p) => `event: ${p}`);
  if (!isId(d.unitId)) problems.push('unitId must be a unit id');
  if (problems.length) fail('webhook delivery', problems);
}

export function assertDigestDelivery(data: unknown): asserts data is DigestDelivery {
  const d = (data ?? {}) as Partial<DigestDelivery>;
  const problems: string[] = [];
  if (!isId(d.personId)) problems.push('personId must be a person id');
  if (typeof d.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.day)) problems.push('day must be YYYY-MM-DD');
  if (!Number.isInteger(d.seq) || (d.seq as number) < 0) problems.push('seq must be a whole number');
  if (problems.length) fail('digest', problems);
}

import type { NotificationEvent } from './notification-event';

/** How a person can be told. Webhooks belong to units, not people (see UnitWebhookEntity). */
export enum PersonChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}

export const PERSON_CHANNELS: readonly PersonChannel[] = Object.values(PersonChannel);

/** Payload of an in-app or e-mail delivery job: the event and the one person it goes to. */
export interface PersonDelivery {
  event: NotificationEvent;
  personId: string;
}

/** Payload of a webhook delivery job: the event and the unit whose webhook receives it. */
export interface UnitDelivery {
  event: NotificationEvent;
  unitId: string;
}

/** Payload of a digest job: one person's reminders of one Vietnamese calendar day, digest number `seq`. */
export interface DigestDelivery {
  personId: string;
  day: string;
  seq: number;
}

/**
 * Deterministic ids, so a re-run dispatch never makes a second delivery job: `<key>@<person>~email`,
 * `<key>@unit-<unit>~webhook`, `digest~<person>~<day>~<seq>`. BullMQ ids may not contain ':'.
 */
export function deliveryKey(eventKey: string, target: string, channel: 'in-app' | 'email' | 'webhook'): string {
  return `${eventKey}@${target}~${channel}`.replace(/:/g, '_');
}

export function digestJobId(d: DigestDelivery): string {
  return `digest~${d.personId}~${d.day}~${d.seq}`.replace(/:/g, '_');
}

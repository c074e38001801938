/** What the workflows ask to be told to people. Templates exist per kind in vi and en. */
export enum NotificationKind {
  PROGRAMME_CREATED = 'PROGRAMME_CREATED',
  PHASE_CHANGED = 'PHASE_CHANGED',
  SURVEY_ASSIGNED = 'SURVEY_ASSIGNED',
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  DEADLINE_ESCALATION = 'DEADLINE_ESCALATION',
  CONSULTATION_INVITATION = 'CONSULTATION_INVITATION',
  CONSULTATION_REMINDER = 'CONSULTATION_REMINDER',
  DISSEMINATION_ACK_REQUEST = 'DISSEMINATION_ACK_REQUEST',
  REVIEW_OPENED = 'REVIEW_OPENED',
  REVIEW_CLOSED = 'REVIEW_CLOSED',
  PROGRAMME_CLOSED = 'PROGRAMME_CLOSED',
  TASK_ASSIGNED = 'TASK_ASSIGNED',
  TASK_DUE_REMINDER = 'TASK_DUE_REMINDER',
  TASK_OVERDUE_ESCALATION = 'TASK_OVERDUE_ESCALATION',
  TASK_RETURNED = 'TASK_RETURNED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  CASCADE_OBLIGATION = 'CASCADE_OBLIGATION',
  CASCADE_REMINDER = 'CASCADE_REMINDER',
  CASCADE_ESCALATION = 'CASCADE_ESCALATION',
}

/**
 * Reminders: a person may get many on one day, so their e-mails are collected into one digest.
 * In-app items and webhooks stay one per event.
 */
export const DIGESTED_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.DEADLINE_REMINDER,
  NotificationKind.CONSULTATION_REMINDER,
  NotificationKind.TASK_DUE_REMINDER,
  NotificationKind.CASCADE_REMINDER,
]);

export interface NotificationEvent {
  /** Idempotency key derived from the event (e.g. workflow id + sequence): one delivery per key. */
  key: string;
  kind: NotificationKind;
  recipientIds: string[];
  programmeId?: string;
  taskId?: string;
  /** Values the templates fill in: titles, phase names, ISO dates. */
  params: Record<string, string | number | null>;
  occurredAt: string;
  /**
   * W3C trace context of whoever asked for it, when tracing is on, so the notifier's work joins that
   * trace. Never shown to anyone; a malformed one only means the delivery starts a trace of its own.
   */
  traceparent?: string;
}

const KEY = /^[A-Za-z0-9._\-/#]{1,300}$/;
const MAX_RECIPIENTS = 1000;
const MAX_PARAMS = 50;
/** A W3C traceparent is 55 characters; room for a later version of it, no room for a payload. */
const MAX_TRACEPARENT = 128;

/** Readable problems with an event; empty when it may be enqueued or processed. */
export function validateNotificationEvent(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['event is not an object'];
  const e = value as Partial<NotificationEvent>;
  if (typeof e.key !== 'string' || !KEY.test(e.key))
    problems.push('key must be 1-300 characters of letters, digits and . _ - / #');
  if (!Object.values(NotificationKind).includes(e.kind as NotificationKind))
    problems.push(`unknown kind ${String(e.kind)}`);
  if (!Array.isArray(e.recipientIds) || e.recipientIds.some((r) => typeof r !== 'string' || !r || r.length > 100))
    problems.push('recipientIds must be a list of person ids');
  else if (e.recipientIds.length > MAX_RECIPIENTS)
    problems.push(`recipientIds may hold at most ${MAX_RECIPIENTS} people`);
  if (typeof e.params !== 'object' || e.params === null || Array.isArray(e.params))
    problems.push('params must be an object');
  else {
    const entries = Object.entries(e.params);
    if (entries.length > MAX_PARAMS) problems.push(`params may hold at most ${MAX_PARAMS} values`);
    const bad = entries.filter(([, v]) => v !== null && typeof v !== 'string' && typeof v !== 'number').map(([k]) => k);
    if (bad.length) problems.push(`params values must be text, numbers or null (not ${bad.join(', ')})`);
  }
  for (const ref of ['programmeId', 'taskId'] as const)
    if (e[ref] !== undefined && e[ref] !== null && typeof e[ref] !== 'string') problems.push(`${ref} must be text`);
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt)))
    problems.push('occurredAt must be an ISO date');
  if (e.traceparent !== undefined && (typeof e.traceparent !== 'string' || e.traceparent.length > MAX_TRACEPARENT))
    problems.push(`traceparent must be text of at most ${MAX_TRACEPARENT} characters`);
  return problems;
}

/** BullMQ job ids may not contain ':'; keys never do, this keeps it so. */
export function jobIdFor(event: Pick<NotificationEvent, 'key'>): string {
  return event.key.replace(/:/g, '_');
}

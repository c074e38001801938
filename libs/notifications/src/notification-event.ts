/** What the workflows ask to be told to people. Templates exist per kind in vi and en. */
export enum NotificationKind {
  PROGRAMME_CREATED = 'PROGRAMME_CREATED',
  PHASE_CHANGED = 'PHASE_CHANGED',
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  DEADLINE_ESCALATION = 'DEADLINE_ESCALATION',
  CONSULTATION_INVITATION = 'CONSULTATION_INVITATION',
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
}

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
}

const KEY = /^[A-Za-z0-9._\-/#]{1,200}$/;

/** Readable problems with an event; empty when it may be enqueued or processed. */
export function validateNotificationEvent(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['event is not an object'];
  const e = value as Partial<NotificationEvent>;
  if (typeof e.key !== 'string' || !KEY.test(e.key)) problems.push('key must be 1-200 characters of letters, digits and . _ - / #');
  if (!Object.values(NotificationKind).includes(e.kind as NotificationKind)) problems.push(`unknown kind ${String(e.kind)}`);
  if (!Array.isArray(e.recipientIds) || e.recipientIds.some((r) => typeof r !== 'string' || !r))
    problems.push('recipientIds must be a list of person ids');
  if (typeof e.params !== 'object' || e.params === null) problems.push('params must be an object');
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) problems.push('occurredAt must be an ISO date');
  return problems;
}

/** BullMQ job ids may not contain ':'; keys never do, this keeps it so. */
export function jobIdFor(event: Pick<NotificationEvent, 'key'>): string {
  return event.key.replace(/:/g, '_');
}

import type { AdminAuditEntity } from '@app/persistence';
import type { AuditedRoute } from './audited-routes';

/** One row of the audit, as written (the database numbers and dates it). */
export type AuditRow = Omit<AdminAuditEntity, 'id' | 'occurredAt'>;

/** What the audit reads from a request: Express's request after routing and authentication. */
export interface AuditableRequest {
  method: string;
  params?: unknown;
  body?: unknown;
  query?: unknown;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  /** The HTTP log's request id. */
  id?: unknown;
  principal?: { personId: string; username: string; unitId: string };
  /** The unit an administration act concerns, set by its handler (a 'province' act is tied to it). */
  auditUnitId?: string;
}

export interface AuditOutcome {
  status: number;
  /** What the handler threw, when it got that far. */
  error?: unknown;
  /** What the handler answered. */
  answer?: unknown;
}

/** Fields whose values never reach the audit, at any depth: credentials of every kind. */
const SECRET_FIELD =
  /passw|passphrase|pwd|token|secret|credential|authori[sz]ation|cookie|api[-_]?key|private[-_]?key/i;
const MAX_DEPTH = 4;
const MAX_TEXT = 200;
const MAX_ITEMS = 20;
const MAX_FIELDS = 40;
/** Above this many characters of JSON a summary keeps only the names of the fields. */
const MAX_SUMMARY = 4000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text Postgres accepts (no NUL, no lone surrogate), at most `max` characters. */
export function auditText(value: string, max = MAX_TEXT): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(/\0/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

function clean(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return auditText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `[${value.length} items]`;
    const items = value.slice(0, MAX_ITEMS).map((v) => clean(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  if (typeof value === 'object') {
    if (depth >= MAX_DEPTH) return '{…}';
    const entries = Object.entries(value).filter(([k]) => !SECRET_FIELD.test(k));
    // fromEntries defines own properties, so a `__proto__` field stays a field.
    const fields = Object.fromEntries(
      entries.slice(0, MAX_FIELDS).map(([k, v]) => [auditText(k), clean(v, depth + 1)]),
    );
    if (entries.length > MAX_FIELDS) fields['…'] = `${entries.length - MAX_FIELDS} more fields`;
    return fields;
  }
  return undefined;
}

/**
 * A request body or query as the audit keeps it: credentials dropped, long text, lists and nesting
 * cut, and above a size only the field names. Null when there is nothing to keep.
 */
export function auditSummary(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  const cleaned = clean(value, 0);
  const summary =
    cleaned !== null && typeof cleaned === 'object' && !Array.isArray(cleaned)
      ? (cleaned as Record<string, unknown>)
      : { value: cleaned };
  if (Object.keys(summary).length === 0) return null;
  if (JSON.stringify(summary).length <= MAX_SUMMARY) return summary;
  return { truncated: true, fields: Object.keys(summary) };
}

/** The error's class and its message (a validation refusal's messages joined), shortened. */
export function auditError(error: unknown): string | null {
  if (error === undefined || error === null) return null;
  if (!(error instanceof Error)) return auditText(String(error), 300);
  const response = (error as { getResponse?: () => unknown }).getResponse?.();
  const message =
    response && typeof response === 'object' && 'message' in response
      ? (response as { message: unknown }).message
      : error.message;
  return auditText(`${error.name}: ${Array.isArray(message) ? message.join('; ') : String(message)}`, 300);
}

/** The id the answer names (what a create made), if any. */
function answerId(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object' || !('id' in answer)) return null;
  const id = (answer as { id: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? auditText(String(id)) : null;
}

/** The person a login answers with: nobody is authenticated on the request yet. */
function answeredPrincipal(answer: unknown): AuditableRequest['principal'] {
  const p = answer && typeof answer === 'object' ? (answer as { principal?: unknown }).principal : undefined;
  if (!p || typeof p !== 'object') return undefined;
  const { personId, username, unitId } = p as Record<string, unknown>;
  if (typeof personId !== 'string') return undefined;
  return { personId, username: String(username ?? ''), unitId: String(unitId ?? '') };
}

function header(req: AuditableRequest, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? auditText(value, 300) : null;
}

/** The unit a row is tied to: the actor's for a unit's work, the concerned unit's (or actor's) for a province's administration. */
function rowUnit(audited: AuditedRoute, req: AuditableRequest, who: AuditableRequest['principal']): string | null {
  if (audited.scope === 'system') return null;
  const unit = audited.scope === 'province' ? (req.auditUnitId ?? who?.unitId) : who?.unitId;
  return unit || null;
}

/** The row for one audited request and how it ended. */
export function auditRow(route: string, audited: AuditedRoute, req: AuditableRequest, outcome: AuditOutcome): AuditRow {
  const who = req.principal ?? answeredPrincipal(outcome.answer);
  const attempted = audited.actorInBody ? (req.body as { username?: unknown } | undefined)?.username : undefined;
  const username = who?.username ?? (typeof attempted === 'string' ? attempted : null);
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  return {
    act: audited.act,
    route,
    status: outcome.status,
    error: auditError(outcome.error),
    personId: who?.personId ?? null,
    username: username === null ? null : auditText(username),
    unitId: rowUnit(audited, req, who),
    target: auditSummary(req.params),
    summary: audited.noSummary
      ? null
      : auditSummary(audited.summaryOfAnswer && outcome.status < 400 ? outcome.answer : isRead ? req.query : req.body),
    responseId: outcome.status < 400 ? answerId(outcome.answer) : null,
    ip: req.ip ? auditText(req.ip) : null,
    userAgent: header(req, 'user-agent'),
    requestId: req.id === undefined || req.id === null ? null : auditText(String(req.id)),
  };
}

import type { AdminAuditEntity } from '@app/persistence';
import type { CsvColumn } from '../supervision/csv.util';

// Formula cells are neutralised by toCsv itself, for every export; the rule lives in csv.util.
export { spreadsheetSafe } from '../supervision/csv.util';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const column = (header: string, value: (r: AdminAuditEntity) => unknown): CsvColumn<AdminAuditEntity> => ({
  header,
  value,
});

/** Every column of the audit (who and what come from callers: toCsv neutralises formula cells). */
export const AUDIT_CSV_COLUMNS: CsvColumn<AdminAuditEntity>[] = [
  column('id', (r) => r.id),
  column('occurredAt', (r) => r.occurredAt),
  column('act', (r) => r.act),
  column('status', (r) => r.status),
  column('error', (r) => r.error),
  column('personId', (r) => r.personId),
  column('username', (r) => r.username),
  column('unitId', (r) => r.unitId),
  column('route', (r) => r.route),
  column('target', (r) => json(r.target)),
  column('summary', (r) => json(r.summary)),
  column('responseId', (r) => r.responseId),
  column('ip', (r) => r.ip),
  column('userAgent', (r) => r.userAgent),
  column('requestId', (r) => r.requestId),
];

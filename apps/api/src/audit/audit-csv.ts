import type { AdminAuditEntity } from '@app/persistence';
import type { CsvColumn } from '../supervision/csv.util';

/** A cell a spreadsheet would read as a formula (or whose leading tab or CR hides one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The value, with a leading apostrophe when a spreadsheet would otherwise run it as a formula. */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const column = (header: string, value: (r: AdminAuditEntity) => unknown): CsvColumn<AdminAuditEntity> => ({
  header,
  value: (r) => spreadsheetSafe(value(r)),
});

/** Every column of the audit; who and what come from callers, so every cell goes through spreadsheetSafe. */
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

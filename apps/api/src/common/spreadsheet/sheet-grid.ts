import { isDecimal, isIsoDate, MAX_IMPORT_COLUMNS } from '@app/domain';
import { spreadsheetSafe } from '../../supervision/csv.util';

/**
 * What every spreadsheet import shares (the organisation, a programme's targets and tasks): a sheet's
 * cells as the reader found them, its columns (a header may be written in Vietnamese, as the English
 * key, or as both: `Mã đơn vị (code)`), and the checks of one cell against its column. Pure.
 */

/** One sheet as read: its name and its rows with their 1-based row numbers (the header is row 1). */
export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

export interface GridRow {
  row: number;
  /** Cell texts by column (0-based); a cell the reader could not take (a formula) is '' with a problem. */
  cells: string[];
  problems: Array<{ col: number; message: string }>;
}

export interface SheetProblem {
  sheet: string;
  /** Spreadsheet row number (the header is 1); null for a problem of the whole file or sheet. */
  row: number | null;
  /** The column's Vietnamese header, when one column is at fault. */
  column: string | null;
  message: string;
}

export type ColumnType = 'code' | 'text' | 'date' | 'list' | 'email' | 'decimal';

export interface SheetColumn {
  key: string;
  vi: string;
  /** What the column holds, in Vietnamese (the template's note on the header). */
  hintVi: string;
  type: ColumnType;
  required: boolean;
  maxLength: number;
  /** The template's sample row. */
  sample: string;
}

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** A number as people type it: digits, an optional sign, a decimal point or (as in Vietnam) a decimal comma. */
const TYPED_NUMBER = /^-?\d+([.,]\d+)?$/;
// NUL and other control characters but tab and line breaks, and UTF-16 halves without their pair.
const NOT_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Cell text as the rows read it: Unicode NFC (diacritics typed either way compare equal), trimmed. */
export function cellText(raw: string): string {
  return raw.normalize('NFC').trim();
}

/** A calendar day from `yyyy-mm-dd` or `dd/mm/yyyy` (as Vietnamese write it), or null when it is neither. */
export function parseSheetDate(text: string): string | null {
  const dmy = DMY.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

/** A decimal (as the domain keeps it, `7.5`) from a typed number (`7.5` or `7,5`), or null. */
export function parseSheetDecimal(text: string): string | null {
  if (!TYPED_NUMBER.test(text)) return null;
  const value = text.replace(',', '.');
  return isDecimal(value) ? value : null;
}

/** Values of a list cell (roles, fields, units): split on `;` or `,`, trimmed, without blanks or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

/** The problem of one cell's value for its column, if any (the value trimmed and in NFC). */
export function cellProblem(column: SheetColumn, value: string): string | null {
  if (value === '') return column.required ? 'is required' : null;
  if (NOT_TEXT.test(value)) return 'holds control characters or broken Unicode, which is not text';
  // A negative number starts with "-" like a formula does; it is a number, never run.
  if (column.type === 'decimal')
    return parseSheetDecimal(value) !== null ? null : `${value} is not a number (digits, e.g. 7.5 or 7,5)`;
  if (spreadsheetSafe(value) !== value)
    return 'starts with =, +, -, @ or a tab, which a spreadsheet runs as a formula: write the value itself';
  if (value.length > column.maxLength) return `is longer than ${column.maxLength} characters`;
  switch (column.type) {
    case 'code':
      return CODE.test(value) ? null : 'must be letters, digits, dot, dash or underscore (no spaces)';
    case 'date':
      return parseSheetDate(value) ? null : `${value} is not a date (dd/mm/yyyy or yyyy-mm-dd)`;
    case 'email':
      return EMAIL.test(value) ? null : `${value} is not an e-mail address`;
    default:
      return null;
  }
}

/** Header text compared without case, spacing or Unicode form differences. */
export function headerKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The header a CSV template writes: Vietnamese first, the English key after it. */
export const csvHeader = (c: SheetColumn): string => `${c.vi} (${c.key})`;

/** The column a header names among `columns`, if any. */
export function columnOfHeader(columns: readonly SheetColumn[], header: string): SheetColumn | undefined {
  const h = headerKey(header);
  return columns.find((c) => [c.vi, c.key, csvHeader(c)].some((name) => headerKey(name) === h));
}

/** The column of each header cell of `grid`, with problems for unknown, repeated and missing columns. */
export function readHeader(
  columns: readonly SheetColumn[],
  grid: SheetGrid,
): { columns: Array<SheetColumn | undefined>; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const at = (message: string, column: string | null = null) =>
    problems.push({ sheet: grid.name, row: 1, column, message });
  const header = grid.rows.find((r) => r.row === 1);
  if (!header || header.cells.every((c) => c === '')) {
    at(`the first row must hold the headers: ${columns.map((c) => c.vi).join(', ')}`);
    return { columns: [], problems };
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) at(`more than ${MAX_IMPORT_COLUMNS} columns`);
  const seen = new Set<string>();
  const found = header.cells.map((text) => {
    if (text === '') return undefined;
    const column = columnOfHeader(columns, text);
    if (!column) at(`unknown column "${text}"; the columns are: ${columns.map((c) => c.vi).join(', ')}`, text);
    else if (seen.has(column.key)) at(`column "${text}" appears twice`, column.vi);
    else seen.add(column.key);
    return column;
  });
  for (const c of columns) if (c.required && !seen.has(c.key)) at(`the column "${c.vi}" is missing`, c.vi);
  for (const p of header.problems) at(p.message, header.cells[p.col] || null);
  return { columns: found, problems };
}

/** A data row's values by column key, and the problems of its own cells (reader's, then each column's check). */
export interface RowValues {
  row: number;
  values: Record<string, string>;
  problems: SheetProblem[];
}

/** Every non-empty data row of `grid` under the header's `found` columns, each with its cells' problems. */
export function readRowValues(
  columns: readonly SheetColumn[],
  found: ReadonlyArray<SheetColumn | undefined>,
  grid: SheetGrid,
  unreadOnce = false,
): RowValues[] {
  const out: RowValues[] = [];
  for (const line of grid.rows) {
    if (line.row === 1 || (line.cells.every((c) => c === '') && line.problems.length === 0)) continue;
    const values: Record<string, string> = {};
    const problems: SheetProblem[] = [];
    const at = (column: string, message: string) => problems.push({ sheet: grid.name, row: line.row, column, message });
    line.cells.forEach((text, i) => {
      const column = found[i];
      if (column) values[column.key] = text;
      else if (text !== '') at(`#${i + 1}`, 'a value in a column without a header');
    });
    for (const p of line.problems) at(found[p.col]?.vi ?? `#${p.col + 1}`, p.message);
    // With `unreadOnce`, a cell the reader could not take (a formula) is told once: not again as empty.
    const unread = new Set(unreadOnce ? line.problems.map((p) => found[p.col]?.key) : []);
    for (const c of columns) {
      if (unread.has(c.key)) continue;
      const problem = cellProblem(c, values[c.key] ?? '');
      if (problem) at(c.vi, `${c.vi} ${problem}`);
    }
    out.push({ row: line.row, values, problems });
  }
  return out;
}

/** Data rows of a grid that hold anything (the header and empty lines not counted). */
export const dataRowCount = (grid: SheetGrid): number =>
  grid.rows.filter((r) => r.row > 1 && r.cells.some((c) => c !== '')).length;

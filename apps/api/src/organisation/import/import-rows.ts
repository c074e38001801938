import { ALL_SEATS, isIsoDate, isRole, isUnitKind, MAX_IMPORT_COLUMNS } from '@app/domain';
import { spreadsheetSafe } from '../../supervision/csv.util';
import { columnOfHeader, ImportColumn, ImportKind, IMPORT_SHEETS, ImportSheet } from './import-sheets';

/**
 * From a sheet's cells (as the reader found them) to typed rows, each with every problem of its own
 * cells: required values, lengths, codes, dates (`yyyy-mm-dd` or `dd/mm/yyyy`), kinds, seats and
 * roles, text that is no text or that a spreadsheet would run as a formula. Pure: whether a parent,
 * a person or a seat is free is decided later, against the database, by the organisation's services.
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

export interface ImportProblem {
  sheet: string;
  /** Spreadsheet row number (the header is 1); null for a problem of the whole file or sheet. */
  row: number | null;
  /** The column's Vietnamese header, when one column is at fault. */
  column: string | null;
  message: string;
}

interface RowBase {
  sheet: string;
  row: number;
}
export interface UnitRow extends RowBase {
  kind: 'units';
  code: string;
  name: string;
  unitKind: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}
export interface PersonRow extends RowBase {
  kind: 'people';
  code: string | null;
  username: string | null;
  fullName: string;
  unitCode: string;
  title: string | null;
  email: string | null;
}
export interface PositionRow extends RowBase {
  kind: 'positions';
  person: string;
  unitCode: string;
  title: string;
  seat: string | null;
  roles: string[];
  fields: string[];
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
}
export type ImportRow = UnitRow | PersonRow | PositionRow;

export interface SheetRead {
  rows: ImportRow[];
  problems: ImportProblem[];
}

const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// NUL and other control characters but tab and line breaks, and UTF-16 halves without their pair.
const NOT_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A calendar day from `yyyy-mm-dd` or `dd/mm/yyyy` (as Vietnamese write it), or null when it is neither. */
export function parseImportDate(text: string): string | null {
  const dmy = DMY.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

/** Values of a list cell (roles, fields): split on `;` or `,`, trimmed, without blanks or repeats. */
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
export function cellProblem(column: ImportColumn, value: string): string | null {
  if (value === '') return column.required ? 'is required' : null;
  if (NOT_TEXT.test(value)) return 'holds control characters or broken Unicode, which is not text';
  if (spreadsheetSafe(value) !== value)
    return 'starts with =, +, -, @ or a tab, which a spreadsheet runs as a formula: write the value itself';
  if (value.length > column.maxLength) return `is longer than ${column.maxLength} characters`;
  switch (column.type) {
    case 'code':
      return CODE.test(value) ? null : 'must be letters, digits, dot, dash or underscore (no spaces)';
    case 'date':
      return parseImportDate(value) ? null : `${value} is not a date (dd/mm/yyyy or yyyy-mm-dd)`;
    case 'email':
      return EMAIL.test(value) ? null : `${value} is not an e-mail address`;
    default:
      return null;
  }
}

/** Problems of a row's values against the domain's lists (unit kinds, seats, roles). */
function valueProblems(kind: ImportKind, v: Record<string, string>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (kind === 'units' && v.kind && !isUnitKind(v.kind)) out.push(['kind', `unknown unit kind ${v.kind}`]);
  if (kind === 'people' && !v.code && !v.username)
    out.push(['code', 'a person needs a code (or the username of an existing account)']);
  if (kind === 'positions') {
    if (v.seat && !(ALL_SEATS as readonly string[]).includes(v.seat))
      out.push(['seat', `unknown seat ${v.seat} (one of ${ALL_SEATS.join(', ')})`]);
    for (const role of splitList(v.roles ?? '')) if (!isRole(role)) out.push(['roles', `unknown role ${role}`]);
    if (v.endReason && !v.endsOn) out.push(['endReason', 'an end reason needs an end date']);
  }
  return out;
}

/** The sheet's column of each header cell, with problems for unknown, repeated and missing columns. */
function readHeader(
  sheet: ImportSheet,
  grid: SheetGrid,
): { columns: Array<ImportColumn | undefined>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (message: string, column: string | null = null) =>
    problems.push({ sheet: grid.name, row: 1, column, message });
  const header = grid.rows.find((r) => r.row === 1);
  if (!header || header.cells.every((c) => c === '')) {
    at(`the first row must hold the headers: ${sheet.columns.map((c) => c.vi).join(', ')}`);
    return { columns: [], problems };
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) at(`more than ${MAX_IMPORT_COLUMNS} columns`);
  const seen = new Set<string>();
  const columns = header.cells.map((text) => {
    if (text === '') return undefined;
    const column = columnOfHeader(sheet, text);
    if (!column) at(`unknown column "${text}"; the columns are: ${sheet.columns.map((c) => c.vi).join(', ')}`, text);
    else if (seen.has(column.key)) at(`column "${text}" appears twice`, column.vi);
    else seen.add(column.key);
    return column;
  });
  for (const c of sheet.columns) if (c.required && !seen.has(c.key)) at(`the column "${c.vi}" is missing`, c.vi);
  for (const p of header.problems) at(p.message, header.cells[p.col] || null);
  return { columns, problems };
}

/** Every data row of a sheet of `kind`, typed, and every problem found in it (empty lines are skipped). */
export function readSheet(kind: ImportKind, grid: SheetGrid): SheetRead {
  const sheet = IMPORT_SHEETS[kind];
  const { columns, problems } = readHeader(sheet, grid);
  if (problems.length) return { rows: [], problems };
  const rows: ImportRow[] = [];
  for (const line of grid.rows) {
    if (line.row === 1 || (line.cells.every((c) => c === '') && line.problems.length === 0)) continue;
    const values: Record<string, string> = {};
    const rowProblems: ImportProblem[] = [];
    const at = (column: string, message: string) =>
      rowProblems.push({ sheet: grid.name, row: line.row, column, message });
    line.cells.forEach((text, i) => {
      const column = columns[i];
      if (column) values[column.key] = text;
      else if (text !== '') at(`#${i + 1}`, 'a value in a column without a header');
    });
    for (const p of line.problems) at(columns[p.col]?.vi ?? `#${p.col + 1}`, p.message);
    for (const c of sheet.columns) {
      const problem = cellProblem(c, values[c.key] ?? '');
      if (problem) at(c.vi, `${c.vi} ${problem}`);
    }
    if (rowProblems.length === 0)
      for (const [key, message] of valueProblems(kind, values))
        at(sheet.columns.find((c) => c.key === key)?.vi ?? key, message);
    if (rowProblems.length) problems.push(...rowProblems);
    else rows.push(typedRow(kind, grid.name, line.row, values));
  }
  return { rows, problems };
}

function typedRow(kind: ImportKind, sheet: string, row: number, v: Record<string, string>): ImportRow {
  const opt = (key: string) => (v[key] ? v[key] : null);
  const day = (key: string) => (v[key] ? parseImportDate(v[key]) : null);
  if (kind === 'units')
    return {
      kind,
      sheet,
      row,
      code: v.code,
      name: v.name,
      unitKind: v.kind,
      parentCode: opt('parentCode'),
      validFrom: day('validFrom'),
      validTo: day('validTo'),
    };
  if (kind === 'people')
    return {
      kind,
      sheet,
      row,
      code: opt('code'),
      username: opt('username'),
      fullName: v.fullName,
      unitCode: v.unitCode,
      title: opt('title'),
      email: opt('email'),
    };
  return {
    kind,
    sheet,
    row,
    person: v.person,
    unitCode: v.unitCode,
    title: v.title,
    seat: opt('seat'),
    roles: splitList(v.roles ?? ''),
    fields: splitList(v.fields ?? ''),
    startsOn: day('startsOn') as string,
    endsOn: day('endsOn'),
    endReason: opt('endReason'),
  };
}

/** Cell text as the rows read it: Unicode NFC (diacritics typed either way compare equal), trimmed. */
export function cellText(raw: string): string {
  return raw.normalize('NFC').trim();
}

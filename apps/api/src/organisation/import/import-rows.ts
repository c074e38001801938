import { ALL_SEATS, isRole, isUnitKind } from '@app/domain';
import {
  parseSheetDate,
  readHeader,
  readRowValues,
  SheetGrid,
  SheetProblem,
  splitList,
} from '../../common/spreadsheet/sheet-grid';
import { ImportKind, IMPORT_SHEETS } from './import-sheets';

/**
 * From a sheet's cells (as the reader found them) to typed rows, each with every problem of its own
 * cells: required values, lengths, codes, dates (`yyyy-mm-dd` or `dd/mm/yyyy`), kinds, seats and
 * roles, text that is no text or that a spreadsheet would run as a formula. Pure: whether a parent,
 * a person or a seat is free is decided later, against the database, by the organisation's services.
 */

/** A problem of the organisation import: the shared sheet problem (sheet, row, column, message). */
export type ImportProblem = SheetProblem;

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

/** Every data row of a sheet of `kind`, typed, and every problem found in it (empty lines are skipped). */
export function readSheet(kind: ImportKind, grid: SheetGrid): SheetRead {
  const sheet = IMPORT_SHEETS[kind];
  const { columns, problems } = readHeader(sheet.columns, grid);
  if (problems.length) return { rows: [], problems };
  const rows: ImportRow[] = [];
  for (const line of readRowValues(sheet.columns, columns, grid)) {
    const rowProblems = [...line.problems];
    if (rowProblems.length === 0)
      for (const [key, message] of valueProblems(kind, line.values))
        rowProblems.push({
          sheet: grid.name,
          row: line.row,
          column: sheet.columns.find((c) => c.key === key)?.vi ?? key,
          message,
        });
    if (rowProblems.length) problems.push(...rowProblems);
    else rows.push(typedRow(kind, grid.name, line.row, line.values));
  }
  return { rows, problems };
}

function typedRow(kind: ImportKind, sheet: string, row: number, v: Record<string, string>): ImportRow {
  const opt = (key: string) => (v[key] ? v[key] : null);
  const day = (key: string) => (v[key] ? parseSheetDate(v[key]) : null);
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

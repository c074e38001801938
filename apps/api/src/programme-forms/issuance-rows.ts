import {
  Comparator,
  MAX_IMPORT_ROWS,
  MAX_TARGETS,
  MAX_TASKS,
  TargetGoal,
  validateAnnualEstimates,
  validateGoal,
} from '@app/domain';
import {
  parseSheetDate,
  parseSheetDecimal,
  readHeader,
  readRowValues,
  SheetGrid,
  SheetProblem,
  splitList,
} from '../common/spreadsheet/sheet-grid';
import { ESTIMATE_SEPARATOR, ISSUANCE_SHEETS, IssuanceSheetKind } from './issuance-sheets';

/**
 * From the sheets of an issuance import to the targets and tasks of the `issue` payload, with every
 * problem of every row. Pure: the units, people and field groups a row names are looked up in a
 * `IssuanceDirectory` the service loads beforehand (the issuing committee's tree).
 */

export interface IssuanceDirectory {
  /** A unit of the issuing committee's tree in force, by its code (any case) or its id. */
  unit(codeOrId: string): { id: string; name: string } | undefined;
  /** An active person by username or id, and whether they work in the committee's tree. */
  person(usernameOrId: string): { id: string; inTree: boolean } | undefined;
  /** The head of a unit (its first active person with the HEAD role), who leads a task named without one. */
  headOf(unitId: string): string | undefined;
  /** Why a task may not be assigned by field group `code` (unknown, retired, no supervising member), or null. */
  fieldGroupProblem(code: string): string | null;
}

export interface ImportedTarget {
  code: string;
  name: string;
  unit: string;
  baseline?: string;
  goal: TargetGoal;
  responsibleUnitId: string;
  annualEstimates?: Record<string, string>;
}

export interface ImportedTask {
  code: string;
  title: string;
  responsibleUnitId: string;
  responsiblePersonId: string;
  coordinatingUnitIds?: string[];
  dueAt: string;
  fieldGroup?: string;
}

/** Rows read: the payload's parts, the spreadsheet row of each entry (to map later checks back), the problems. */
export interface IssuanceRead {
  targets: ImportedTarget[];
  targetRows: Array<{ sheet: string; row: number }>;
  tasks: ImportedTask[];
  taskRows: Array<{ sheet: string; row: number }>;
  problems: SheetProblem[];
}

const LIMITS: Record<IssuanceSheetKind, number> = { targets: MAX_TARGETS, tasks: MAX_TASKS };
const COMPARATORS = Object.values(Comparator) as string[];

/** A task is due at the end of its day in Vietnam. */
export const endOfDayInVietnam = (day: string): string => `${day}T23:59:59+07:00`;

/** `2026=14800; 2027=16000` to {"2026": "14800", ...}, or the reason it is not that. */
export function parseEstimates(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(';').map((p) => p.trim())) {
    if (part === '') continue;
    const [year, value, ...rest] = part.split(ESTIMATE_SEPARATOR).map((p) => p.trim());
    const decimal = value === undefined ? null : parseSheetDecimal(value);
    if (rest.length || decimal === null)
      return `"${part}" is not year${ESTIMATE_SEPARATOR}number (e.g. 2026${ESTIMATE_SEPARATOR}14800)`;
    if (year in out) return `the year ${year} appears twice`;
    out[year] = decimal;
  }
  return out;
}

export class IssuanceRowReader {
  private readonly read: IssuanceRead = { targets: [], targetRows: [], tasks: [], taskRows: [], problems: [] };
  private rowsSeen = 0;

  constructor(private readonly directory: IssuanceDirectory) {}

  /** Reads one sheet of `kind`; call once per sheet, then `result()`. */
  sheet(kind: IssuanceSheetKind, grid: SheetGrid): void {
    const columns = ISSUANCE_SHEETS[kind].columns;
    const header = readHeader(columns, grid);
    if (header.problems.length) {
      this.read.problems.push(...header.problems);
      return;
    }
    const codes = new Map<string, number>();
    let taken = 0;
    for (const line of readRowValues(columns, header.columns, grid, true)) {
      if (taken >= LIMITS[kind] || this.rowsSeen >= MAX_IMPORT_ROWS) {
        const limit = taken >= LIMITS[kind] ? `${LIMITS[kind]} ${kind}` : `${MAX_IMPORT_ROWS} rows in one file`;
        this.read.problems.push({
          sheet: grid.name,
          row: line.row,
          column: null,
          message: `too many rows: at most ${limit}; this row and those after it are not read`,
        });
        return;
      }
      taken += 1;
      this.rowsSeen += 1;
      const problems = [...line.problems];
      const at = (key: string, message: string) =>
        problems.push({ sheet: grid.name, row: line.row, column: this.header(kind, key), message });
      const code = line.values.code || (kind === 'tasks' ? `NV${line.row}` : '');
      if (code && codes.has(code))
        at('code', `duplicate ${kind === 'targets' ? 'target' : 'task'} code ${code} (also in row ${codes.get(code)})`);
      else if (code) codes.set(code, line.row);
      if (problems.length) {
        this.read.problems.push(...problems);
        continue;
      }
      if (kind === 'targets') this.target(grid.name, line.row, line.values, code, at);
      else this.task(grid.name, line.row, line.values, code, at);
      this.read.problems.push(...problems);
    }
  }

  result(): IssuanceRead {
    return this.read;
  }

  private header(kind: IssuanceSheetKind, key: string): string {
    return ISSUANCE_SHEETS[kind].columns.find((c) => c.key === key)?.vi ?? key;
  }

  private unit(code: string, key: string, at: (key: string, message: string) => void): string | undefined {
    const unit = this.directory.unit(code);
    if (!unit) at(key, `unknown unit code ${code}: no unit in force with this code in the issuing committee's tree`);
    return unit?.id;
  }

  private target(
    sheet: string,
    row: number,
    v: Record<string, string>,
    code: string,
    at: (key: string, message: string) => void,
  ): void {
    const problems: Array<[string, string]> = [];
    const comparator = v.comparator.toUpperCase();
    if (!COMPARATORS.includes(comparator))
      problems.push(['comparator', `unknown kind ${v.comparator} (one of ${COMPARATORS.join(', ')})`]);
    const goal: TargetGoal = {
      comparator: comparator as Comparator,
      goal: parseSheetDecimal(v.goal) as string,
      ...(v.goalHigh ? { goalHigh: parseSheetDecimal(v.goalHigh) as string } : {}),
      ...(v.group ? { group: v.group } : {}),
      ...(v.reference ? { reference: v.reference } : {}),
    };
    const goalProblem = problems.length ? null : validateGoal(goal);
    if (goalProblem) problems.push([goalColumn(goalProblem), goalProblem]);
    let annualEstimates: Record<string, string> | undefined;
    if (v.annualEstimates) {
      const parsed = parseEstimates(v.annualEstimates);
      const problem =
        typeof parsed === 'string'
          ? parsed
          : validateAnnualEstimates(parsed, this.header('targets', 'annualEstimates'));
      if (problem) problems.push(['annualEstimates', problem]);
      else annualEstimates = parsed as Record<string, string>;
    }
    const unitId = this.unit(v.responsibleUnit, 'responsibleUnit', at);
    for (const [key, message] of problems) at(key, message);
    if (problems.length || !unitId) return;
    this.read.targets.push({
      code,
      name: v.name,
      unit: v.unit,
      ...(v.baseline ? { baseline: parseSheetDecimal(v.baseline) as string } : {}),
      goal,
      responsibleUnitId: unitId,
      ...(annualEstimates && Object.keys(annualEstimates).length ? { annualEstimates } : {}),
    });
    this.read.targetRows.push({ sheet, row });
  }

  private task(
    sheet: string,
    row: number,
    v: Record<string, string>,
    code: string,
    at: (key: string, message: string) => void,
  ): void {
    let ok = true;
    const fail = (key: string, message: string) => {
      at(key, message);
      ok = false;
    };
    const unitId = this.unit(v.responsibleUnit, 'responsibleUnit', fail);
    let personId: string | undefined;
    if (v.responsiblePerson) {
      const person = this.directory.person(v.responsiblePerson);
      if (!person)
        fail('responsiblePerson', `unknown person ${v.responsiblePerson}: no active account has this username`);
      else if (!person.inTree)
        fail('responsiblePerson', `${v.responsiblePerson} works outside the issuing committee and the units below it`);
      else personId = person.id;
    } else if (unitId) {
      personId = this.directory.headOf(unitId);
      if (!personId) fail('responsiblePerson', 'the responsible unit has no head: name the lead person');
    }
    const coordinating: string[] = [];
    for (const c of splitList(v.coordinatingUnits ?? '')) {
      const id = this.unit(c, 'coordinatingUnits', fail);
      if (id && id !== unitId && !coordinating.includes(id)) coordinating.push(id);
    }
    const fieldProblem = v.fieldGroup ? this.directory.fieldGroupProblem(v.fieldGroup) : null;
    if (fieldProblem) fail('fieldGroup', fieldProblem);
    if (!ok || !unitId || !personId) return;
    this.read.tasks.push({
      code,
      title: v.title,
      responsibleUnitId: unitId,
      responsiblePersonId: personId,
      ...(coordinating.length ? { coordinatingUnitIds: coordinating } : {}),
      dueAt: endOfDayInVietnam(parseSheetDate(v.dueOn) as string),
      ...(v.fieldGroup ? { fieldGroup: v.fieldGroup } : {}),
    });
    this.read.taskRows.push({ sheet, row });
  }
}

/** The column a goal's problem is about (the domain's messages name goalHigh, group, reference). */
function goalColumn(problem: string): string {
  if (problem.includes('goalHigh') || problem.includes('range goal')) return 'goalHigh';
  if (problem.includes('group')) return 'group';
  if (problem.includes('reference')) return 'reference';
  return 'goal';
}

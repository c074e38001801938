import { SheetProblem } from '../common/spreadsheet/sheet-grid';
import { payloadShapeErrors } from '../programmes/dto/action-payloads';
import { ImportedTarget, ImportedTask, IssuanceRead } from './issuance-rows';
import { ISSUANCE_SHEETS, IssuanceSheetKind } from './issuance-sheets';

/**
 * The `issue` payload an import proposes, checked by the very DTO validation the action route runs
 * (`payloadShapeErrors`), each of its reasons mapped back to the row and column it comes from. An
 * entry the check refuses is left out of the payload, so what is proposed is what the route accepts.
 */

export interface IssuanceHeader {
  documentNumber?: string;
  issuedOn?: string;
}

export interface ProposedIssuePayload extends IssuanceHeader {
  targets: ImportedTarget[];
  tasks: ImportedTask[];
  solutions: string[];
  resources: string[];
}

/** Payload field → sheet column key, where they differ. */
const FIELD_COLUMN: Record<IssuanceSheetKind, Record<string, string>> = {
  targets: {
    responsibleUnitId: 'responsibleUnit',
    'goal.comparator': 'comparator',
    'goal.goal': 'goal',
    'goal.goalHigh': 'goalHigh',
    'goal.group': 'group',
    'goal.reference': 'reference',
    goal: 'goal',
  },
  tasks: {
    responsibleUnitId: 'responsibleUnit',
    responsiblePersonId: 'responsiblePerson',
    coordinatingUnitIds: 'coordinatingUnits',
    dueAt: 'dueOn',
  },
};

const ENTRY = /^payload\.(targets|tasks)\.(\d+)(?:\.(\w+)(?:\.(\w+))?)?/;

/** Where a shape error of the payload points: the sheet's kind, the entry's index and the column's header. */
export function locateShapeError(
  message: string,
): { kind: IssuanceSheetKind; index: number; column: string | null } | null {
  const m = ENTRY.exec(message);
  if (!m) return null;
  const kind = m[1] as IssuanceSheetKind;
  const field = m[3] ? (m[4] && FIELD_COLUMN[kind][`${m[3]}.${m[4]}`] ? `${m[3]}.${m[4]}` : m[3]) : null;
  const key = field === null ? null : (FIELD_COLUMN[kind][field] ?? field);
  const column = key === null ? null : (ISSUANCE_SHEETS[kind].columns.find((c) => c.key === key)?.vi ?? null);
  return { kind, index: Number(m[2]), column };
}

/** The proposed payload and the problems of the rows, the shape check's among the rows' own. */
export function proposeIssuePayload(
  read: IssuanceRead,
  header: IssuanceHeader,
): { payload: ProposedIssuePayload; problems: SheetProblem[] } {
  const problems = [...read.problems];
  // Header fields the file does not give are stood in for: only the rows' fields are checked here.
  const checked = payloadShapeErrors('issue', {
    documentNumber: header.documentNumber ?? 'x',
    issuedOn: header.issuedOn ?? '2000-01-01',
    targets: read.targets,
    tasks: read.tasks,
    solutions: [],
    resources: [],
  });
  const refused = { targets: new Set<number>(), tasks: new Set<number>() };
  for (const message of checked) {
    const at = locateShapeError(message);
    if (!at) {
      problems.push({ sheet: '', row: null, column: null, message });
      continue;
    }
    const where = (at.kind === 'targets' ? read.targetRows : read.taskRows)[at.index];
    refused[at.kind].add(at.index);
    problems.push({ sheet: where?.sheet ?? '', row: where?.row ?? null, column: at.column, message });
  }
  const order = (p: SheetProblem) => (p.sheet === ISSUANCE_SHEETS.targets.sheetVi ? 0 : 1);
  problems.sort((a, b) => order(a) - order(b) || (a.row ?? 0) - (b.row ?? 0));
  return {
    payload: {
      ...(header.documentNumber !== undefined ? { documentNumber: header.documentNumber } : {}),
      ...(header.issuedOn !== undefined ? { issuedOn: header.issuedOn } : {}),
      targets: read.targets.filter((_, i) => !refused.targets.has(i)),
      tasks: read.tasks.filter((_, i) => !refused.tasks.has(i)),
      solutions: [],
      resources: [],
    },
    problems,
  };
}

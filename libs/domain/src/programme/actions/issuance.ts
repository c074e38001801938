import {
  MAX_CODE_LENGTH,
  MAX_DOCUMENT_NUMBER_LENGTH,
  MAX_ID_LENGTH,
  MAX_STEERING_COMMITTEE_MEMBERS,
  MAX_TARGETS,
  MAX_TITLE_LENGTH,
} from '../../limits';
import { isDecimal } from '../../targets/decimal.util';
import { validateAnnualEstimates } from '../../targets/annual-estimate';
import { TargetGoal, validateGoal } from '../../targets/target-achievement';
import { text } from '../../common/checks';
import { documentIdProblem, withDocumentId } from '../documents';
import { calendarDate, ids, validateTasks } from '../field-checks';
import { isDrafter } from '../permissions';
import { Phase } from '../phase';
import { enterPhase, nextPhaseAfter, requirePhase } from '../phase-transitions';
import type { ProgrammeTask } from '../programme-state';
import { forbidden, invalid, Refusal } from '../refusal';
import type { ActionRules } from './action-rule';

export interface TargetInput {
  code: string;
  name: string;
  unit: string;
  baseline?: string | null;
  goal: TargetGoal;
  responsibleUnitId: string;
  periodGoals?: Record<string, TargetGoal>;
  /** Year → estimate (plan figure) of that year, for progress as a share of it. */
  annualEstimates?: Record<string, string>;
}

export interface IssuancePayloads {
  issue: {
    documentNumber: string;
    issuedOn: string;
    targets: TargetInput[];
    tasks: ProgrammeTask[];
    solutions: string[];
    resources: string[];
    steeringCommittee?: { headId: string; memberIds: string[] } | null;
    /** The issued text as a file (an ISSUED document of the programme). */
    documentId?: string;
  };
}

function validateTargets(targets: TargetInput[]): Refusal | null {
  if (!Array.isArray(targets) || targets.length > MAX_TARGETS)
    return invalid(`targets must be a list of at most ${MAX_TARGETS}`);
  const codes = new Set<string>();
  for (const [i, t] of targets.entries()) {
    const where = `targets[${i}]`;
    const bad =
      text(t.code, `${where}.code`, MAX_CODE_LENGTH) ??
      text(t.name, `${where}.name`, MAX_TITLE_LENGTH) ??
      text(t.unit, `${where}.unit`, MAX_CODE_LENGTH) ??
      text(t.responsibleUnitId, `${where}.responsibleUnitId`, MAX_ID_LENGTH);
    if (bad) return bad;
    if (codes.has(t.code)) return invalid(`target code ${t.code} appears twice`);
    codes.add(t.code);
    if (t.baseline !== undefined && t.baseline !== null && !isDecimal(t.baseline))
      return invalid(`${where}.baseline is not a number`);
    const goalProblem = validateGoal(t.goal ?? ({} as TargetGoal));
    if (goalProblem) return invalid(`${where}.goal: ${goalProblem}`);
    for (const [period, g] of Object.entries(t.periodGoals ?? {})) {
      const p = validateGoal(g);
      if (p) return invalid(`${where}.periodGoals.${period}: ${p}`);
    }
    const estimates = validateAnnualEstimates(t.annualEstimates, `${where}.annualEstimates`);
    if (estimates) return invalid(estimates);
  }
  return null;
}

export const issuanceActions: ActionRules<IssuancePayloads> = {
  issue: {
    permits: (s, actor) =>
      requirePhase(s, 'issuing', Phase.ISSUED) ??
      (isDrafter(s, actor) ? null : forbidden('only the issuing committee office issues the programme')),
    validate: (_s, _actor, q) => {
      return (
        documentIdProblem(q.documentId) ??
        text(q.documentNumber, 'documentNumber', MAX_DOCUMENT_NUMBER_LENGTH) ??
        calendarDate(q.issuedOn, 'issuedOn') ??
        validateTargets(q.targets) ??
        validateTasks(q.tasks) ??
        (Array.isArray(q.solutions) && q.solutions.every((x) => typeof x === 'string')
          ? null
          : invalid('solutions must be a list of texts')) ??
        (Array.isArray(q.resources) && q.resources.every((x) => typeof x === 'string')
          ? null
          : invalid('resources must be a list of texts')) ??
        (q.steeringCommittee
          ? (text(q.steeringCommittee.headId, 'steeringCommittee.headId', MAX_ID_LENGTH) ??
            ids(q.steeringCommittee.memberIds, 'steeringCommittee.memberIds', 0, MAX_STEERING_COMMITTEE_MEMBERS))
          : null)
      );
    },
    // The lists start empty: the form adds targets, tasks, solutions and resources.
    form: () => ({ prefill: { targets: [], tasks: [], solutions: [], resources: [] } }),
    apply: ({ s, t, now, at, by, audit }, q) => {
      s.issuance = {
        by,
        at,
        documentNumber: q.documentNumber,
        issuedOn: q.issuedOn,
        targets: q.targets.map((x) => ({
          code: x.code,
          name: x.name,
          unit: x.unit,
          baseline: x.baseline ?? null,
          goal: x.goal,
          responsibleUnitId: x.responsibleUnitId,
          periodGoals: x.periodGoals ?? {},
          ...(x.annualEstimates && Object.keys(x.annualEstimates).length ? { annualEstimates: x.annualEstimates } : {}),
        })),
        tasks: q.tasks.map((x) => ({ ...x, coordinatingUnitIds: x.coordinatingUnitIds ?? [] })),
        solutions: q.solutions,
        resources: q.resources,
        steeringCommittee: q.steeringCommittee ?? null,
        ...withDocumentId(q),
      };
      return [
        audit({
          documentNumber: q.documentNumber,
          issuedOn: q.issuedOn,
          targets: q.targets.length,
          tasks: q.tasks.length,
          ...withDocumentId(q),
        }),
        ...enterPhase(s, t, nextPhaseAfter(t, Phase.ISSUED), now, by, `issued as ${q.documentNumber}`),
      ];
    },
  },
};

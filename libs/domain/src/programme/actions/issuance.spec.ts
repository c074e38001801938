import { Comparator } from '../../targets/target-achievement';
import { Phase } from '../phase';
import { type ProgrammeAction, validateAction } from '../programme-actions';
import { TARGETS, TASKS, at, drafter, issuePayload, outsider, toApproval, toIssued } from '../test-fixtures';
import type { TargetInput } from './issuance';

describe('refusals', () => {
  describe('issuing', () => {
    const now = at('2024-03-05T02:00:00Z');

    it('a bad range goal → INVALID naming the target', () => {
      const s = toIssued();
      const bad: TargetInput[] = [
        { ...TARGETS[0], goal: { comparator: Comparator.RANGE, goal: '7.5', goalHigh: '7' } },
      ];
      expect(validateAction(s, drafter, { name: 'issue', payload: issuePayload(bad) }, now)).toEqual({
        kind: 'INVALID',
        reason: 'targets[0].goal: a range goal needs goal <= goalHigh',
      });
      const noHigh: TargetInput[] = [TARGETS[1], { ...TARGETS[0], goal: { comparator: Comparator.RANGE, goal: '7' } }];
      expect(validateAction(s, drafter, { name: 'issue', payload: issuePayload(noHigh) }, now)).toEqual({
        kind: 'INVALID',
        reason: 'targets[1].goal: a range goal needs goalHigh',
      });
      expect(s.phase).toBe(Phase.ISSUED); // validation does not change state
    });

    it('other invalid issuance details → INVALID', () => {
      const s = toIssued();
      const cases: Array<[Extract<ProgrammeAction, { name: 'issue' }>['payload'], string]> = [
        [{ ...issuePayload(), issuedOn: '2024-02-30' }, 'issuedOn 2024-02-30 is not a real date'],
        [{ ...issuePayload(), issuedOn: '05/03/2024' }, 'issuedOn must be a date like 2024-03-31'],
        [{ ...issuePayload(), documentNumber: ' ' }, 'documentNumber must not be empty'],
        [issuePayload([TARGETS[0], { ...TARGETS[1], code: 'GRDP' }]), 'target code GRDP appears twice'],
        [issuePayload([{ ...TARGETS[0], baseline: 'sáu' }]), 'targets[0].baseline is not a number'],
        [
          issuePayload([{ ...TARGETS[2], periodGoals: { '2025': { comparator: Comparator.YES_NO, goal: '3' } } }]),
          'targets[0].periodGoals.2025: a yes/no goal is "1" or "0"',
        ],
        [{ ...issuePayload(), tasks: [{ ...TASKS[0], dueAt: 'soon' }] }, 'tasks[0].dueAt must be a date-time'],
        [{ ...issuePayload(), tasks: [TASKS[0], TASKS[0]] }, 'task code T1 appears twice'],
      ];
      for (const [payload, reason] of cases)
        expect(validateAction(s, drafter, { name: 'issue', payload }, now)).toEqual({ kind: 'INVALID', reason });
    });

    it('only the drafting team issues, and only in ISSUED', () => {
      expect(validateAction(toIssued(), outsider, { name: 'issue', payload: issuePayload() }, now)?.kind).toBe(
        'FORBIDDEN',
      );
      expect(validateAction(toApproval(), drafter, { name: 'issue', payload: issuePayload() }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
    });
  });
});

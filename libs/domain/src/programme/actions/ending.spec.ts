import type { Actor } from '../../org/actor';
import { awaiting } from '../awaiting';
import { Phase } from '../phase';
import { type ProgrammeAction, validateAction } from '../programme-actions';
import { SETUP, act, at, drafter, head, invitee1, toDrafting } from '../test-fixtures';

describe('refusals', () => {
  describe('cancel', () => {
    it('cancelling → CANCELLED, after which every action → WRONG_PHASE', () => {
      const s = toDrafting();
      const now = at('2024-02-05T00:00:00Z');
      expect(validateAction(s, drafter, { name: 'cancel', payload: { reason: 'x' } }, now)?.kind).toBe('FORBIDDEN');
      expect(validateAction(s, head, { name: 'cancel', payload: { reason: '' } }, now)?.kind).toBe('INVALID');
      const fx = act(s, head, { name: 'cancel', payload: { reason: 'Nghị quyết mới thay thế' } }, now);
      expect(s.phase).toBe(Phase.CANCELLED);
      expect(s.endReason).toBe('Nghị quyết mới thay thế');
      expect(fx[0]).toEqual({
        type: 'audit',
        action: 'cancel',
        actorId: 'hg-bithu',
        before: { phase: Phase.DRAFTING },
        after: { reason: 'Nghị quyết mới thay thế' },
      });
      expect(s.phaseDeadline).toBeNull();

      const later = at('2024-02-06T00:00:00Z');
      const attempts: Array<[Actor, ProgrammeAction]> = [
        [drafter, { name: 'submitDraft', payload: { text: 'x', changeNote: 'y' } }],
        [head, { name: 'approve', payload: {} }],
        [head, { name: 'cancel', payload: { reason: 'again' } }],
        [head, { name: 'supersede', payload: { reason: 'r', byProgrammeId: 'p2' } }],
        [invitee1, { name: 'acknowledgeDissemination', payload: {} }],
      ];
      for (const [actor, action] of attempts) {
        const r = validateAction(s, actor, action, later);
        expect(r?.kind).toBe('WRONG_PHASE');
        expect(r?.reason).toContain('CANCELLED');
      }
      expect(awaiting(s, later)).toEqual({ what: 'nothing', fromIds: [], deadline: null });
    });

    it('a programme cannot supersede itself', () => {
      const s = toDrafting();
      expect(
        validateAction(
          s,
          head,
          { name: 'supersede', payload: { reason: 'r', byProgrammeId: SETUP.programmeId } },
          at('2024-02-05T00:00:00Z'),
        ),
      ).toEqual({
        kind: 'INVALID',
        reason: 'a programme cannot supersede itself',
      });
    });
  });
});

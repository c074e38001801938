import { validateAction } from '../programme-actions';
import {
  act,
  at,
  drafter,
  head,
  invitee1,
  memberInCharge,
  outsider,
  toDissemination,
  toImplementation,
  ubndReporter,
} from '../test-fixtures';

describe('refusals', () => {
  describe('dissemination', () => {
    const now = at('2024-03-20T02:00:00Z');

    it('recorded by the drafter instead of the head → FORBIDDEN', () => {
      const s = toDissemination();
      const r = validateAction(
        s,
        drafter,
        { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1'] } },
        now,
      );
      expect(r?.kind).toBe('FORBIDDEN');
      expect(r?.reason).toContain('personally');
      // Even the member in charge may not stand in for the head.
      expect(
        validateAction(
          s,
          memberInCharge,
          { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1'] } },
          now,
        )?.kind,
      ).toBe('FORBIDDEN');
    });

    it('needs a real date and an audience', () => {
      const s = toDissemination();
      expect(
        validateAction(
          s,
          head,
          { name: 'recordDissemination', payload: { heldOn: '2024-02-30', audienceIds: ['hg-tv1'] } },
          now,
        )?.kind,
      ).toBe('INVALID');
      expect(
        validateAction(
          s,
          head,
          { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: [] } },
          now,
        )?.kind,
      ).toBe('INVALID');
    });

    it('acknowledgement: not before the conference, only by the audience, only once', () => {
      const before = toDissemination();
      expect(validateAction(before, invitee1, { name: 'acknowledgeDissemination', payload: {} }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
      const s = toImplementation(before);
      expect(validateAction(s, outsider, { name: 'acknowledgeDissemination', payload: {} }, now)?.kind).toBe(
        'FORBIDDEN',
      );
      act(s, ubndReporter, { name: 'acknowledgeDissemination', payload: {} }, at('2024-03-21T00:00:00Z'));
      expect(
        validateAction(s, ubndReporter, { name: 'acknowledgeDissemination', payload: {} }, at('2024-03-22T00:00:00Z'))
          ?.kind,
      ).toBe('WRONG_PHASE');
    });
  });
});

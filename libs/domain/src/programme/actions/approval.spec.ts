import type { Actor } from '../../org/actor';
import { Role } from '../../org/roles';
import { validateAction } from '../programme-actions';
import { at, drafter, head, invitee1, toApproval, toDrafting } from '../test-fixtures';

describe('refusals', () => {
  it('approve while DRAFTING → WRONG_PHASE', () => {
    const s = toDrafting();
    const r = validateAction(s, head, { name: 'approve', payload: {} }, at('2024-02-02T00:00:00Z'));
    expect(r?.kind).toBe('WRONG_PHASE');
    expect(r?.reason).toContain('DRAFTING');
  });

  it('approval only by the Standing Committee or the issuing head', () => {
    const s = toApproval();
    const now = at('2024-02-25T00:00:00Z');
    expect(validateAction(s, drafter, { name: 'approve', payload: {} }, now)?.kind).toBe('FORBIDDEN');
    expect(validateAction(s, invitee1, { name: 'approve', payload: {} }, now)?.kind).toBe('FORBIDDEN');
    const otherSc: Actor = { personId: 'sc-9', unitId: 'hg-other', roles: [Role.STANDING_COMMITTEE] };
    expect(validateAction(s, otherSc, { name: 'approve', payload: {} }, now)).toBeNull();
  });
});

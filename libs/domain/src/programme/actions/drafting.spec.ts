import { validateAction } from '../programme-actions';
import { act, at, drafter, outsider, toDrafting } from '../test-fixtures';

describe('refusals', () => {
  it('a draft needs text or a document reference; consultation needs a draft; approval needs a closed consultation', () => {
    const s = toDrafting();
    const now = at('2024-02-02T00:00:00Z');
    expect(validateAction(s, drafter, { name: 'submitDraft', payload: { changeNote: 'v1' } }, now)).toEqual({
      kind: 'INVALID',
      reason: 'a draft needs its text, a document reference or a document',
    });
    expect(validateAction(s, drafter, { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1'] } }, now)).toEqual({
      kind: 'WRONG_PHASE',
      reason: 'there is no draft to consult on yet',
    });
    act(s, drafter, { name: 'submitDraft', payload: { text: 'Dự thảo', changeNote: 'v1' } }, now);
    expect(validateAction(s, drafter, { name: 'submitForApproval', payload: {} }, now)?.kind).toBe('WRONG_PHASE');
    expect(
      validateAction(
        s,
        drafter,
        { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1'], deadline: '2024-02-01T00:00:00Z' } },
        now,
      ),
    ).toEqual({
      kind: 'INVALID',
      reason: 'deadline must be in the future',
    });
    expect(
      validateAction(
        s,
        drafter,
        { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1'], deadline: 'next week' } },
        now,
      )?.kind,
    ).toBe('INVALID');
    expect(
      validateAction(s, outsider, { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1'] } }, now)?.kind,
    ).toBe('FORBIDDEN');
  });
});

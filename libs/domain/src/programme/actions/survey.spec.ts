import { validateAction } from '../programme-actions';
import { act, at, drafter, foreignAdvisor, fresh, outsider, surveyor } from '../test-fixtures';

describe('refusals', () => {
  it('only the drafting team assigns surveyors; only assigned surveyors submit findings; no close without findings', () => {
    const s = fresh();
    const now = at('2024-01-16T02:00:00Z');
    expect(
      validateAction(s, outsider, { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } }, now)?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateAction(s, foreignAdvisor, { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } }, now)?.kind,
    ).toBe('FORBIDDEN');
    expect(validateAction(s, drafter, { name: 'assignSurveyors', payload: { surveyorIds: [] } }, now)?.kind).toBe(
      'INVALID',
    );
    expect(validateAction(s, drafter, { name: 'assignSurveyors', payload: { surveyorIds: ['a', 'a'] } }, now)).toEqual({
      kind: 'INVALID',
      reason: 'surveyorIds has duplicates',
    });
    expect(validateAction(s, drafter, { name: 'closeSurvey', payload: {} }, now)).toEqual({
      kind: 'WRONG_PHASE',
      reason: 'the survey has no findings yet',
    });
    act(s, drafter, { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } }, now);
    expect(validateAction(s, outsider, { name: 'submitSurveyFindings', payload: { text: 'x' } }, now)?.kind).toBe(
      'FORBIDDEN',
    );
    expect(validateAction(s, surveyor, { name: 'submitSurveyFindings', payload: { text: '   ' } }, now)?.kind).toBe(
      'INVALID',
    );
  });
});

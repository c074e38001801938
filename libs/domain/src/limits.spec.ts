import {
  MAX_COORDINATING_UNITS,
  MAX_DECIMAL_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  MAX_PROGRAMME_ID_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MAX_STEERING_COMMITTEE_MEMBERS,
  MAX_SURVEYORS,
  MIN_PROGRAMME_ID_LENGTH,
  MIN_REQUEST_ID_LENGTH,
  PROGRAMME_ID_PATTERN,
  REQUEST_ID_PATTERN,
} from './limits';
import { validateAction } from './programme/programme-actions';
import {
  at,
  drafter,
  fresh,
  head,
  issuePayload,
  surveyor,
  TASKS,
  toDrafting,
  toIssued,
} from './programme/test-fixtures';
import { isDecimal } from './targets/decimal.util';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('limits', () => {
  it('programme ids: lowercase slugs of the allowed length', () => {
    expect(PROGRAMME_ID_PATTERN.test('a'.repeat(MIN_PROGRAMME_ID_LENGTH))).toBe(true);
    expect(PROGRAMME_ID_PATTERN.test('a'.repeat(MAX_PROGRAMME_ID_LENGTH))).toBe(true);
    expect(PROGRAMME_ID_PATTERN.test('a'.repeat(MIN_PROGRAMME_ID_LENGTH - 1))).toBe(false);
    expect(PROGRAMME_ID_PATTERN.test('a'.repeat(MAX_PROGRAMME_ID_LENGTH + 1))).toBe(false);
    expect(PROGRAMME_ID_PATTERN.test('hg-ctr-123-2021')).toBe(true);
    expect(PROGRAMME_ID_PATTERN.test('-hg-ctr')).toBe(false);
    expect(PROGRAMME_ID_PATTERN.test('HG-CTR')).toBe(false);
  });

  it('request ids: letters, digits, dots, dashes, underscores, of the allowed length', () => {
    expect(REQUEST_ID_PATTERN.test('a'.repeat(MIN_REQUEST_ID_LENGTH))).toBe(true);
    expect(REQUEST_ID_PATTERN.test('a'.repeat(MAX_REQUEST_ID_LENGTH))).toBe(true);
    expect(REQUEST_ID_PATTERN.test('a'.repeat(MIN_REQUEST_ID_LENGTH - 1))).toBe(false);
    expect(REQUEST_ID_PATTERN.test('a'.repeat(MAX_REQUEST_ID_LENGTH + 1))).toBe(false);
    expect(REQUEST_ID_PATTERN.test('0f6f3f3e-9a7b_4a53.8d0e')).toBe(true);
    expect(REQUEST_ID_PATTERN.test('has a space')).toBe(false);
  });

  it('the longest decimal a target takes is MAX_DECIMAL_LENGTH characters', () => {
    const longest = `-${'9'.repeat(15)}.${'9'.repeat(6)}`;
    expect(longest).toHaveLength(MAX_DECIMAL_LENGTH);
    expect(isDecimal(longest)).toBe(true);
    expect(isDecimal(`-${'9'.repeat(16)}.${'9'.repeat(6)}`)).toBe(false);
    expect(isDecimal(`-${'9'.repeat(15)}.${'9'.repeat(7)}`)).toBe(false);
  });

  it('the domain refuses one past each limit, as the API does', () => {
    const now = at('2024-01-16T02:00:00Z');
    expect(
      validateAction(fresh(), drafter, { name: 'assignSurveyors', payload: { surveyorIds: ids(MAX_SURVEYORS) } }, now),
    ).toBeNull();
    expect(
      validateAction(
        fresh(),
        drafter,
        { name: 'assignSurveyors', payload: { surveyorIds: ids(MAX_SURVEYORS + 1) } },
        now,
      ),
    ).toEqual({ kind: 'INVALID', reason: `surveyorIds has more than ${MAX_SURVEYORS} entries` });

    const surveying = fresh();
    surveying.survey.surveyorIds = [surveyor.personId];
    const findings = (n: number) =>
      validateAction(surveying, surveyor, { name: 'submitSurveyFindings', payload: { text: 'x'.repeat(n) } }, now);
    expect(findings(MAX_FREE_TEXT_LENGTH)).toBeNull();
    expect(findings(MAX_FREE_TEXT_LENGTH + 1)).toEqual({
      kind: 'INVALID',
      reason: `text is longer than ${MAX_FREE_TEXT_LENGTH} characters`,
    });

    const issued = toIssued();
    const issue = (tasks = TASKS, memberIds = ['hg-pbt']) =>
      validateAction(
        issued,
        drafter,
        { name: 'issue', payload: { ...issuePayload(), tasks, steeringCommittee: { headId: 'hg-bithu', memberIds } } },
        at('2024-03-05T02:00:00Z'),
      );
    const coordinating = (n: number) => [{ ...TASKS[0], coordinatingUnitIds: ids(n) }];
    expect(issue(coordinating(MAX_COORDINATING_UNITS))).toBeNull();
    expect(issue(coordinating(MAX_COORDINATING_UNITS + 1))).toEqual({
      kind: 'INVALID',
      reason: `tasks[0].coordinatingUnitIds has more than ${MAX_COORDINATING_UNITS} entries`,
    });
    expect(issue(TASKS, ids(MAX_STEERING_COMMITTEE_MEMBERS))).toBeNull();
    expect(issue(TASKS, ids(MAX_STEERING_COMMITTEE_MEMBERS + 1))).toEqual({
      kind: 'INVALID',
      reason: `steeringCommittee.memberIds has more than ${MAX_STEERING_COMMITTEE_MEMBERS} entries`,
    });

    const supersede = (n: number) =>
      validateAction(
        toDrafting(),
        head,
        { name: 'supersede', payload: { reason: 'r', byProgrammeId: 'p'.repeat(n) } },
        at('2024-02-05T00:00:00Z'),
      );
    expect(supersede(MAX_PROGRAMME_ID_LENGTH)).toBeNull();
    expect(supersede(MAX_PROGRAMME_ID_LENGTH + 1)).toEqual({
      kind: 'INVALID',
      reason: `byProgrammeId is longer than ${MAX_PROGRAMME_ID_LENGTH} characters`,
    });
  });
});

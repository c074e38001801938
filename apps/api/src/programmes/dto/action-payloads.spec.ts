import 'reflect-metadata';
import { PROGRAMME_ACTIONS } from '@app/domain';
import { ACTION_PAYLOADS, payloadShapeErrors } from './action-payloads';

describe('payloadShapeErrors', () => {
  const issue = {
    documentNumber: '123-CTr/TU',
    issuedOn: '2021-09-15',
    targets: [
      {
        code: 'GRDP',
        name: 'Tăng trưởng GRDP',
        unit: '%/năm',
        goal: { comparator: 'RANGE', goal: '7', goalHigh: '7.5' },
        responsibleUnitId: 'hg-skhdt',
      },
    ],
    tasks: [
      {
        code: 'T1',
        title: 'Kế hoạch thu hút đầu tư',
        responsibleUnitId: 'hg-skhdt',
        responsiblePersonId: 'hg-skhdt-gd',
        dueAt: '2022-06-30T10:00:00Z',
      },
    ],
    solutions: ['Cải thiện môi trường đầu tư'],
    resources: [],
  };

  it('has a payload class for every action', () => {
    expect(Object.keys(ACTION_PAYLOADS).sort()).toEqual([...PROGRAMME_ACTIONS].sort());
  });

  it('accepts well-formed payloads', () => {
    expect(payloadShapeErrors('issue', issue)).toEqual([]);
    expect(payloadShapeErrors('closeSurvey', {})).toEqual([]);
    expect(
      payloadShapeErrors('submitReviewReport', { reviewSeq: 2, text: 'Báo cáo quý', values: { GRDP: '7.1' } }),
    ).toEqual([]);
  });

  it('refuses unknown fields, at the top and nested', () => {
    expect(payloadShapeErrors('closeSurvey', { force: true })).toEqual(['payload.force is not a field of this action']);
    const nested = payloadShapeErrors('issue', { ...issue, targets: [{ ...issue.targets[0], weight: 3 }] });
    expect(nested).toEqual(['payload.targets.0.weight is not a field of this action']);
  });

  it('names the field and the rule when a type or size is wrong', () => {
    expect(payloadShapeErrors('submitReviewReport', { reviewSeq: '2', text: 'x', values: {} })).toEqual([
      'payload.reviewSeq must not be less than 1',
      'payload.reviewSeq must be an integer number',
    ]);
    expect(
      payloadShapeErrors('issue', {
        ...issue,
        targets: [{ ...issue.targets[0], goal: { comparator: 'ABOUT', goal: '7' } }],
      }),
    ).toEqual([
      'payload.targets.0.goal.comparator must be one of the following values: AT_LEAST, AT_MOST, RANGE, YES_NO',
    ]);
    expect(payloadShapeErrors('assignSurveyors', { surveyorIds: [] })).toEqual([
      'payload.surveyorIds must contain at least 1 elements',
    ]);
  });
});

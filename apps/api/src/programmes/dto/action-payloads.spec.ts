import 'reflect-metadata';
import {
  MAX_DECIMAL_LENGTH,
  MAX_DOCUMENT_NUMBER_LENGTH,
  MAX_FREE_TEXT_LENGTH,
  MAX_INVITEES,
  MAX_PROGRAMME_ID_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_STATEMENT_LENGTH,
  MAX_SURVEYORS,
  MAX_TITLE_LENGTH,
  PROGRAMME_ACTIONS,
  ProgrammeActionName,
} from '@app/domain';
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
      'payload.targets.0.goal.comparator must be one of the following values: AT_LEAST, AT_MOST, RANGE, YES_NO, RANK, RELATIVE',
    ]);
    expect(payloadShapeErrors('assignSurveyors', { surveyorIds: [] })).toEqual([
      'payload.surveyorIds must contain at least 1 elements',
    ]);
  });

  it("checks a consultation round's quorum as a whole number from 1 (the domain bounds it by the invitees)", () => {
    const open = (quorum: unknown) => payloadShapeErrors('openConsultation', { inviteeIds: ['a', 'b'], quorum });
    expect(open(2)).toEqual([]);
    expect(payloadShapeErrors('openConsultation', { inviteeIds: ['a'] })).toEqual([]);
    expect(open(0)).toEqual(['payload.quorum must not be less than 1']);
    expect(open(1.5)).toEqual(['payload.quorum must be an integer number']);
    expect(open('2')).toEqual(expect.arrayContaining(['payload.quorum must be an integer number']));
    expect(open(MAX_INVITEES + 1)).toEqual([`payload.quorum must not be greater than ${MAX_INVITEES}`]);
  });
});

describe('payload limits are the domain limits', () => {
  const text = (n: number) => 'x'.repeat(n);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
  const issue = (targetName: string, goal = '7') => ({
    documentNumber: '1-CTr/TU',
    issuedOn: '2021-09-15',
    targets: [
      { code: 'G', name: targetName, unit: '%', goal: { comparator: 'AT_LEAST', goal }, responsibleUnitId: 'u' },
    ],
    tasks: [],
    solutions: [],
    resources: [],
  });
  // [what, action, payload with a text or list of length n, the limit]
  const cases: Array<[string, ProgrammeActionName, (n: number) => Record<string, unknown>, number]> = [
    ['survey findings', 'submitSurveyFindings', (n) => ({ text: text(n) }), MAX_FREE_TEXT_LENGTH],
    ['draft text', 'submitDraft', (n) => ({ text: text(n), changeNote: 'v1' }), MAX_FREE_TEXT_LENGTH],
    [
      'draft document reference',
      'submitDraft',
      (n) => ({ documentRef: text(n), changeNote: 'v1' }),
      MAX_REFERENCE_LENGTH,
    ],
    ['draft change note', 'submitDraft', (n) => ({ text: 'x', changeNote: text(n) }), MAX_REASON_LENGTH],
    ['inspection findings', 'recordInspection', (n) => ({ findings: text(n) }), MAX_FREE_TEXT_LENGTH],
    ['surveyors', 'assignSurveyors', (n) => ({ surveyorIds: ids(n) }), MAX_SURVEYORS],
    ['invitees', 'openConsultation', (n) => ({ inviteeIds: ids(n) }), MAX_INVITEES],
    ['reasons for sending back', 'sendBack', (n) => ({ reasons: text(n) }), MAX_STATEMENT_LENGTH],
    ['document number', 'issue', (n) => ({ ...issue('G'), documentNumber: text(n) }), MAX_DOCUMENT_NUMBER_LENGTH],
    ['target name', 'issue', (n) => issue(text(n)), MAX_TITLE_LENGTH],
    ['target goal', 'issue', (n) => issue('G', '1'.repeat(n)), MAX_DECIMAL_LENGTH],
    ['commendation', 'commend', (n) => ({ subjectKind: 'UNIT', subjectId: 'u', text: text(n) }), MAX_STATEMENT_LENGTH],
    [
      'evaluation comment',
      'evaluate',
      (n) => ({ subjectKind: 'UNIT', subjectId: 'u', rating: 'GOOD', comment: text(n) }),
      MAX_STATEMENT_LENGTH,
    ],
    ['lesson', 'recordLessons', (n) => ({ lessons: [text(n)] }), MAX_STATEMENT_LENGTH],
    ['reason for cancelling', 'cancel', (n) => ({ reason: text(n) }), MAX_REASON_LENGTH],
    ['successor programme id', 'supersede', (n) => ({ reason: 'r', byProgrammeId: text(n) }), MAX_PROGRAMME_ID_LENGTH],
  ];

  it.each(cases)('%s: accepted at the limit, refused one past it', (_what, action, payload, limit) => {
    expect(payloadShapeErrors(action, payload(limit))).toEqual([]);
    expect(payloadShapeErrors(action, payload(limit + 1))).toHaveLength(1);
  });
});

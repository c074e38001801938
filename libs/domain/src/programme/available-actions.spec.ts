import type { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { Phase } from './phase';
import { enterPhase } from './phase-transitions';
import {
  ActionPayloads,
  availableProgrammeActions,
  PROGRAMME_ACTIONS,
  ProgrammeAction,
  ProgrammeActionName,
  validateAction,
} from './programme-actions';
import type { ProgrammeState } from './programme-state';
import { closeReview } from './reviews';
import {
  act,
  at,
  drafter,
  foreignAdvisor,
  fresh,
  head,
  invitee1,
  invitee2,
  memberInCharge,
  outsider,
  snnReporter,
  surveyor,
  TEMPLATE,
  toApproval,
  toConsultation,
  toDissemination,
  toDrafting,
  toImplementation,
  toIssued,
  ubndReporter,
} from './test-fixtures';

const inspector: Actor = { personId: 'ubkt-1', unitId: 'hg-ubkt', roles: [Role.INSPECTOR] };
const standing: Actor = { personId: 'hg-utv', unitId: 'hg-btv', roles: [Role.STANDING_COMMITTEE] };
const ACTORS: Record<string, Actor> = {
  drafter,
  head,
  memberInCharge,
  surveyor,
  invitee1,
  invitee2,
  outsider,
  foreignAdvisor,
  ubndReporter,
  snnReporter,
  inspector,
  standing,
};

const names = (s: ProgrammeState, a: Actor, now: Date) => availableProgrammeActions(s, a, now).map((x) => x.name);

/** What a person fills in on top of the prefill: never the ids, numbers and years the state gives. */
const USER_INPUT: { [K in ProgrammeActionName]: Partial<ActionPayloads[K]> } = {
  assignSurveyors: { surveyorIds: ['hg-ks1'] },
  submitSurveyFindings: { text: 'Kết quả khảo sát' },
  closeSurvey: {},
  submitDraft: { text: 'Dự thảo', changeNote: 'Chỉnh sửa' },
  openConsultation: { inviteeIds: ['hg-tv1'] },
  submitOpinion: { text: 'Ý kiến' },
  closeConsultation: {},
  submitForApproval: {},
  approve: {},
  sendBack: { reasons: 'Chưa đạt' },
  issue: { documentNumber: '05-CTr/TU', issuedOn: '2024-03-05' },
  recordDissemination: {},
  acknowledgeDissemination: {},
  addAnnualPlan: { title: 'Kế hoạch năm', items: ['Việc 1'] },
  submitReviewReport: { text: 'Báo cáo' },
  recordInspection: { findings: 'Kết luận kiểm tra' },
  addWorkPlan: { title: 'Kế hoạch', items: [{ text: 'Việc', ownerUnitId: 'hg-ubnd' }] },
  addPlanItem: { item: { text: 'Việc thêm', ownerUnitId: 'hg-ubnd' } },
  changePlanItem: { note: 'Đang làm' },
  closePlanItem: {},
  setNextYearKeyTasks: {},
  submitFinalReport: { text: 'Báo cáo tổng kết' },
  evaluate: { subjectKind: 'UNIT', subjectId: 'hg-ubnd', rating: 'GOOD', comment: 'Hoàn thành tốt' },
  commend: { subjectKind: 'UNIT', subjectId: 'hg-ubnd', text: 'Biểu dương' },
  recordLessons: { lessons: ['Bài học'] },
  closeProgramme: {},
  cancel: { reason: 'Không còn phù hợp' },
  supersede: { reason: 'Thay thế', byProgrammeId: 'prog-hg-02' },
  commendAtReview: { subjectKind: 'UNIT', subjectId: 'hg-ubnd', reason: 'Biểu dương' },
};

/** For an action not offered: a payload naming real subjects where the state has some. */
function wellFormed(s: ProgrammeState, name: ProgrammeActionName): ProgrammeAction {
  const plan = s.workPlans?.[0];
  const subjects = { reviewSeq: 1, planId: plan?.id ?? '2024', no: 1, outcome: 'DONE', year: 2030, kind: 'ANNUAL' };
  const payload: Record<string, unknown> = { ...USER_INPUT[name] };
  for (const [k, v] of Object.entries(subjects)) {
    const needs: Record<string, ProgrammeActionName[]> = {
      reviewSeq: ['submitReviewReport', 'commendAtReview'],
      planId: ['addPlanItem', 'changePlanItem', 'closePlanItem', 'setNextYearKeyTasks'],
      no: ['changePlanItem', 'closePlanItem'],
      outcome: ['closePlanItem'],
      year: ['addAnnualPlan', 'addWorkPlan'],
      kind: ['addWorkPlan'],
    };
    if (needs[k].includes(name)) payload[k] = v;
  }
  if (name === 'submitReviewReport' || name === 'submitFinalReport') payload.values = {};
  if (name === 'issue') Object.assign(payload, { targets: [], tasks: [], solutions: [], resources: [] });
  if (name === 'recordDissemination') Object.assign(payload, { heldOn: '2024-03-20', audienceIds: ['hg-tv1'] });
  if (name === 'setNextYearKeyTasks') payload.keyTasks = [];
  return { name, payload } as ProgrammeAction;
}

/** The refusal of an action naming a plan, item or review the programme does not have. */
const MISSING_SUBJECT = /^(there is no (plan|review number) |plan \S+ has no item )/;

/** Every offered action passes with its prefill and what a person fills in; every other one is refused for person or phase. */
function expectOffersMatchValidation(s: ProgrammeState, now: Date): void {
  for (const [who, actor] of Object.entries(ACTORS)) {
    const offered = availableProgrammeActions(s, actor, now);
    for (const name of PROGRAMME_ACTIONS) {
      const offer = offered.find((o) => o.name === name);
      if (offer) {
        const action = { name, payload: { ...offer.prefill, ...USER_INPUT[name] } } as ProgrammeAction;
        expect({ who, name, refusal: validateAction(s, actor, action, now) }).toEqual({ who, name, refusal: null });
      } else {
        const refusal = validateAction(s, actor, wellFormed(s, name), now);
        // Refused for the person or the phase; or, with nothing there to name, for naming what is not there.
        const kind = refusal && MISSING_SUBJECT.test(refusal.reason) ? 'NOTHING_TO_NAME' : refusal?.kind;
        expect({ who, name, kind }).toEqual({
          who,
          name,
          kind: expect.stringMatching(/^(FORBIDDEN|WRONG_PHASE|NOTHING_TO_NAME)$/),
        });
      }
    }
  }
}

/** Implementation with an open review, plans with items (one owned by a person, one following a task). */
function implementationWithPlans(): { s: ProgrammeState; now: Date } {
  const s = toImplementation();
  act(
    s,
    drafter,
    {
      name: 'addWorkPlan',
      payload: {
        kind: 'ANNUAL',
        year: 2024,
        title: 'Kế hoạch năm 2024',
        items: [
          { text: 'Trồng rừng', ownerUnitId: 'hg-snn', ownerPersonId: 'snn-gd' },
          { text: 'Kế hoạch kinh tế', ownerUnitId: 'hg-ubnd', taskCode: 'T1' },
        ],
      },
    },
    at('2024-04-01T02:00:00Z'),
  );
  const now = new Date(Date.parse(s.implementation.reviews[0].opensAt) + 3_600_000);
  return { s, now };
}

function inFinalReview(): { s: ProgrammeState; now: Date } {
  const s = toImplementation();
  const now = at('2026-01-05T02:00:00Z');
  enterPhase(s, TEMPLATE, Phase.FINAL_REVIEW, now, null, 'term ended');
  return { s, now };
}

describe('availableProgrammeActions', () => {
  it('survey: the drafting team assigns surveyors, a surveyor reports, closing waits for findings', () => {
    const s = fresh();
    const now = at('2024-01-16T02:00:00Z');
    expect(names(s, drafter, now)).toEqual(['assignSurveyors']);
    expect(names(s, memberInCharge, now)).toEqual(['assignSurveyors']);
    expect(names(s, head, now)).toEqual(['assignSurveyors', 'cancel', 'supersede']);
    expect(names(s, surveyor, now)).toEqual([]);
    expect(names(s, outsider, now)).toEqual([]);
    act(s, drafter, { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } }, now);
    expect(names(s, surveyor, now)).toEqual(['submitSurveyFindings']);
    act(s, surveyor, { name: 'submitSurveyFindings', payload: { text: 'Khảo sát 10 xã' } }, now);
    expect(availableProgrammeActions(s, surveyor, now)).toEqual([
      { name: 'submitSurveyFindings', prefill: { text: 'Khảo sát 10 xã' } },
    ]);
    expect(names(s, drafter, now)).toEqual(['assignSurveyors', 'closeSurvey']);
    expectOffersMatchValidation(s, now);
  });

  it('drafting: a draft first, then consultation with last round’s invitees, approval only after a closed round', () => {
    const s = toDrafting();
    const now = at('2024-02-05T02:00:00Z');
    expect(names(s, drafter, now)).toEqual(['submitDraft']);
    expect(names(s, foreignAdvisor, now)).toEqual([]);
    expectOffersMatchValidation(s, now);
    const approval = toApproval();
    act(approval, head, { name: 'sendBack', payload: { reasons: 'Bổ sung chỉ tiêu' } }, at('2024-02-25T02:00:00Z'));
    const later = at('2024-02-26T02:00:00Z');
    const offers = availableProgrammeActions(approval, drafter, later);
    expect(offers.map((o) => o.name)).toEqual(['submitDraft', 'openConsultation', 'submitForApproval']);
    expect(offers[0].prefill).toEqual({ text: 'Dự thảo lần 1' });
    expect(offers[1].prefill).toEqual({ inviteeIds: ['hg-tv1', 'hg-tv2'] });
    expectOffersMatchValidation(approval, later);
  });

  it('consultation: invitees until they answer; closing when all answered or at the deadline', () => {
    const s = toConsultation();
    const now = at('2024-02-13T02:00:00Z');
    expect(names(s, invitee1, now)).toEqual(['submitOpinion']);
    expect(names(s, invitee2, now)).toEqual(['submitOpinion']);
    expect(names(s, drafter, now)).toEqual([]);
    expect(names(s, outsider, now)).toEqual([]);
    expectOffersMatchValidation(s, now);
    act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, now);
    // An invitee who has answered no longer sees submitOpinion.
    expect(names(s, invitee1, now)).toEqual([]);
    expect(names(s, invitee2, now)).toEqual(['submitOpinion']);
    expect(names(s, drafter, now)).toEqual([]);
    const afterDeadline = new Date(Date.parse(s.consultations[0].deadline) + 1000);
    expect(names(s, drafter, afterDeadline)).toEqual(['closeConsultation']);
    expectOffersMatchValidation(s, afterDeadline);
    act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Bổ sung' } }, now);
    expect(names(s, drafter, now)).toEqual(['closeConsultation']);
  });

  it('approval: the head and the Standing Committee approve or send back; the drafting team waits', () => {
    const s = toApproval();
    const now = at('2024-02-21T02:00:00Z');
    expect(names(s, head, now)).toEqual(['approve', 'sendBack', 'cancel', 'supersede']);
    expect(names(s, standing, now)).toEqual(['approve', 'sendBack', 'cancel', 'supersede']);
    expect(names(s, drafter, now)).toEqual([]);
    expect(names(s, memberInCharge, now)).toEqual([]);
    expectOffersMatchValidation(s, now);
  });

  it('issuance and dissemination: the office issues, the head disseminates, the audience acknowledges', () => {
    const issued = toIssued();
    const now = at('2024-03-02T02:00:00Z');
    const issue = availableProgrammeActions(issued, drafter, now).find((o) => o.name === 'issue');
    expect(issue?.prefill).toEqual({ targets: [], tasks: [], solutions: [], resources: [] });
    expect(names(issued, drafter, now)).toEqual(['issue', 'addWorkPlan']);
    expectOffersMatchValidation(issued, now);

    const s = toDissemination();
    const day = at('2024-03-19T02:00:00Z');
    const record = availableProgrammeActions(s, head, day).find((o) => o.name === 'recordDissemination');
    expect(record?.prefill).toEqual({ heldOn: '2024-03-19', audienceIds: ['ubnd-ct', 'snn-gd', 'btg-tb'] });
    expect(names(s, drafter, day)).not.toContain('recordDissemination');
    expectOffersMatchValidation(s, day);

    const implementing = toImplementation();
    expect(names(implementing, invitee1, day)).toEqual(['acknowledgeDissemination']);
    act(implementing, invitee1, { name: 'acknowledgeDissemination', payload: {} }, day);
    expect(names(implementing, invitee1, day)).toEqual([]);
  });

  it('implementation: units report to the open review, inspectors inspect, owners keep their plan items', () => {
    const { s, now } = implementationWithPlans();
    const report = availableProgrammeActions(s, snnReporter, now).find((o) => o.name === 'submitReviewReport');
    expect(report).toMatchObject({
      prefill: { reviewSeq: 1, values: {} },
      choices: {
        reviewSeq: [{ value: 1, label: s.implementation.reviews[0].periodLabel }],
        values: expect.arrayContaining([{ value: 'FOREST', label: 'Tỷ lệ che phủ rừng (%)' }]),
      },
    });
    // The owner changes and closes their own item; the item following a task is not theirs to close.
    expect(names(s, snnReporter, now)).toEqual([
      'acknowledgeDissemination',
      'submitReviewReport',
      'changePlanItem',
      'closePlanItem',
    ]);
    const close = availableProgrammeActions(s, snnReporter, now).find((o) => o.name === 'closePlanItem');
    expect(close?.prefill).toEqual({ planId: '2024', no: 1, outcome: 'DONE' });
    expect(names(s, inspector, now)).toEqual(['recordInspection']);
    expect(names(s, drafter, now)).toEqual([
      'addAnnualPlan',
      'addWorkPlan',
      'addPlanItem',
      'changePlanItem',
      'closePlanItem',
      'setNextYearKeyTasks',
    ]);
    expect(names(s, outsider, now)).toEqual([]);
    expectOffersMatchValidation(s, now);
    // Before the review opens, nobody reports.
    const before = at('2024-04-02T02:00:00Z');
    expect(names(s, snnReporter, before)).not.toContain('submitReviewReport');
    expectOffersMatchValidation(s, before);
  });

  it('final review: reports, evaluations and lessons; closing once the review closed and someone is evaluated', () => {
    const { s, now } = inFinalReview();
    expect(names(s, ubndReporter, now)).toContain('submitFinalReport');
    const leader = names(s, head, now);
    expect(leader).toEqual(expect.arrayContaining(['evaluate', 'commend', 'recordLessons', 'commendAtReview']));
    expect(leader).not.toContain('closeProgramme');
    const evaluate = availableProgrammeActions(s, head, now).find((o) => o.name === 'evaluate');
    expect(evaluate?.choices?.rating).toHaveLength(4);
    expectOffersMatchValidation(s, now);
    closeReview(s, s.finalReview.review!, now);
    act(
      s,
      head,
      {
        name: 'evaluate',
        payload: { subjectKind: 'UNIT', subjectId: 'hg-ubnd', rating: 'GOOD', comment: 'Hoàn thành tốt' },
      },
      now,
    );
    expect(names(s, head, now)).toContain('closeProgramme');
    expect(names(s, ubndReporter, now)).not.toContain('submitFinalReport');
    expectOffersMatchValidation(s, now);
  });

  it('offers nothing once the programme has ended, to anyone', () => {
    const s = toApproval();
    const now = at('2024-02-21T02:00:00Z');
    act(s, head, { name: 'cancel', payload: { reason: 'Không còn phù hợp' } }, now);
    for (const actor of Object.values(ACTORS)) expect(availableProgrammeActions(s, actor, now)).toEqual([]);
  });
});

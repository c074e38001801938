import { Actor } from '../org/actor';
import { Role } from '../org/roles';
import {
  applyBreakthroughAction,
  availableCycleActions,
  BREAKTHROUGH_ACTIONS,
  BreakthroughAction,
  BreakthroughActionName,
  BreakthroughPayloads,
  validateBreakthroughAction,
} from './breakthrough-cycle';
import { closeRegistration } from './breakthrough-deadlines';
import { BreakthroughSetup, BreakthroughState, initialBreakthroughState } from './breakthrough-state';

const HEAD = (i: number): Actor => ({ personId: `head-${i}`, unitId: `unit-${i}`, roles: [Role.HEAD] });
const APPRAISER: Actor = { personId: 'btv-1', unitId: 'hd-btv', roles: [Role.STANDING_COMMITTEE] };
const STAFF: Actor = { personId: 'cv-1', unitId: 'unit-1', roles: [Role.STAFF] };
const ACTORS = { HEAD1: HEAD(1), HEAD2: HEAD(2), APPRAISER, STAFF };
const NOW = new Date('2027-01-05T02:00:00Z');

const SETUP: BreakthroughSetup = {
  unitId: 'hd-tu',
  year: 2027,
  title: 'Việc đột phá 2027',
  memberInChargeId: null,
  fieldGroup: null,
  appraiserIds: [APPRAISER.personId],
  invitedUnitIds: ['unit-1', 'unit-2'],
  registrationDeadline: '2027-01-15T10:00:00.000Z',
  appraisalDeadline: '2027-02-26T10:00:00.000Z',
  yearEndsAt: '2027-12-31T10:00:00.000Z',
  reminderOffsets: ['P3D'],
  taskReminderOffsets: ['P7D'],
  taskEscalationOffsets: ['P1D'],
  createdBy: APPRAISER.personId,
  contentGroups: [
    { code: 'DAU_TU', title: 'Cải thiện môi trường đầu tư' },
    { code: 'CCHC', title: 'Cải cách hành chính' },
  ],
};

const PROPOSAL = { title: 'Số hóa hồ sơ', expectedResult: '100% hồ sơ', measure: 'Báo cáo' };
const USER_INPUT: { [K in BreakthroughActionName]: Partial<BreakthroughPayloads[K]> } = {
  register: { ...PROPOSAL, contentGroup: 'CCHC' },
  revise: { title: 'Số hóa hồ sơ (lượng hóa)' },
  appraise: { decision: 'APPROVE' },
  closeRegistration: {},
  closeAppraisal: {},
};
const WELL_FORMED: { [K in BreakthroughActionName]: BreakthroughPayloads[K] } = {
  register: { kind: 'UNIT', ...PROPOSAL, contentGroup: 'CCHC' },
  revise: { no: 1, ...PROPOSAL },
  appraise: { no: 1, decision: 'APPROVE', comments: '' },
  closeRegistration: {},
  closeAppraisal: {},
};

let n = 0;
function act(s: BreakthroughState, actor: Actor, action: BreakthroughAction) {
  expect(validateBreakthroughAction(s, actor, action)).toBeNull();
  applyBreakthroughAction(s, actor, action, NOW, `r-${++n}`);
}
const names = (s: BreakthroughState, a: Actor) => availableCycleActions(s, a).map((x) => x.name);

function expectOffersMatchValidation(s: BreakthroughState): void {
  for (const [who, actor] of Object.entries(ACTORS)) {
    const offered = availableCycleActions(s, actor);
    for (const name of BREAKTHROUGH_ACTIONS) {
      const offer = offered.find((o) => o.name === name);
      const payload = offer ? { ...offer.prefill, ...USER_INPUT[name] } : WELL_FORMED[name];
      const refusal = validateBreakthroughAction(s, actor, { name, payload } as BreakthroughAction);
      if (offer) expect({ who, name, refusal }).toEqual({ who, name, refusal: null });
      else
        expect({ who, name, kind: refusal?.kind }).toEqual({
          who,
          name,
          kind: expect.stringMatching(/^(FORBIDDEN|WRONG_PHASE)$/),
        });
    }
  }
}

describe('availableCycleActions', () => {
  it('registration: heads register (with the content groups to choose from), appraisers may close the window', () => {
    const s = initialBreakthroughState(SETUP);
    expect(availableCycleActions(s, HEAD(1))).toEqual([
      {
        name: 'register',
        prefill: { kind: 'UNIT' },
        choices: {
          kind: [
            { value: 'UNIT', label: 'Đơn vị đăng ký' },
            { value: 'HEAD', label: 'Người đứng đầu đăng ký' },
          ],
          contentGroup: [
            { value: 'DAU_TU', label: 'Cải thiện môi trường đầu tư' },
            { value: 'CCHC', label: 'Cải cách hành chính' },
          ],
        },
      },
    ]);
    expect(names(s, APPRAISER)).toEqual(['closeRegistration']);
    expect(names(s, STAFF)).toEqual([]);
    expectOffersMatchValidation(s);
  });

  it('appraisal: appraisers see what waits; a registrant sees revise only once asked to', () => {
    const s = initialBreakthroughState(SETUP);
    act(s, HEAD(1), { name: 'register', payload: { kind: 'UNIT', ...PROPOSAL, contentGroup: 'DAU_TU' } });
    act(s, HEAD(2), {
      name: 'register',
      payload: { kind: 'HEAD', ...PROPOSAL, title: 'Việc 2', contentGroup: 'CCHC' },
    });
    closeRegistration(s, null);
    expect(names(s, HEAD(1))).toEqual([]);
    const appraise = availableCycleActions(s, APPRAISER).find((o) => o.name === 'appraise');
    expect(appraise?.prefill).toEqual({ no: 1 });
    expect(appraise?.choices?.no).toEqual([
      { value: 1, label: '1. Số hóa hồ sơ' },
      { value: 2, label: '2. Việc 2' },
    ]);
    // Closing appraisal waits until nothing is pending.
    expect(names(s, APPRAISER)).toEqual(['appraise']);
    expectOffersMatchValidation(s);

    act(s, APPRAISER, { name: 'appraise', payload: { no: 1, decision: 'REVISE', comments: 'Lượng hóa kết quả' } });
    expect(availableCycleActions(s, HEAD(1))).toEqual([
      {
        name: 'revise',
        prefill: { no: 1, ...PROPOSAL },
        choices: { no: [{ value: 1, label: '1. Số hóa hồ sơ' }] },
      },
    ]);
    expect(names(s, HEAD(2))).toEqual([]);
    expectOffersMatchValidation(s);

    act(s, HEAD(1), { name: 'revise', payload: { no: 1, ...PROPOSAL, title: 'Số hóa 100% hồ sơ' } });
    act(s, APPRAISER, { name: 'appraise', payload: { no: 1, decision: 'APPROVE', comments: '' } });
    act(s, APPRAISER, { name: 'appraise', payload: { no: 2, decision: 'REJECT', comments: 'Trùng' } });
    expect(names(s, APPRAISER)).toEqual(['closeAppraisal']);
    expectOffersMatchValidation(s);
    act(s, APPRAISER, { name: 'closeAppraisal', payload: {} });
    // Implementation happens in the tasks: the cycle itself offers nothing more.
    for (const actor of Object.values(ACTORS)) expect(availableCycleActions(s, actor)).toEqual([]);
  });
});

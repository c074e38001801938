import { Actor } from '../org/actor';
import { Role } from '../org/roles';
import {
  applyTaskAction,
  availableTaskActions,
  initialTaskState,
  TASK_ACTIONS,
  TaskAction,
  TaskActionName,
  TaskActionPayloads,
  validateTaskAction,
} from './task-actions';
import { publishedTaskState } from './task-state';
import { TaskSetup, TaskState } from './task-state';

const person = (personId: string, unitId: string, ...roles: Role[]): Actor => ({ personId, unitId, roles });
const RESPONSIBLE = person('hg-skhdt-pgd', 'hg-skhdt', Role.KEY_CADRE);
const UNIT_HEAD = person('hg-skhdt-gd', 'hg-skhdt', Role.HEAD);
const ASSIGNER = person('hg-cv1', 'hg-tu', Role.ADVISORY_STAFF, Role.STAFF);
const MEMBER = person('hg-pbt', 'hg-btv', Role.KEY_CADRE);
const STANDING = person('hg-utv', 'hg-btv', Role.STANDING_COMMITTEE);
const ISSUING_HEAD = person('hg-bithu', 'hg-tu', Role.HEAD);
const COORDINATOR = person('hg-stc-gd', 'hg-stc', Role.HEAD);
const STAFF = person('hg-staff', 'hg-skhdt', Role.STAFF);
const ACTORS = { RESPONSIBLE, UNIT_HEAD, ASSIGNER, MEMBER, STANDING, ISSUING_HEAD, COORDINATOR, STAFF };

const NOW = new Date('2026-03-02T02:00:00Z');
const SETUP: TaskSetup = {
  taskId: 'hg-ctr-123/T1',
  programmeId: 'hg-ctr-123',
  code: 'T1',
  title: 'Kế hoạch thu hút đầu tư',
  source: 'PROGRAMME',
  responsibleUnitId: 'hg-skhdt',
  responsiblePersonId: RESPONSIBLE.personId,
  coordinatingUnitIds: ['hg-stc'],
  assignerId: ASSIGNER.personId,
  memberInChargeId: MEMBER.personId,
  fieldGroup: 'economy',
  issuingUnitId: 'hg-tu',
  isBreakthrough: false,
  dueAt: '2026-03-31T10:00:00.000Z',
  reminderOffsets: ['P7D'],
  escalationOffsets: ['P1D'],
};

/** What a person fills in on top of the prefill. */
const USER_INPUT: { [K in TaskActionName]: Partial<TaskActionPayloads[K]> } = {
  accept: {},
  reportProgress: { text: 'Đã làm một phần' },
  requestExtension: { extendByWorkingDays: 5, reason: 'Chờ số liệu' },
  decideExtension: { reason: 'Hợp lý' },
  submitResult: { text: 'Đã hoàn thành' },
  verify: {},
  returnTask: { reasons: 'Chưa đủ' },
  reassign: { toPersonId: 'hg-skhdt-cv', reason: 'Luân chuyển' },
  cancel: { reason: 'Không còn cần' },
};
const WELL_FORMED: { [K in TaskActionName]: TaskActionPayloads[K] } = {
  ...USER_INPUT,
  reportProgress: { percent: 50, text: 'Đã làm một phần' },
  decideExtension: { approve: true, reason: 'Hợp lý' },
} as { [K in TaskActionName]: TaskActionPayloads[K] };

let n = 0;
function act(s: TaskState, actor: Actor, action: TaskAction) {
  expect(validateTaskAction(s, actor, action, NOW)).toBeNull();
  applyTaskAction(s, actor, action, NOW, `req-${++n}`);
}
const names = (s: TaskState, a: Actor) => availableTaskActions(s, a, NOW).map((x) => x.name);

function expectOffersMatchValidation(s: TaskState): void {
  for (const [who, actor] of Object.entries(ACTORS)) {
    const offered = availableTaskActions(s, actor, NOW);
    for (const name of TASK_ACTIONS) {
      const offer = offered.find((o) => o.name === name);
      const payload = offer ? { ...offer.prefill, ...USER_INPUT[name] } : WELL_FORMED[name];
      const refusal = validateTaskAction(s, actor, { name, payload } as TaskAction, NOW);
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

describe('availableTaskActions', () => {
  it('follows the task from assignment to verification, for each person', () => {
    const s = initialTaskState(SETUP, NOW);
    expect(names(s, RESPONSIBLE)).toEqual(['accept', 'requestExtension']);
    expect(names(s, ASSIGNER)).toEqual(['reassign', 'cancel']);
    expect(names(s, MEMBER)).toEqual(['reassign', 'cancel']);
    // The Standing Committee and the issuing unit's head reassign, but only the reviewers cancel.
    expect(names(s, STANDING)).toEqual(['reassign']);
    expect(names(s, ISSUING_HEAD)).toEqual(['reassign']);
    expect(names(s, UNIT_HEAD)).toEqual(['reassign']);
    expect(names(s, COORDINATOR)).toEqual([]);
    expect(names(s, STAFF)).toEqual([]);
    expectOffersMatchValidation(s);

    act(s, RESPONSIBLE, { name: 'accept', payload: {} });
    expect(names(s, RESPONSIBLE)).toEqual(['reportProgress', 'requestExtension', 'submitResult']);
    act(s, RESPONSIBLE, { name: 'reportProgress', payload: { percent: 40, text: 'Dự thảo xong' } });
    expect(availableTaskActions(s, RESPONSIBLE, NOW)[0]).toEqual({ name: 'reportProgress', prefill: { percent: 40 } });
    expectOffersMatchValidation(s);

    act(s, RESPONSIBLE, { name: 'requestExtension', payload: { extendByWorkingDays: 5, reason: 'Chờ số liệu' } });
    expect(names(s, RESPONSIBLE)).toEqual(['reportProgress', 'submitResult']);
    expect(availableTaskActions(s, ASSIGNER, NOW).find((o) => o.name === 'decideExtension')).toEqual({
      name: 'decideExtension',
      prefill: { approve: true },
      choices: {
        approve: [
          { value: true, label: 'Đồng ý gia hạn' },
          { value: false, label: 'Không đồng ý' },
        ],
      },
    });
    // Only the assigner decides on an extension, not the member in charge.
    expect(names(s, MEMBER)).not.toContain('decideExtension');
    expectOffersMatchValidation(s);
    act(s, ASSIGNER, { name: 'decideExtension', payload: { approve: true, reason: 'Hợp lý' } });

    act(s, RESPONSIBLE, { name: 'submitResult', payload: { text: 'Đã ban hành kế hoạch' } });
    expect(names(s, RESPONSIBLE)).toEqual([]);
    expect(names(s, ASSIGNER)).toEqual(['verify', 'returnTask', 'cancel']);
    expect(names(s, MEMBER)).toEqual(['verify', 'returnTask', 'cancel']);
    expectOffersMatchValidation(s);

    act(s, MEMBER, { name: 'verify', payload: {} });
    for (const actor of Object.values(ACTORS)) expect(availableTaskActions(s, actor, NOW)).toEqual([]);
  });

  it('offers nothing on a cancelled task', () => {
    const s = initialTaskState(SETUP, NOW);
    act(s, ASSIGNER, { name: 'cancel', payload: { reason: 'Không còn cần' } });
    for (const actor of Object.values(ACTORS)) expect(availableTaskActions(s, actor, NOW)).toEqual([]);
  });
});

describe('publishedTaskState', () => {
  it('takes a published state and nothing else', () => {
    const state = { setup: { taskId: 't1' }, status: 'ASSIGNED' };
    expect(publishedTaskState(state)).toBe(state);
    for (const other of [null, undefined, 'x', 3, {}, { status: 'ASSIGNED' }])
      expect(publishedTaskState(other)).toBeNull();
  });
});

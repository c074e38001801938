import { initialBreakthroughState } from '../breakthrough/breakthrough-state';
import { initialState } from '../programme/programme-actions';
import { SETUP, TEMPLATE } from '../programme/test-fixtures';
import { initialTaskState } from '../task/task-actions';
import { TaskStatus } from '../task/task-state';
import {
  applyOrgChangeToCycle,
  applyOrgChangeToProgramme,
  applyOrgChangeToTask,
  OrgChangeMapping,
} from './org-change-mapping';

const NOW = new Date('2025-06-01T02:00:00Z');
const M: OrgChangeMapping = {
  changeId: 'c1',
  effectiveDate: '2025-07-01',
  units: { 'hg-tu': 'ct-tu', 'hg-skhdt': 'ct-skhdt' },
};

const task = () =>
  initialTaskState(
    {
      taskId: 'p/T1',
      programmeId: 'p',
      code: 'T1',
      title: 'Kế hoạch',
      source: 'PROGRAMME',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      coordinatingUnitIds: ['hg-stc', 'hg-tu'],
      assignerId: 'hg-cv1',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'economy',
      issuingUnitId: 'hg-tu',
      isBreakthrough: false,
      dueAt: '2025-09-30T10:00:00.000Z',
      reminderOffsets: ['P1D'],
      escalationOffsets: ['P1D'],
    },
    NOW,
  );

describe('applyOrgChangeToTask', () => {
  it('moves every unit the task names, records before and after, keeps the person unless told', () => {
    const s = task();
    const effects = applyOrgChangeToTask(s, M, 'admin', 'oc-1');
    expect(s).toMatchObject({
      responsibleUnitId: 'ct-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      appliedRequestIds: ['oc-1'],
    });
    expect(s.setup).toMatchObject({
      issuingUnitId: 'ct-tu',
      coordinatingUnitIds: ['hg-stc', 'ct-tu'],
      responsibleUnitId: 'hg-skhdt',
    });
    expect(effects).toEqual([
      {
        type: 'audit',
        action: 'org.changed',
        actorId: 'admin',
        before: { issuingUnitId: 'hg-tu', responsibleUnitId: 'hg-skhdt', coordinatingUnitIds: ['hg-stc', 'hg-tu'] },
        after: {
          issuingUnitId: 'ct-tu',
          responsibleUnitId: 'ct-skhdt',
          coordinatingUnitIds: ['hg-stc', 'ct-tu'],
          changeId: 'c1',
          effectiveDate: '2025-07-01',
        },
      },
    ]);
  });

  it('hands the task to the person the sender names, who is told; not once the task is closed', () => {
    const s = task();
    const effects = applyOrgChangeToTask(s, { ...M, responsiblePersonId: 'ct-skhdt-gd' }, 'admin', 'oc-1');
    expect(s.responsiblePersonId).toBe('ct-skhdt-gd');
    expect(effects[1]).toMatchObject({ type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: ['ct-skhdt-gd'] });
    const done = task();
    done.status = TaskStatus.DONE;
    applyOrgChangeToTask(done, { ...M, responsiblePersonId: 'ct-skhdt-gd' }, 'admin', 'oc-1');
    expect(done.responsiblePersonId).toBe('hg-skhdt-gd');
  });
});

describe('applyOrgChangeToProgramme', () => {
  it('moves the issuing unit and the open reviews, keeping a report the predecessor gave', () => {
    const s = initialState(SETUP, TEMPLATE, NOW);
    s.implementation.reviews.push({
      seq: 1,
      kind: 'QUARTERLY',
      periodLabel: 'Q3',
      opensAt: NOW.toISOString(),
      closesAt: NOW.toISOString(),
      expectedUnitIds: ['hg-skhdt', 'hg-stc'],
      reports: { 'hg-skhdt': { unitId: 'hg-skhdt', by: 'x', at: NOW.toISOString(), text: 'ok', values: {} } },
      closedAt: null,
      results: {},
      summary: null,
      lowTargetCodes: [],
    });
    const version = s.version;
    const [audit] = applyOrgChangeToProgramme(s, M, 'admin', 'oc-2');
    expect(s.setup.issuingUnitId).toBe('ct-tu');
    expect(s.implementation.reviews[0].expectedUnitIds).toEqual(['ct-skhdt', 'hg-stc']);
    expect(Object.keys(s.implementation.reviews[0].reports)).toEqual(['ct-skhdt']);
    expect(s.implementation.reviews[0].reports['ct-skhdt'].unitId).toBe('hg-skhdt');
    expect(s.version).toBe(version + 1);
    expect(s.appliedRequestIds).toContain('oc-2');
    expect(audit).toMatchObject({ type: 'audit', action: 'org.changed', after: { changeId: 'c1' } });
  });
});

describe('applyOrgChangeToCycle', () => {
  it("moves the cycle to the successor but keeps the unit it was started for (its id and its tasks' ids)", () => {
    const s = initialBreakthroughState({
      unitId: 'hg-tu',
      year: 2025,
      title: 'Việc đột phá',
      memberInChargeId: null,
      fieldGroup: null,
      appraiserIds: ['hg-pbt'],
      invitedUnitIds: ['hg-skhdt', 'hg-stc'],
      registrationDeadline: NOW.toISOString(),
      appraisalDeadline: NOW.toISOString(),
      yearEndsAt: NOW.toISOString(),
      reminderOffsets: [],
      taskReminderOffsets: [],
      taskEscalationOffsets: [],
      createdBy: 'hg-bithu',
    });
    const [audit] = applyOrgChangeToCycle(s, M, 'admin', 'oc-3');
    expect(s.unitId).toBe('ct-tu');
    expect(s.setup.unitId).toBe('hg-tu');
    expect(s.setup.invitedUnitIds).toEqual(['ct-skhdt', 'hg-stc']);
    expect(audit).toMatchObject({ after: { changes: { unitId: { from: 'hg-tu', to: 'ct-tu' } }, changeId: 'c1' } });
  });
});

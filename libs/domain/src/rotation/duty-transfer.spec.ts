import { initialBreakthroughState, BreakthroughPhase, BreakthroughSetup } from '../breakthrough/breakthrough-state';
import type { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { reviewReporters } from '../programme/reviews';
import {
  at,
  fresh,
  head,
  memberInCharge,
  toConsultation,
  toDissemination,
  toImplementation,
} from '../programme/test-fixtures';
import { initialTaskState } from '../task/task-actions';
import { TaskSetup, TaskStatus } from '../task/task-state';
import {
  applyCycleTransfer,
  applyProgrammeTransfer,
  applyTaskTransfer,
  cycleDuties,
  programmeDuties,
  taskDuties,
  validateCycleTransfer,
  validateProgrammeTransfer,
  validateTaskTransfer,
} from './duty-transfer';
import type { DutyTransferPayload } from './duty-kinds';

const admin: Actor = { personId: 'hg-admin', unitId: 'hg-tu', roles: [Role.ADMIN] };
const payload = <K extends string>(from: string, to: string, kinds?: K[]) =>
  ({ fromPersonId: from, toPersonId: to, reason: 'Luân chuyển cán bộ', transferId: 'rot-0001', kinds }) as never;
const kindsOf = (duties: Array<{ kind: string }>) => duties.map((d) => d.kind);

describe('programme duties', () => {
  it('lists the member in charge and issuing head of a new programme, and a surveyor without findings', () => {
    const s = fresh();
    s.survey.surveyorIds = ['hg-ks1'];
    expect(kindsOf(programmeDuties(s, 'hg-pbt'))).toEqual(['MEMBER_IN_CHARGE']);
    expect(kindsOf(programmeDuties(s, 'hg-bithu'))).toEqual(['ISSUING_HEAD']);
    expect(kindsOf(programmeDuties(s, 'hg-ks1'))).toEqual(['SURVEY_ASSIGNMENT']);
    s.survey.findings['hg-ks1'] = { text: 'xong', at: '2024-01-20T00:00:00Z' };
    expect(programmeDuties(s, 'hg-ks1')).toEqual([]);
  });

  it('lists an open invitation only until the invitee answers', () => {
    const s = toConsultation();
    expect(programmeDuties(s, 'hg-tv1')).toEqual([{ kind: 'CONSULTATION_INVITATION', ref: 'round 1' }]);
    s.consultations[0].opinions['hg-tv1'] = { text: 'Đồng ý', at: '2024-02-13T00:00:00Z' };
    expect(programmeDuties(s, 'hg-tv1')).toEqual([]);
  });

  it('moves an unanswered invitation: the successor is invited, the predecessor no longer is', () => {
    const s = toConsultation();
    const p = payload('hg-tv1', 'hg-tv9');
    expect(validateProgrammeTransfer(s, admin, p)).toBeNull();
    const { moved, effects } = applyProgrammeTransfer(s, admin, p, 'r1');
    expect(s.appliedRequestIds).toContain('r1');
    expect(kindsOf(moved)).toEqual(['CONSULTATION_INVITATION']);
    expect(s.consultations[0].inviteeIds).toEqual(['hg-tv9', 'hg-tv2']);
    expect(effects[0]).toMatchObject({
      action: 'duties.transferred',
      actorId: 'hg-admin',
      before: { personId: 'hg-tv1' },
      after: { personId: 'hg-tv9', duties: ['CONSULTATION_INVITATION (round 1)'], transferId: 'rot-0001' },
    });
  });

  it('moves steering seats, the audience and the review reports of an issued programme', () => {
    const s = toImplementation();
    // ubnd-ct: steering member, in the audience, responsible for T1 (so asked for review reports).
    expect(kindsOf(programmeDuties(s, 'ubnd-ct'))).toEqual([
      'STEERING_COMMITTEE_MEMBER',
      'DISSEMINATION_AUDIENCE',
      'REVIEW_REPORTS',
    ]);
    applyProgrammeTransfer(s, admin, payload('ubnd-ct', 'ubnd-ct2'), 'r1');
    expect(programmeDuties(s, 'ubnd-ct')).toEqual([]);
    expect(kindsOf(programmeDuties(s, 'ubnd-ct2'))).toEqual([
      'STEERING_COMMITTEE_MEMBER',
      'DISSEMINATION_AUDIENCE',
      'REVIEW_REPORTS',
    ]);
    expect(s.issuance!.steeringCommittee!.memberIds).toEqual(['hg-pbt', 'ubnd-ct2']);
    expect(s.issuance!.tasks.find((t) => t.code === 'T1')!.responsiblePersonId).toBe('ubnd-ct2');
    // The next review's reminders go to the successor.
    const review = s.implementation.reviews[0];
    expect(reviewReporters(s, review)).toContain('ubnd-ct2');
    expect(reviewReporters(s, review)).not.toContain('ubnd-ct');
  });

  it('moves only the kinds asked for', () => {
    const s = toDissemination();
    // hg-bithu heads both the issuing committee and the steering committee.
    applyProgrammeTransfer(s, admin, payload('hg-bithu', 'hg-bithu2', ['STEERING_COMMITTEE_HEAD']), 'r1');
    expect(s.setup.issuingHeadId).toBe('hg-bithu');
    expect(s.issuance!.steeringCommittee!.headId).toBe('hg-bithu2');
  });

  it('a successor already on the steering committee heads it without sitting twice', () => {
    const s = toDissemination();
    applyProgrammeTransfer(s, admin, payload('hg-bithu', 'hg-pbt', ['STEERING_COMMITTEE_HEAD']), 'r1');
    expect(s.issuance!.steeringCommittee).toEqual({ headId: 'hg-pbt', memberIds: ['ubnd-ct'] });
  });

  it('refuses anyone but an administrator, the same person, unknown kinds, and a person with nothing here', () => {
    const s = toDissemination();
    expect(validateProgrammeTransfer(s, head, payload('hg-pbt', 'hg-x'))?.kind).toBe('FORBIDDEN');
    expect(validateProgrammeTransfer(s, admin, payload('hg-pbt', 'hg-pbt'))?.reason).toMatch(/another person/);
    expect(validateProgrammeTransfer(s, admin, payload('hg-pbt', 'hg-x', ['TASK_ASSIGNER']))?.reason).toMatch(
      /TASK_ASSIGNER are not duties held here/,
    );
    expect(validateProgrammeTransfer(s, admin, payload('nobody', 'hg-x'))).toEqual({
      kind: 'WRONG_PHASE',
      reason: 'nobody holds no open duty in this programme',
    });
    const blank = { ...(payload('hg-pbt', 'hg-x') as DutyTransferPayload), reason: ' ' };
    expect(validateProgrammeTransfer(s, admin, blank as never)?.reason).toBe('reason must not be empty');
    expect(validateProgrammeTransfer(s, memberInCharge, payload('hg-pbt', 'hg-x'))?.kind).toBe('FORBIDDEN');
  });

  it('a cancelled programme holds nothing', () => {
    const s = fresh();
    s.phase = 'CANCELLED' as never;
    expect(programmeDuties(s, 'hg-pbt')).toEqual([]);
    expect(validateProgrammeTransfer(s, admin, payload('hg-pbt', 'hg-x'))?.kind).toBe('WRONG_PHASE');
  });
});

const TASK_SETUP: TaskSetup = {
  taskId: 'prog-hg-01/T1',
  programmeId: 'prog-hg-01',
  code: 'T1',
  title: 'Xây dựng kế hoạch',
  source: 'PROGRAMME',
  responsibleUnitId: 'hg-ubnd',
  responsiblePersonId: 'ubnd-ct',
  coordinatingUnitIds: [],
  assignerId: 'hg-cv1',
  memberInChargeId: 'hg-pbt',
  fieldGroup: 'economy',
  issuingUnitId: 'hg-tu',
  isBreakthrough: false,
  dueAt: '2026-12-31T10:00:00Z',
  reminderOffsets: ['P7D'],
  escalationOffsets: ['P1D'],
};

describe('task duties', () => {
  it('moves a submitted task: it keeps its status, the successor answers for it', () => {
    const s = initialTaskState(TASK_SETUP, at('2026-01-01T00:00:00Z'));
    s.status = TaskStatus.SUBMITTED;
    expect(kindsOf(taskDuties(s, 'ubnd-ct'))).toEqual(['TASK_RESPONSIBLE']);
    const p = { ...(payload('ubnd-ct', 'ubnd-ct2') as DutyTransferPayload), toUnitId: 'hg-ubnd2' };
    expect(validateTaskTransfer(s, admin, p as never)).toBeNull();
    const { effects } = applyTaskTransfer(s, admin, p as never, at('2026-02-01T00:00:00Z'), 'r1');
    expect(effects[1]).toMatchObject({ type: 'notify', kind: 'TASK_ASSIGNED', recipientIds: ['ubnd-ct2'] });
    expect(s).toMatchObject({ status: 'SUBMITTED', responsiblePersonId: 'ubnd-ct2', responsibleUnitId: 'hg-ubnd2' });
    expect(s.reassignments).toEqual([
      expect.objectContaining({ fromPersonId: 'ubnd-ct', toPersonId: 'ubnd-ct2', by: 'hg-admin' }),
    ]);
  });

  it('moves the assigner and the member in charge, so escalations reach the successor', () => {
    const s = initialTaskState({ ...TASK_SETUP, assignerId: 'hg-pbt' }, at('2026-01-01T00:00:00Z'));
    expect(kindsOf(taskDuties(s, 'hg-pbt'))).toEqual(['TASK_ASSIGNER', 'TASK_MEMBER_IN_CHARGE']);
    const { effects } = applyTaskTransfer(
      s,
      admin,
      payload('hg-pbt', 'hg-pbt2', ['TASK_MEMBER_IN_CHARGE']),
      at('2026-02-01T00:00:00Z'),
      'r1',
    );
    expect(effects.map((e) => e.type)).toEqual(['audit']);
    expect(s.setup).toMatchObject({ assignerId: 'hg-pbt', memberInChargeId: 'hg-pbt2' });
    expect(s.responsiblePersonId).toBe('ubnd-ct');
  });

  it('a done task holds nothing and refuses', () => {
    const s = initialTaskState(TASK_SETUP, at('2026-01-01T00:00:00Z'));
    s.status = TaskStatus.DONE;
    expect(taskDuties(s, 'ubnd-ct')).toEqual([]);
    expect(validateTaskTransfer(s, admin, payload('ubnd-ct', 'x'))?.kind).toBe('WRONG_PHASE');
  });
});

const CYCLE_SETUP: BreakthroughSetup = {
  unitId: 'hd-tuky',
  year: 2026,
  title: 'Việc đột phá năm 2026',
  memberInChargeId: 'tk-pbt',
  fieldGroup: null,
  appraiserIds: ['tk-bt', 'tk-pbt'],
  invitedUnitIds: ['tk-xa1'],
  registrationDeadline: '2026-03-01T00:00:00Z',
  appraisalDeadline: '2026-04-01T00:00:00Z',
  yearEndsAt: '2026-12-31T10:00:00Z',
  reminderOffsets: [],
  taskReminderOffsets: [],
  taskEscalationOffsets: [],
  createdBy: 'tk-bt',
};

describe('breakthrough cycle duties', () => {
  const cycle = () => {
    const s = initialBreakthroughState(structuredClone(CYCLE_SETUP));
    const base = { kind: 'UNIT' as const, unitId: 'tk-xa1', expectedResult: 'x', measure: 'y' };
    const common = { registeredAt: '2026-02-01T00:00:00Z', revisions: 0, appraisals: [], result: null };
    s.registrations.push(
      { ...base, ...common, no: 1, registrantId: 'tk-xa1-bt', title: 'Đường', status: 'REGISTERED', taskId: null },
      { ...base, ...common, no: 2, registrantId: 'tk-xa1-bt', title: 'Chợ', status: 'REJECTED', taskId: null },
    );
    return s;
  };

  it('lists appraisers, open registrations and the member in charge, and moves them', () => {
    const s = cycle();
    expect(cycleDuties(s, 'tk-pbt').map((d) => d.kind)).toEqual([
      'BREAKTHROUGH_APPRAISER',
      'BREAKTHROUGH_MEMBER_IN_CHARGE',
    ]);
    expect(cycleDuties(s, 'tk-xa1-bt')).toEqual([{ kind: 'BREAKTHROUGH_REGISTRATION', ref: '1: Đường' }]);
    expect(validateCycleTransfer(s, admin, payload('tk-xa1-bt', 'tk-xa1-bt2'))).toBeNull();
    applyCycleTransfer(s, admin, payload('tk-xa1-bt', 'tk-xa1-bt2'), 'r1');
    expect(s.registrations.map((r) => r.registrantId)).toEqual(['tk-xa1-bt2', 'tk-xa1-bt']);
    applyCycleTransfer(s, admin, payload('tk-pbt', 'tk-bt'), 'r2');
    expect(s.setup).toMatchObject({ appraiserIds: ['tk-bt'], memberInChargeId: 'tk-bt' });
  });

  it('appraising ends with appraisal; a closed cycle refuses', () => {
    const s = cycle();
    s.phase = BreakthroughPhase.IMPLEMENTATION;
    expect(cycleDuties(s, 'tk-bt')).toEqual([]);
    s.phase = BreakthroughPhase.CLOSED;
    expect(validateCycleTransfer(s, admin, payload('tk-pbt', 'x'))?.kind).toBe('WRONG_PHASE');
  });
});

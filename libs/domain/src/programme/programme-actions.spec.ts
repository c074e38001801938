import type { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { Achievement, Comparator } from '../targets/target-achievement';
import { Phase } from './phase';
import {
  allTasks,
  applyAction,
  enterPhase,
  awaiting,
  closeConsultationAtDeadline,
  closeReview,
  initialState,
  ProgrammeAction,
  ProgrammeEffect,
  rememberRequest,
  reviewKind,
  reviewReporters,
  TargetInput,
  validateAction,
} from './programme-actions';
import { MAX_REMEMBERED_REQUEST_IDS, ProgrammeSetup, ProgrammeState, ProgrammeTask } from './programme-state';
import { findTemplate, ProgrammeTemplate } from './programme-template';

const TEMPLATE = findTemplate('action-programme') as ProgrammeTemplate;

const SETUP: ProgrammeSetup = {
  programmeId: 'prog-hg-01',
  title: 'Chương trình hành động thực hiện Nghị quyết Đại hội',
  templateId: 'action-programme',
  templateVersion: 1,
  issuingUnitId: 'hg-tu',
  issuingHeadId: 'hg-bithu',
  memberInChargeId: 'hg-pbt',
  fieldGroup: 'KINH_TE',
  term: '2020-2025',
  implementsResolution: 'NQ-DH-XVII',
  createdBy: 'hg-cv1',
};

// Actors
const drafter: Actor = { personId: 'hg-cv1', unitId: 'hg-tu', roles: [Role.ADVISORY_STAFF] };
const head: Actor = { personId: 'hg-bithu', unitId: 'hg-tu', roles: [Role.HEAD, Role.STANDING_COMMITTEE] };
const memberInCharge: Actor = { personId: 'hg-pbt', unitId: 'hg-tu', roles: [Role.KEY_CADRE] };
const surveyor: Actor = { personId: 'hg-ks1', unitId: 'hg-btg', roles: [Role.STAFF] };
const invitee1: Actor = { personId: 'hg-tv1', unitId: 'hg-ubnd', roles: [Role.KEY_CADRE] };
const invitee2: Actor = { personId: 'hg-tv2', unitId: 'hg-hdnd', roles: [Role.KEY_CADRE] };
const outsider: Actor = { personId: 'hg-x', unitId: 'hg-other', roles: [Role.STAFF] };
/** Staff of another unit: not on the drafting team even though they are advisory staff. */
const foreignAdvisor: Actor = { personId: 'hg-tg-cv', unitId: 'hg-btg', roles: [Role.ADVISORY_STAFF] };
const ubndReporter: Actor = { personId: 'ubnd-ct', unitId: 'hg-ubnd', roles: [Role.HEAD] };
const snnReporter: Actor = { personId: 'snn-gd', unitId: 'hg-snn', roles: [Role.HEAD] };

const at = (iso: string) => new Date(iso);

const TARGETS: TargetInput[] = [
  {
    code: 'GRDP',
    name: 'Tăng trưởng GRDP bình quân',
    unit: '%/năm',
    baseline: '6.8',
    goal: { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' },
    responsibleUnitId: 'hg-ubnd',
  },
  {
    code: 'POVERTY',
    name: 'Tỷ lệ hộ nghèo',
    unit: '%',
    goal: { comparator: Comparator.AT_MOST, goal: '1.5' },
    responsibleUnitId: 'hg-ubnd',
  },
  {
    code: 'FOREST',
    name: 'Tỷ lệ che phủ rừng',
    unit: '%',
    baseline: null,
    goal: { comparator: Comparator.AT_LEAST, goal: '43' },
    responsibleUnitId: 'hg-snn',
  },
  {
    code: 'TOP3',
    name: 'Xếp hạng PCI trong tốp 3 của vùng',
    unit: 'có/không',
    goal: { comparator: Comparator.YES_NO, goal: '1' },
    responsibleUnitId: 'hg-ubnd',
  },
];

const TASKS: ProgrammeTask[] = [
  {
    code: 'T1',
    title: 'Xây dựng kế hoạch phát triển kinh tế',
    responsibleUnitId: 'hg-ubnd',
    responsiblePersonId: 'ubnd-ct',
    coordinatingUnitIds: ['hg-snn'],
    dueAt: '2025-12-31T10:00:00Z',
  },
  {
    code: 'T2',
    title: 'Trồng rừng thay thế',
    responsibleUnitId: 'hg-snn',
    responsiblePersonId: 'snn-gd',
    coordinatingUnitIds: [],
    dueAt: '2026-06-30T10:00:00Z',
  },
  {
    code: 'T3',
    title: 'Tuyên truyền nghị quyết',
    responsibleUnitId: 'hg-btg',
    responsiblePersonId: 'btg-tb',
    coordinatingUnitIds: [],
    dueAt: '2024-12-31T10:00:00Z',
  },
];

const issuePayload = (targets: TargetInput[] = TARGETS): Extract<ProgrammeAction, { name: 'issue' }>['payload'] => ({
  documentNumber: '05-CTr/TU',
  issuedOn: '2024-03-05',
  targets,
  tasks: TASKS,
  solutions: ['Đẩy mạnh cải cách hành chính'],
  resources: ['Ngân sách tỉnh'],
  steeringCommittee: { headId: 'hg-bithu', memberIds: ['hg-pbt', 'ubnd-ct'] },
});

let seq = 0;
/** Validates (must be accepted), then applies. */
function act(
  s: ProgrammeState,
  actor: Actor,
  action: ProgrammeAction,
  now: Date,
  requestId = `req-${++seq}`,
): ProgrammeEffect[] {
  expect(validateAction(s, actor, action, now)).toBeNull();
  return applyAction(s, TEMPLATE, actor, action, now, requestId);
}

const fresh = () => initialState(SETUP, TEMPLATE, at('2024-01-15T02:00:00Z'));

// Drivers to a given phase, each starting where the previous left off.
function toDrafting(s = fresh()): ProgrammeState {
  act(s, drafter, { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } }, at('2024-01-16T02:00:00Z'));
  act(
    s,
    surveyor,
    { name: 'submitSurveyFindings', payload: { text: 'Kết quả khảo sát tại 10 xã' } },
    at('2024-01-25T02:00:00Z'),
  );
  act(s, drafter, { name: 'closeSurvey', payload: {} }, at('2024-02-01T02:00:00Z'));
  return s;
}
function toConsultation(s = toDrafting()): ProgrammeState {
  act(
    s,
    drafter,
    { name: 'submitDraft', payload: { text: 'Dự thảo lần 1', changeNote: 'Bản đầu tiên' } },
    at('2024-02-10T02:00:00Z'),
  );
  act(
    s,
    drafter,
    { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1', 'hg-tv2'] } },
    at('2024-02-12T02:00:00Z'),
  );
  return s;
}
function toApproval(s = toConsultation()): ProgrammeState {
  act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, at('2024-02-14T02:00:00Z'));
  act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Bổ sung chỉ tiêu rừng' } }, at('2024-02-15T02:00:00Z'));
  act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-16T02:00:00Z'));
  act(s, drafter, { name: 'submitForApproval', payload: {} }, at('2024-02-20T02:00:00Z'));
  return s;
}
function toIssued(s = toApproval()): ProgrammeState {
  act(s, head, { name: 'approve', payload: { note: 'Thông qua' } }, at('2024-03-01T02:00:00Z'));
  return s;
}
function toDissemination(s = toIssued(), targets: TargetInput[] = TARGETS): ProgrammeState {
  act(s, drafter, { name: 'issue', payload: issuePayload(targets) }, at('2024-03-05T02:00:00Z'));
  return s;
}
function toImplementation(s = toDissemination()): ProgrammeState {
  act(
    s,
    head,
    { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1', 'ubnd-ct', 'snn-gd'] } },
    at('2024-03-20T02:00:00Z'),
  );
  return s;
}

const notifications = (effects: ProgrammeEffect[]) =>
  effects.filter((e): e is Extract<ProgrammeEffect, { type: 'notify' }> => e.type === 'notify');

describe('initialState', () => {
  it('starts in the first phase of the template with its deadline', () => {
    const s = fresh();
    expect(s.phase).toBe(Phase.SURVEY);
    expect(s.phaseSeq).toBe(1);
    expect(s.phaseEnteredAt).toBe('2024-01-15T02:00:00.000Z');
    expect(s.phaseDeadline).toBe('2024-02-14T02:00:00.000Z'); // P30D
    expect(s.phaseHistory).toEqual([
      {
        seq: 1,
        phase: Phase.SURVEY,
        enteredAt: '2024-01-15T02:00:00.000Z',
        deadline: '2024-02-14T02:00:00.000Z',
        actorId: 'hg-cv1',
        reason: 'created',
      },
    ]);
    expect(s.version).toBe(0);
    expect(s.appliedRequestIds).toEqual([]);
    expect(s.issuance).toBeNull();
    expect(s.implementation.reviews).toEqual([]);
  });

  it('a work programme (no survey) starts in DRAFTING with a P15D deadline', () => {
    const s = initialState(SETUP, findTemplate('work-programme') as ProgrammeTemplate, at('2024-01-15T02:00:00Z'));
    expect(s.phase).toBe(Phase.DRAFTING);
    expect(s.phaseDeadline).toBe('2024-01-30T02:00:00.000Z');
  });

  it('findTemplate returns the action programme with a five-year term and quarterly reviews', () => {
    expect(TEMPLATE.id).toBe('action-programme');
    expect(TEMPLATE.term).toBe('P5Y');
    expect(TEMPLATE.reviewEvery).toBe('P3M');
    expect(findTemplate('no-such-template')).toBeUndefined();
  });
});

describe('the whole lifecycle of an action programme', () => {
  it('goes from survey to implementation with the right effects at each step', () => {
    const s = fresh();

    // SURVEY
    expect(awaiting(s, at('2024-01-15T03:00:00Z'))).toEqual({
      what: 'assign surveyors',
      fromIds: ['hg-pbt'],
      deadline: '2024-02-14T02:00:00.000Z',
    });
    let fx = act(
      s,
      drafter,
      { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } },
      at('2024-01-16T02:00:00Z'),
    );
    expect(s.survey.surveyorIds).toEqual(['hg-ks1']);
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'assignSurveyors',
        actorId: 'hg-cv1',
        before: { surveyorIds: [] },
        after: { surveyorIds: ['hg-ks1'] },
      },
      {
        type: 'notify',
        kind: 'SURVEY_ASSIGNED',
        recipientIds: ['hg-ks1'],
        params: { title: SETUP.title, deadline: '2024-02-14T02:00:00.000Z' },
      },
    ]);
    expect(awaiting(s, at('2024-01-16T03:00:00Z')).fromIds).toEqual(['hg-ks1']);

    fx = act(
      s,
      surveyor,
      { name: 'submitSurveyFindings', payload: { text: 'Kết quả khảo sát' } },
      at('2024-01-25T02:00:00Z'),
    );
    expect(s.survey.findings['hg-ks1']).toEqual({ text: 'Kết quả khảo sát', at: '2024-01-25T02:00:00.000Z' });
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'submitSurveyFindings',
        actorId: 'hg-ks1',
        before: null,
        after: { surveyor: 'hg-ks1', length: 'Kết quả khảo sát'.length },
      },
    ]);
    expect(awaiting(s, at('2024-01-26T00:00:00Z')).fromIds).toEqual([]);

    fx = act(s, drafter, { name: 'closeSurvey', payload: {} }, at('2024-02-01T02:00:00Z'));
    expect(s.phase).toBe(Phase.DRAFTING);
    expect(s.phaseDeadline).toBe('2024-03-02T02:00:00.000Z'); // 1 Feb 2024 + 30 days (leap year)
    expect(fx).toEqual([
      { type: 'audit', action: 'closeSurvey', actorId: 'hg-cv1', before: null, after: { findings: 1 } },
      {
        type: 'audit',
        action: 'phase.changed',
        actorId: 'hg-cv1',
        before: { phase: Phase.SURVEY },
        after: { phase: Phase.DRAFTING, deadline: '2024-03-02T02:00:00.000Z', reason: 'survey closed' },
      },
      {
        type: 'notify',
        kind: 'PHASE_CHANGED',
        recipientIds: ['hg-pbt', 'hg-bithu'],
        params: { title: SETUP.title, from: Phase.SURVEY, to: Phase.DRAFTING, deadline: '2024-03-02T02:00:00.000Z' },
      },
    ]);

    // DRAFTING
    expect(awaiting(s, at('2024-02-02T00:00:00Z')).what).toBe('first draft');
    fx = act(
      s,
      drafter,
      { name: 'submitDraft', payload: { text: 'Dự thảo lần 1', changeNote: 'Bản đầu tiên' } },
      at('2024-02-10T02:00:00Z'),
    );
    expect(s.drafts).toEqual([
      {
        version: 1,
        text: 'Dự thảo lần 1',
        documentRef: null,
        changeNote: 'Bản đầu tiên',
        by: 'hg-cv1',
        at: '2024-02-10T02:00:00.000Z',
      },
    ]);
    expect(s.phase).toBe(Phase.DRAFTING);

    fx = act(
      s,
      drafter,
      { name: 'openConsultation', payload: { inviteeIds: ['hg-tv1', 'hg-tv2'] } },
      at('2024-02-12T02:00:00Z'),
    );
    expect(s.phase).toBe(Phase.CONSULTATION);
    // Default consultation window P10D; the round's deadline governs the phase.
    expect(s.consultations).toHaveLength(1);
    expect(s.consultations[0]).toMatchObject({
      no: 1,
      inviteeIds: ['hg-tv1', 'hg-tv2'],
      deadline: '2024-02-22T02:00:00.000Z',
      closedAt: null,
      opinions: {},
    });
    expect(s.phaseDeadline).toBe('2024-02-22T02:00:00.000Z');
    expect(s.phaseHistory[s.phaseHistory.length - 1]).toMatchObject({
      phase: Phase.CONSULTATION,
      deadline: '2024-02-22T02:00:00.000Z',
    });
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'openConsultation',
      actorId: 'hg-cv1',
      before: null,
      after: { round: 1, invitees: 2, deadline: '2024-02-22T02:00:00.000Z' },
    });
    // The phase-change audit and notification carry the round's deadline, not the template's.
    const phaseChange = fx.find((e) => e.type === 'audit' && e.action === 'phase.changed');
    expect(phaseChange && phaseChange.type === 'audit' && phaseChange.after?.deadline).toBe('2024-02-22T02:00:00.000Z');
    const notice = fx.find((e) => e.type === 'notify' && e.kind === 'PHASE_CHANGED');
    expect(notice && notice.type === 'notify' && notice.params.deadline).toBe('2024-02-22T02:00:00.000Z');
    expect(notifications(fx).map((n) => n.kind)).toEqual(['PHASE_CHANGED', 'CONSULTATION_INVITATION']);
    expect(notifications(fx)[1]).toEqual({
      type: 'notify',
      kind: 'CONSULTATION_INVITATION',
      recipientIds: ['hg-tv1', 'hg-tv2'],
      params: { title: SETUP.title, round: 1, deadline: '2024-02-22T02:00:00.000Z', draftVersion: 1 },
    });

    // CONSULTATION
    expect(awaiting(s, at('2024-02-13T00:00:00Z'))).toEqual({
      what: 'opinions on the draft',
      fromIds: ['hg-tv1', 'hg-tv2'],
      deadline: '2024-02-22T02:00:00.000Z',
    });
    fx = act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, at('2024-02-14T02:00:00Z'));
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'submitOpinion',
        actorId: 'hg-tv1',
        before: null,
        after: { round: 1, invitee: 'hg-tv1' },
      },
    ]);
    expect(awaiting(s, at('2024-02-14T03:00:00Z')).fromIds).toEqual(['hg-tv2']);
    // onBehalfOf naming oneself is a personal opinion and is accepted.
    act(
      s,
      invitee2,
      { name: 'submitOpinion', payload: { text: 'Bổ sung chỉ tiêu rừng', onBehalfOf: 'hg-tv2' } },
      at('2024-02-15T02:00:00Z'),
    );
    expect(Object.keys(s.consultations[0].opinions).sort()).toEqual(['hg-tv1', 'hg-tv2']);

    // Everyone answered: the round may close before its deadline.
    fx = act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-16T02:00:00Z'));
    expect(s.phase).toBe(Phase.DRAFTING);
    expect(s.consultations[0].closedAt).toBe('2024-02-16T02:00:00.000Z');
    expect(s.consultations[0].silentIds).toEqual([]);
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'consultation.closed',
      actorId: 'hg-cv1',
      before: null,
      after: { round: 1, answered: 2, silent: [] },
    });
    expect(fx[1]).toMatchObject({
      type: 'audit',
      action: 'phase.changed',
      before: { phase: Phase.CONSULTATION },
      after: { phase: Phase.DRAFTING, reason: 'consultation round 1 closed' },
    });

    fx = act(s, drafter, { name: 'submitForApproval', payload: {} }, at('2024-02-20T02:00:00Z'));
    expect(s.phase).toBe(Phase.APPROVAL);
    expect(s.phaseDeadline).toBe('2024-03-06T02:00:00.000Z'); // P15D
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'submitForApproval',
      actorId: 'hg-cv1',
      before: null,
      after: { draftVersion: 1 },
    });
    expect(awaiting(s, at('2024-02-21T00:00:00Z'))).toEqual({
      what: 'approval',
      fromIds: ['hg-bithu'],
      deadline: '2024-03-06T02:00:00.000Z',
    });

    // APPROVAL
    fx = act(s, head, { name: 'approve', payload: { note: 'Thông qua' } }, at('2024-03-01T02:00:00Z'));
    expect(s.phase).toBe(Phase.ISSUED);
    expect(s.phaseDeadline).toBeNull(); // no duration for ISSUED in the template
    expect(s.approval).toEqual({ approvedBy: 'hg-bithu', approvedAt: '2024-03-01T02:00:00.000Z', sendBacks: [] });
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'approve',
      actorId: 'hg-bithu',
      before: null,
      after: { draftVersion: 1, note: 'Thông qua' },
    });

    // ISSUED
    fx = act(s, drafter, { name: 'issue', payload: issuePayload() }, at('2024-03-05T02:00:00Z'));
    expect(s.phase).toBe(Phase.DISSEMINATION);
    expect(s.phaseDeadline).toBe('2024-04-04T02:00:00.000Z');
    expect(s.issuance).toMatchObject({
      by: 'hg-cv1',
      at: '2024-03-05T02:00:00.000Z',
      documentNumber: '05-CTr/TU',
      issuedOn: '2024-03-05',
    });
    expect(s.issuance!.targets.map((t) => t.code)).toEqual(['GRDP', 'POVERTY', 'FOREST', 'TOP3']);
    // Defaults are filled in: missing baseline → null, missing periodGoals → {}.
    expect(s.issuance!.targets[1]).toMatchObject({ code: 'POVERTY', baseline: null, periodGoals: {} });
    expect(s.issuance!.targets[0]).toMatchObject({
      code: 'GRDP',
      baseline: '6.8',
      goal: { comparator: Comparator.RANGE, goal: '7', goalHigh: '7.5' },
    });
    expect(s.issuance!.steeringCommittee).toEqual({ headId: 'hg-bithu', memberIds: ['hg-pbt', 'ubnd-ct'] });
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'issue',
      actorId: 'hg-cv1',
      before: null,
      after: { documentNumber: '05-CTr/TU', issuedOn: '2024-03-05', targets: 4, tasks: 3 },
    });
    expect(awaiting(s, at('2024-03-06T00:00:00Z'))).toEqual({
      what: 'dissemination conference by the head',
      fromIds: ['hg-bithu'],
      deadline: '2024-04-04T02:00:00.000Z',
    });

    // DISSEMINATION: by the head in person.
    fx = act(
      s,
      head,
      { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1', 'ubnd-ct', 'snn-gd'] } },
      at('2024-03-20T02:00:00Z'),
    );
    expect(s.phase).toBe(Phase.IMPLEMENTATION);
    expect(s.dissemination).toEqual({
      heldOn: '2024-03-20',
      recordedBy: 'hg-bithu',
      audienceIds: ['hg-tv1', 'ubnd-ct', 'snn-gd'],
      acknowledged: {},
    });
    expect(fx.map((e) => (e.type === 'audit' ? `audit:${e.action}` : `notify:${e.kind}`))).toEqual([
      'audit:recordDissemination',
      'notify:DISSEMINATION_ACK_REQUEST',
      'audit:phase.changed',
      'notify:PHASE_CHANGED',
    ]);
    expect(fx[0]).toEqual({
      type: 'audit',
      action: 'recordDissemination',
      actorId: 'hg-bithu',
      before: null,
      after: { heldOn: '2024-03-20', audience: 3 },
    });
    expect(fx[1]).toEqual({
      type: 'notify',
      kind: 'DISSEMINATION_ACK_REQUEST',
      recipientIds: ['hg-tv1', 'ubnd-ct', 'snn-gd'],
      params: { title: SETUP.title, heldOn: '2024-03-20' },
    });

    fx = act(s, invitee1, { name: 'acknowledgeDissemination', payload: {} }, at('2024-03-21T02:00:00Z'));
    expect(s.dissemination.acknowledged).toEqual({ 'hg-tv1': '2024-03-21T02:00:00.000Z' });
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'acknowledgeDissemination',
        actorId: 'hg-tv1',
        before: null,
        after: { acknowledged: 1, audience: 3 },
      },
    ]);

    // Phase history records every phase in order, and the version counts applied actions.
    expect(s.phaseHistory.map((h) => h.phase)).toEqual([
      Phase.SURVEY,
      Phase.DRAFTING,
      Phase.CONSULTATION,
      Phase.DRAFTING,
      Phase.APPROVAL,
      Phase.ISSUED,
      Phase.DISSEMINATION,
      Phase.IMPLEMENTATION,
    ]);
    expect(s.phaseHistory.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.phaseSeq).toBe(8);
    expect(s.version).toBe(13);
    expect(s.appliedRequestIds).toHaveLength(13);
  });

  it('a send-back returns the draft to DRAFTING and it can be resubmitted', () => {
    const s = toApproval();
    expect(
      validateAction(s, drafter, { name: 'sendBack', payload: { reasons: 'x' } }, at('2024-02-21T00:00:00Z'))?.kind,
    ).toBe('FORBIDDEN');
    act(s, head, { name: 'sendBack', payload: { reasons: 'Chỉ tiêu chưa sát thực tế' } }, at('2024-02-22T02:00:00Z'));
    expect(s.phase).toBe(Phase.DRAFTING);
    expect(s.approval.sendBacks).toEqual([
      { by: 'hg-bithu', at: '2024-02-22T02:00:00.000Z', reasons: 'Chỉ tiêu chưa sát thực tế' },
    ]);
    expect(s.phaseHistory[s.phaseHistory.length - 1].reason).toBe('sent back: Chỉ tiêu chưa sát thực tế');
    act(
      s,
      drafter,
      { name: 'submitDraft', payload: { documentRef: 'doc-123', changeNote: 'Sửa chỉ tiêu' } },
      at('2024-02-23T02:00:00Z'),
    );
    expect(s.drafts[1]).toMatchObject({ version: 2, text: null, documentRef: 'doc-123' });
    act(s, drafter, { name: 'submitForApproval', payload: {} }, at('2024-02-24T02:00:00Z'));
    expect(s.phase).toBe(Phase.APPROVAL);
  });

  it('the member in charge, who is not of the advisory staff, may still draft', () => {
    const s = toDrafting();
    expect(
      validateAction(
        s,
        memberInCharge,
        { name: 'submitDraft', payload: { text: 'Bản của Phó Bí thư', changeNote: 'v1' } },
        at('2024-02-02T00:00:00Z'),
      ),
    ).toBeNull();
  });
});

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

  it('approve while DRAFTING → WRONG_PHASE', () => {
    const s = toDrafting();
    const r = validateAction(s, head, { name: 'approve', payload: {} }, at('2024-02-02T00:00:00Z'));
    expect(r?.kind).toBe('WRONG_PHASE');
    expect(r?.reason).toContain('DRAFTING');
  });

  it('a draft needs text or a document reference; consultation needs a draft; approval needs a closed consultation', () => {
    const s = toDrafting();
    const now = at('2024-02-02T00:00:00Z');
    expect(validateAction(s, drafter, { name: 'submitDraft', payload: { changeNote: 'v1' } }, now)).toEqual({
      kind: 'INVALID',
      reason: 'a draft needs its text or a document reference',
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

  describe('opinions must be given personally, by invitees', () => {
    it('an opinion filed on behalf of someone else → FORBIDDEN, saying it must be given personally', () => {
      const s = toConsultation();
      const now = at('2024-02-13T02:00:00Z');
      // By another invitee for hg-tv2…
      const r1 = validateAction(
        s,
        invitee1,
        { name: 'submitOpinion', payload: { text: 'Ý kiến thay', onBehalfOf: 'hg-tv2' } },
        now,
      );
      expect(r1?.kind).toBe('FORBIDDEN');
      expect(r1?.reason).toContain('personally');
      // …or by the advisory staff for a key cadre.
      const r2 = validateAction(
        s,
        drafter,
        { name: 'submitOpinion', payload: { text: 'Ý kiến thay', onBehalfOf: 'hg-tv1' } },
        now,
      );
      expect(r2?.kind).toBe('FORBIDDEN');
      expect(r2?.reason).toContain('personally');
    });

    it('an opinion by someone not invited → FORBIDDEN', () => {
      const s = toConsultation();
      const r = validateAction(
        s,
        outsider,
        { name: 'submitOpinion', payload: { text: 'Tôi góp ý' } },
        at('2024-02-13T02:00:00Z'),
      );
      expect(r).toEqual({ kind: 'FORBIDDEN', reason: 'you are not invited to this consultation round' });
    });

    it('a second opinion by the same invitee → WRONG_PHASE; an empty opinion → INVALID', () => {
      const s = toConsultation();
      const now = at('2024-02-13T02:00:00Z');
      expect(validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: '' } }, now)?.kind).toBe('INVALID');
      act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, now);
      expect(validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: 'Lần nữa' } }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
    });

    it('opinions outside CONSULTATION → WRONG_PHASE', () => {
      const s = toDrafting();
      expect(
        validateAction(s, invitee1, { name: 'submitOpinion', payload: { text: 'Sớm quá' } }, at('2024-02-02T00:00:00Z'))
          ?.kind,
      ).toBe('WRONG_PHASE');
    });
  });

  describe('closing consultation with a silent invitee', () => {
    const setupOneAnswered = () => {
      const s = toConsultation(); // deadline 2024-02-22T02:00:00Z
      act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, at('2024-02-14T02:00:00Z'));
      return s;
    };

    it('before the deadline → WRONG_PHASE', () => {
      const s = setupOneAnswered();
      const r = validateAction(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-22T01:59:59Z'));
      expect(r?.kind).toBe('WRONG_PHASE');
      expect(r?.reason).toContain('2024-02-22T02:00:00.000Z');
    });

    it('once now is past the round deadline it closes and lists the silent', () => {
      const s = setupOneAnswered();
      const fx = act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-22T02:00:01Z'));
      expect(s.phase).toBe(Phase.DRAFTING);
      expect(s.consultations[0].silentIds).toEqual(['hg-tv2']);
      expect(fx[0]).toEqual({
        type: 'audit',
        action: 'consultation.closed',
        actorId: 'hg-cv1',
        before: null,
        after: { round: 1, answered: 1, silent: ['hg-tv2'] },
      });
      // The next round starts afresh with round number 2.
      act(
        s,
        drafter,
        { name: 'openConsultation', payload: { inviteeIds: ['hg-tv2'], deadline: '2024-03-01T02:00:00Z' } },
        at('2024-02-23T02:00:00Z'),
      );
      expect(s.consultations[1]).toMatchObject({ no: 2, deadline: '2024-03-01T02:00:00.000Z' });
      expect(s.phaseDeadline).toBe('2024-03-01T02:00:00.000Z');
    });

    it('only the drafting team closes consultation', () => {
      const s = setupOneAnswered();
      expect(
        validateAction(s, invitee1, { name: 'closeConsultation', payload: {} }, at('2024-02-23T00:00:00Z'))?.kind,
      ).toBe('FORBIDDEN');
    });

    it('the deadline timer closes the round itself, with no actor', () => {
      const s = setupOneAnswered();
      expect(closeConsultationAtDeadline(s, TEMPLATE, at('2024-02-21T00:00:00Z'))).toEqual([]);
      expect(s.phase).toBe(Phase.CONSULTATION);
      const fx = closeConsultationAtDeadline(s, TEMPLATE, at('2024-02-22T02:00:00Z'));
      expect(s.phase).toBe(Phase.DRAFTING);
      expect(s.consultations[0].silentIds).toEqual(['hg-tv2']);
      expect(fx[0]).toMatchObject({ type: 'audit', action: 'consultation.closed', actorId: null });
    });
  });

  it('approval only by the Standing Committee or the issuing head', () => {
    const s = toApproval();
    const now = at('2024-02-25T00:00:00Z');
    expect(validateAction(s, drafter, { name: 'approve', payload: {} }, now)?.kind).toBe('FORBIDDEN');
    expect(validateAction(s, invitee1, { name: 'approve', payload: {} }, now)?.kind).toBe('FORBIDDEN');
    const otherSc: Actor = { personId: 'sc-9', unitId: 'hg-other', roles: [Role.STANDING_COMMITTEE] };
    expect(validateAction(s, otherSc, { name: 'approve', payload: {} }, now)).toBeNull();
  });

  describe('issuing', () => {
    const now = at('2024-03-05T02:00:00Z');

    it('a bad range goal → INVALID naming the target', () => {
      const s = toIssued();
      const bad: TargetInput[] = [
        { ...TARGETS[0], goal: { comparator: Comparator.RANGE, goal: '7.5', goalHigh: '7' } },
      ];
      expect(validateAction(s, drafter, { name: 'issue', payload: issuePayload(bad) }, now)).toEqual({
        kind: 'INVALID',
        reason: 'targets[0].goal: a range goal needs goal <= goalHigh',
      });
      const noHigh: TargetInput[] = [TARGETS[1], { ...TARGETS[0], goal: { comparator: Comparator.RANGE, goal: '7' } }];
      expect(validateAction(s, drafter, { name: 'issue', payload: issuePayload(noHigh) }, now)).toEqual({
        kind: 'INVALID',
        reason: 'targets[1].goal: a range goal needs goalHigh',
      });
      expect(s.phase).toBe(Phase.ISSUED); // validation does not change state
    });

    it('other invalid issuance details → INVALID', () => {
      const s = toIssued();
      const cases: Array<[Extract<ProgrammeAction, { name: 'issue' }>['payload'], string]> = [
        [{ ...issuePayload(), issuedOn: '2024-02-30' }, 'issuedOn 2024-02-30 is not a real date'],
        [{ ...issuePayload(), issuedOn: '05/03/2024' }, 'issuedOn must be a date like 2024-03-31'],
        [{ ...issuePayload(), documentNumber: ' ' }, 'documentNumber must not be empty'],
        [issuePayload([TARGETS[0], { ...TARGETS[1], code: 'GRDP' }]), 'target code GRDP appears twice'],
        [issuePayload([{ ...TARGETS[0], baseline: 'sáu' }]), 'targets[0].baseline is not a number'],
        [
          issuePayload([{ ...TARGETS[2], periodGoals: { '2025': { comparator: Comparator.YES_NO, goal: '3' } } }]),
          'targets[0].periodGoals.2025: a yes/no goal is "1" or "0"',
        ],
        [{ ...issuePayload(), tasks: [{ ...TASKS[0], dueAt: 'soon' }] }, 'tasks[0].dueAt must be a date-time'],
        [{ ...issuePayload(), tasks: [TASKS[0], TASKS[0]] }, 'task code T1 appears twice'],
      ];
      for (const [payload, reason] of cases)
        expect(validateAction(s, drafter, { name: 'issue', payload }, now)).toEqual({ kind: 'INVALID', reason });
    });

    it('only the drafting team issues, and only in ISSUED', () => {
      expect(validateAction(toIssued(), outsider, { name: 'issue', payload: issuePayload() }, now)?.kind).toBe(
        'FORBIDDEN',
      );
      expect(validateAction(toApproval(), drafter, { name: 'issue', payload: issuePayload() }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
    });
  });

  describe('dissemination', () => {
    const now = at('2024-03-20T02:00:00Z');

    it('recorded by the drafter instead of the head → FORBIDDEN', () => {
      const s = toDissemination();
      const r = validateAction(
        s,
        drafter,
        { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1'] } },
        now,
      );
      expect(r?.kind).toBe('FORBIDDEN');
      expect(r?.reason).toContain('personally');
      // Even the member in charge may not stand in for the head.
      expect(
        validateAction(
          s,
          memberInCharge,
          { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1'] } },
          now,
        )?.kind,
      ).toBe('FORBIDDEN');
    });

    it('needs a real date and an audience', () => {
      const s = toDissemination();
      expect(
        validateAction(
          s,
          head,
          { name: 'recordDissemination', payload: { heldOn: '2024-02-30', audienceIds: ['hg-tv1'] } },
          now,
        )?.kind,
      ).toBe('INVALID');
      expect(
        validateAction(
          s,
          head,
          { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: [] } },
          now,
        )?.kind,
      ).toBe('INVALID');
    });

    it('acknowledgement: not before the conference, only by the audience, only once', () => {
      const before = toDissemination();
      expect(validateAction(before, invitee1, { name: 'acknowledgeDissemination', payload: {} }, now)?.kind).toBe(
        'WRONG_PHASE',
      );
      const s = toImplementation(before);
      expect(validateAction(s, outsider, { name: 'acknowledgeDissemination', payload: {} }, now)?.kind).toBe(
        'FORBIDDEN',
      );
      act(s, ubndReporter, { name: 'acknowledgeDissemination', payload: {} }, at('2024-03-21T00:00:00Z'));
      expect(
        validateAction(s, ubndReporter, { name: 'acknowledgeDissemination', payload: {} }, at('2024-03-22T00:00:00Z'))
          ?.kind,
      ).toBe('WRONG_PHASE');
    });
  });

  describe('cancel', () => {
    it('cancelling → CANCELLED, after which every action → WRONG_PHASE', () => {
      const s = toDrafting();
      const now = at('2024-02-05T00:00:00Z');
      expect(validateAction(s, drafter, { name: 'cancel', payload: { reason: 'x' } }, now)?.kind).toBe('FORBIDDEN');
      expect(validateAction(s, head, { name: 'cancel', payload: { reason: '' } }, now)?.kind).toBe('INVALID');
      const fx = act(s, head, { name: 'cancel', payload: { reason: 'Nghị quyết mới thay thế' } }, now);
      expect(s.phase).toBe(Phase.CANCELLED);
      expect(s.endReason).toBe('Nghị quyết mới thay thế');
      expect(fx[0]).toEqual({
        type: 'audit',
        action: 'cancel',
        actorId: 'hg-bithu',
        before: { phase: Phase.DRAFTING },
        after: { reason: 'Nghị quyết mới thay thế' },
      });
      expect(s.phaseDeadline).toBeNull();

      const later = at('2024-02-06T00:00:00Z');
      const attempts: Array<[Actor, ProgrammeAction]> = [
        [drafter, { name: 'submitDraft', payload: { text: 'x', changeNote: 'y' } }],
        [head, { name: 'approve', payload: {} }],
        [head, { name: 'cancel', payload: { reason: 'again' } }],
        [head, { name: 'supersede', payload: { reason: 'r', byProgrammeId: 'p2' } }],
        [invitee1, { name: 'acknowledgeDissemination', payload: {} }],
      ];
      for (const [actor, action] of attempts) {
        const r = validateAction(s, actor, action, later);
        expect(r?.kind).toBe('WRONG_PHASE');
        expect(r?.reason).toContain('CANCELLED');
      }
      expect(awaiting(s, later)).toEqual({ what: 'nothing', fromIds: [], deadline: null });
    });

    it('a programme cannot supersede itself', () => {
      const s = toDrafting();
      expect(
        validateAction(
          s,
          head,
          { name: 'supersede', payload: { reason: 'r', byProgrammeId: SETUP.programmeId } },
          at('2024-02-05T00:00:00Z'),
        ),
      ).toEqual({
        kind: 'INVALID',
        reason: 'a programme cannot supersede itself',
      });
    });
  });

  it('unknown actions → INVALID', () => {
    const s = fresh();
    const r = validateAction(
      s,
      head,
      { name: 'teleport', payload: {} } as unknown as ProgrammeAction,
      at('2024-01-16T00:00:00Z'),
    );
    expect(r).toEqual({ kind: 'INVALID', reason: 'unknown action teleport' });
  });
});

describe('request ids', () => {
  it('each applied request id is remembered and bumps the version, a repeated id too', () => {
    const s = fresh();
    act(
      s,
      drafter,
      { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } },
      at('2024-01-16T02:00:00Z'),
      'req-dup',
    );
    expect(s.appliedRequestIds).toEqual(['req-dup']);
    expect(s.version).toBe(1);
    expect(s.appliedRequestIds.includes('req-dup')).toBe(true);
    // Assigning the same surveyor again is idempotent in state; the id is recorded again.
    act(
      s,
      drafter,
      { name: 'assignSurveyors', payload: { surveyorIds: ['hg-ks1'] } },
      at('2024-01-16T02:00:01Z'),
      'req-2',
    );
    expect(s.survey.surveyorIds).toEqual(['hg-ks1']);
    expect(s.appliedRequestIds).toEqual(['req-dup', 'req-2']);
    expect(s.version).toBe(2);
  });

  it('keeps only the last MAX_REMEMBERED_REQUEST_IDS ids', () => {
    const s = fresh();
    for (let i = 0; i < MAX_REMEMBERED_REQUEST_IDS + 3; i++) rememberRequest(s, `r${i}`);
    expect(s.appliedRequestIds).toHaveLength(MAX_REMEMBERED_REQUEST_IDS);
    expect(s.appliedRequestIds[0]).toBe('r3');
    expect(s.appliedRequestIds[MAX_REMEMBERED_REQUEST_IDS - 1]).toBe(`r${MAX_REMEMBERED_REQUEST_IDS + 2}`);
  });
});

describe('reviewKind', () => {
  it.each([
    [1, 20, 'QUARTERLY'],
    [2, 20, 'HALF_YEAR'],
    [3, 20, 'QUARTERLY'],
    [4, 20, 'YEARLY'],
    [6, 20, 'HALF_YEAR'],
    [8, 20, 'YEARLY'],
    [12, 20, 'YEARLY'],
    [19, 20, 'QUARTERLY'],
    // a five-year term: the middle review (10th of 20) is the mid-term review
    [10, 20, 'MID_TERM'],
    // a four-year term: the middle (8th of 16) is a yearly review and becomes mid-term
    [8, 16, 'MID_TERM'],
    [4, 16, 'YEARLY'],
    [12, 16, 'YEARLY'],
    [4, 8, 'MID_TERM'],
    // short programmes have no mid-term review
    [2, 4, 'HALF_YEAR'],
    [4, 4, 'YEARLY'],
    [3, 4, 'QUARTERLY'],
  ] as const)('review %d of %d is %s', (k, n, kind) => {
    expect(reviewKind(k, n)).toBe(kind);
  });
});

describe('implementation', () => {
  it('schedules reviews every three months across the five-year term: 19 before the term ends', () => {
    const s = toImplementation(); // entered IMPLEMENTATION at 2024-03-20T02:00:00Z
    expect(s.phase).toBe(Phase.IMPLEMENTATION);
    expect(s.phaseDeadline).toBeNull();
    expect(s.implementation.startedAt).toBe('2024-03-20T02:00:00.000Z');
    expect(s.implementation.termEndsAt).toBe('2029-03-20T02:00:00.000Z');
    const reviews = s.implementation.reviews;
    expect(reviews).toHaveLength(19);
    expect(reviews.map((r) => r.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(reviews[0]).toMatchObject({
      seq: 1,
      kind: 'QUARTERLY',
      periodLabel: 'Sơ kết quý 1',
      opensAt: '2024-06-20T02:00:00.000Z',
      closesAt: '2024-07-05T02:00:00.000Z', // P15D window
      expectedUnitIds: ['hg-btg', 'hg-snn', 'hg-ubnd'],
      reports: {},
      closedAt: null,
      summary: null,
    });
    expect(reviews[1]).toMatchObject({
      kind: 'HALF_YEAR',
      periodLabel: 'Sơ kết 6 tháng 2',
      opensAt: '2024-09-20T02:00:00.000Z',
    });
    expect(reviews[2].kind).toBe('QUARTERLY');
    expect(reviews[3]).toMatchObject({
      kind: 'YEARLY',
      periodLabel: 'Sơ kết năm 4',
      opensAt: '2025-03-20T02:00:00.000Z',
    });
    expect(reviews[7].kind).toBe('YEARLY');
    expect(reviews[18]).toMatchObject({ kind: 'QUARTERLY', opensAt: '2028-12-20T02:00:00.000Z' });
    // The last review opens before the term ends; the one at the term end itself is the final review.
    expect(Date.parse(reviews[18].opensAt)).toBeLessThan(Date.parse(s.implementation.termEndsAt!));
    expect(reviews.filter((r) => r.kind === 'YEARLY').map((r) => r.seq)).toEqual(
      expect.arrayContaining([4, 8, 12, 16]),
    );
    expect(reviews.filter((r) => r.kind === 'QUARTERLY').map((r) => r.seq)).toEqual([
      1, 3, 5, 7, 9, 11, 13, 15, 17, 19,
    ]);
    for (const r of reviews) expect(r.expectedUnitIds).toEqual(['hg-btg', 'hg-snn', 'hg-ubnd']);
  });

  it('awaiting shows the open review and who still has to report', () => {
    const s = toImplementation();
    expect(awaiting(s, at('2024-04-01T00:00:00Z'))).toEqual({
      what: 'implementation',
      fromIds: [],
      deadline: '2029-03-20T02:00:00.000Z',
    });
    const review = s.implementation.reviews[0];
    expect(awaiting(s, at('2024-06-21T00:00:00Z'))).toEqual({
      what: 'reports for Sơ kết quý 1',
      fromIds: ['ubnd-ct', 'snn-gd', 'btg-tb'],
      deadline: review.closesAt,
    });
    act(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo UBND', values: { GRDP: '7.2' } } },
      at('2024-06-22T00:00:00Z'),
    );
    expect(reviewReporters(s, review)).toEqual(['snn-gd', 'btg-tb']);
  });

  it('a report by a responsible unit is recorded; closeReview computes results and the headline', () => {
    const s = toImplementation();
    const review = s.implementation.reviews[0];

    // Not yet open.
    const early = validateAction(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Sớm', values: {} } },
      at('2024-06-20T01:59:59Z'),
    );
    expect(early?.kind).toBe('WRONG_PHASE');

    let fx = act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Báo cáo UBND', values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } },
      },
      at('2024-06-25T02:00:00Z'),
    );
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'submitReviewReport',
        actorId: 'ubnd-ct',
        before: null,
        after: { review: 1, unitId: 'hg-ubnd', values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } },
      },
    ]);
    // A corrected report replaces the unit's earlier one; the audit keeps what it replaced.
    fx = act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Báo cáo UBND (sửa)', values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' } },
      },
      at('2024-06-26T02:00:00Z'),
    );
    expect(fx[0]).toMatchObject({ before: { values: { GRDP: '7.2', POVERTY: '1.6', TOP3: '1' } } });
    expect(review.reports['hg-ubnd']).toEqual({
      unitId: 'hg-ubnd',
      text: 'Báo cáo UBND (sửa)',
      values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' },
      by: 'ubnd-ct',
      at: '2024-06-26T02:00:00.000Z',
    });
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo Sở NN', values: { FOREST: '42' } } },
      at('2024-06-27T02:00:00Z'),
    );

    fx = closeReview(s, review, at('2024-07-05T02:00:00Z'));
    expect(review.results).toEqual({
      GRDP: Achievement.ACHIEVED,
      POVERTY: Achievement.EXCEEDED,
      FOREST: Achievement.NOT_ACHIEVED,
      TOP3: Achievement.ACHIEVED,
    });
    expect(review.summary).toEqual({
      total: 4,
      exceeded: 1,
      achieved: 2,
      notAchieved: 1,
      noData: 0,
      headline: '3/4 achieved or exceeded',
    });
    expect(review.lowTargetCodes).toEqual(['FOREST']);
    expect(review.closedAt).toBe('2024-07-05T02:00:00.000Z');
    expect(fx).toEqual([
      {
        type: 'audit',
        action: 'review.closed',
        actorId: null,
        before: null,
        after: {
          seq: 1,
          period: 'Sơ kết quý 1',
          headline: '3/4 achieved or exceeded',
          low: ['FOREST'],
          silentUnits: ['hg-btg'],
        },
      },
      {
        type: 'notify',
        kind: 'REVIEW_CLOSED',
        recipientIds: ['hg-pbt', 'hg-bithu'],
        params: { title: SETUP.title, period: 'Sơ kết quý 1', headline: '3/4 achieved or exceeded' },
      },
    ]);

    // A closed review takes no more reports.
    const late = validateAction(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Muộn', values: { FOREST: '44' } } },
      at('2024-07-06T00:00:00Z'),
    );
    expect(late?.kind).toBe('WRONG_PHASE');
  });

  it('a quarterly review does not carry values over from an earlier review: silence is NO_DATA', () => {
    const s = toImplementation();
    const [first, second] = s.implementation.reviews;
    act(
      s,
      ubndReporter,
      {
        name: 'submitReviewReport',
        payload: { reviewSeq: 1, text: 'Q1', values: { GRDP: '7.2', POVERTY: '1.2', TOP3: '1' } },
      },
      at('2024-06-25T02:00:00Z'),
    );
    closeReview(s, first, at('2024-07-05T02:00:00Z'));
    act(
      s,
      ubndReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 2, text: 'Q2', values: { GRDP: '7.6' } } },
      at('2024-09-25T02:00:00Z'),
    );
    const fx = closeReview(s, second, at('2024-10-05T02:00:00Z'));
    expect(second.results).toEqual({
      GRDP: Achievement.EXCEEDED,
      POVERTY: Achievement.NO_DATA,
      FOREST: Achievement.NO_DATA,
      TOP3: Achievement.NO_DATA,
    });
    expect(second.summary?.headline).toBe('1/4 achieved or exceeded');
    expect(second.lowTargetCodes).toEqual(['POVERTY', 'FOREST', 'TOP3']);
    expect(fx[0]).toMatchObject({ after: { silentUnits: ['hg-btg', 'hg-snn'] } });
  });

  it('a period goal overrides the overall goal for that review', () => {
    const targets: TargetInput[] = [
      { ...TARGETS[2], periodGoals: { 'Sơ kết quý 1': { comparator: Comparator.AT_LEAST, goal: '40' } } },
    ];
    const s = toImplementation(toDissemination(toIssued(), targets));
    const [first, second] = s.implementation.reviews;
    expect(first.expectedUnitIds).toEqual(['hg-btg', 'hg-snn', 'hg-ubnd']);
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Q1', values: { FOREST: '42' } } },
      at('2024-06-25T02:00:00Z'),
    );
    closeReview(s, first, at('2024-07-05T02:00:00Z'));
    expect(first.results).toEqual({ FOREST: Achievement.EXCEEDED });
    act(
      s,
      snnReporter,
      { name: 'submitReviewReport', payload: { reviewSeq: 2, text: 'Q2', values: { FOREST: '42' } } },
      at('2024-09-25T02:00:00Z'),
    );
    closeReview(s, second, at('2024-10-05T02:00:00Z'));
    expect(second.results).toEqual({ FOREST: Achievement.NOT_ACHIEVED });
  });

  it('report refusals: unit not expected → FORBIDDEN; unknown review, unknown target, bad value → INVALID', () => {
    const s = toImplementation();
    const now = at('2024-06-25T02:00:00Z');
    const r = validateAction(
      s,
      outsider,
      { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo', values: {} } },
      now,
    );
    expect(r).toEqual({ kind: 'FORBIDDEN', reason: 'your unit is not asked to report to this review' });
    // The issuing committee's own staff are not a responsible unit either.
    expect(
      validateAction(
        s,
        drafter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'Báo cáo', values: {} } },
        now,
      )?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 99, text: 'x', values: {} } },
        now,
      ),
    ).toEqual({
      kind: 'INVALID',
      reason: 'there is no review number 99',
    });
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: { GDP: '7' } } },
        now,
      ),
    ).toEqual({
      kind: 'INVALID',
      reason: 'unknown target code GDP',
    });
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: { GRDP: '7,2' } } },
        now,
      )?.kind,
    ).toBe('INVALID');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: '', values: {} } },
        now,
      )?.kind,
    ).toBe('INVALID');
  });

  it('reports are refused outside IMPLEMENTATION', () => {
    const s = toDissemination();
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'submitReviewReport', payload: { reviewSeq: 1, text: 'x', values: {} } },
        at('2024-06-25T02:00:00Z'),
      )?.kind,
    ).toBe('WRONG_PHASE');
  });

  it('annual plans: by the drafting team, once per year', () => {
    const s = toImplementation();
    const now = at('2024-04-01T02:00:00Z');
    expect(
      validateAction(
        s,
        ubndReporter,
        { name: 'addAnnualPlan', payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a'] } },
        now,
      )?.kind,
    ).toBe('FORBIDDEN');
    expect(
      validateAction(
        s,
        drafter,
        { name: 'addAnnualPlan', payload: { year: 1999, title: 'Kế hoạch', items: ['a'] } },
        now,
      )?.kind,
    ).toBe('INVALID');
    act(s, drafter, { name: 'addAnnualPlan', payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a', 'b'] } }, now);
    expect(s.implementation.annualPlans).toEqual([
      {
        by: 'hg-cv1',
        at: '2024-04-01T02:00:00.000Z',
        year: 2024,
        title: 'Kế hoạch 2024',
        items: ['a', 'b'],
        tasks: [],
      },
    ]);
    expect(
      validateAction(s, drafter, { name: 'addAnnualPlan', payload: { year: 2024, title: 'Lại', items: ['c'] } }, now)
        ?.kind,
    ).toBe('WRONG_PHASE');
  });

  it('annual plans may add tasks, whose codes must be new to the programme', () => {
    const s = toImplementation();
    const now = at('2024-04-01T02:00:00Z');
    const issued = allTasks(s);
    expect(issued.length).toBeGreaterThan(0);
    const task = {
      code: 'KH24-1',
      title: 'Tổ chức hội nghị xúc tiến đầu tư',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      dueAt: '2024-12-15T10:00:00Z',
    };
    const plan = (tasks: unknown[]) =>
      ({
        name: 'addAnnualPlan',
        payload: { year: 2024, title: 'Kế hoạch 2024', items: ['a'], tasks },
      }) as ProgrammeAction;
    expect(validateAction(s, drafter, plan([{ ...task, code: issued[0].code }]), now)).toEqual({
      kind: 'INVALID',
      reason: `task code ${issued[0].code} is used already in this programme`,
    });
    expect(validateAction(s, drafter, plan([{ ...task, dueAt: 'soon' }]), now)).toEqual({
      kind: 'INVALID',
      reason: 'tasks[0].dueAt must be a date-time',
    });
    expect(validateAction(s, drafter, plan([null]), now)).toEqual({
      kind: 'INVALID',
      reason: 'tasks[0] must be an object',
    });
    act(s, drafter, plan([task]), now);
    expect(allTasks(s).map((t) => t.code)).toEqual([...issued.map((t) => t.code), 'KH24-1']);
    expect(allTasks(s).at(-1)).toEqual({ ...task, coordinatingUnitIds: [] });
  });

  it('entering the final review opens it and asks every responsible unit to report', () => {
    const s = toImplementation();
    const now = at('2026-01-05T02:00:00Z');
    const fx = enterPhase(s, TEMPLATE, Phase.FINAL_REVIEW, now, null, 'term ended');
    const review = s.finalReview.review!;
    expect(review.kind).toBe('FINAL');
    expect(fx.filter((e) => e.type === 'notify').map((e) => e.type === 'notify' && e.kind)).toEqual([
      'REVIEW_OPENED',
      'PHASE_CHANGED',
    ]);
    const opened = fx.find((e) => e.type === 'notify' && e.kind === 'REVIEW_OPENED');
    expect(opened).toMatchObject({
      recipientIds: reviewReporters(s, review),
      params: { period: review.periodLabel, closesAt: review.closesAt },
    });
    expect(reviewReporters(s, review).length).toBeGreaterThan(0);
  });
});

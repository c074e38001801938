import { Comparator } from '../targets/target-achievement';
import { awaiting } from './awaiting';
import { Phase } from './phase';
import { initialState, rememberRequest, type ProgrammeAction, validateAction } from './programme-actions';
import { MAX_REMEMBERED_REQUEST_IDS } from './programme-state';
import { findTemplate, type ProgrammeTemplate } from './programme-template';
import {
  SETUP,
  TEMPLATE,
  act,
  at,
  drafter,
  fresh,
  head,
  invitee1,
  invitee2,
  issuePayload,
  memberInCharge,
  notifications,
  surveyor,
  toApproval,
  toDrafting,
} from './test-fixtures';

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
    const s = initialState(SETUP, findTemplate('work-programme', 1) as ProgrammeTemplate, at('2024-01-15T02:00:00Z'));
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
      after: { round: 1, invitees: 2, deadline: '2024-02-22T02:00:00.000Z', draftVersion: 1, quorum: null },
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

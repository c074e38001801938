/**
 * What the programme specs share: a setup, the people acting on it, targets and tasks, and drivers
 * that take a fresh programme to a given phase. Used by specs only; not exported from the domain.
 */
import { expect } from '@jest/globals';
import type { Actor } from '../org/actor';
import { Role } from '../org/roles';
import { Comparator } from '../targets/target-achievement';
import type { TargetInput } from './actions/issuance';
import { applyAction, initialState, ProgrammeAction, validateAction } from './programme-actions';
import type { ProgrammeEffect } from './programme-effect';
import type { ProgrammeSetup, ProgrammeState, ProgrammeTask } from './programme-state';
import { findTemplate, ProgrammeTemplate } from './programme-template';

export const TEMPLATE = findTemplate('action-programme', 1) as ProgrammeTemplate;

export const SETUP: ProgrammeSetup = {
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
export const drafter: Actor = { personId: 'hg-cv1', unitId: 'hg-tu', roles: [Role.ADVISORY_STAFF] };
export const head: Actor = { personId: 'hg-bithu', unitId: 'hg-tu', roles: [Role.HEAD, Role.STANDING_COMMITTEE] };
export const memberInCharge: Actor = { personId: 'hg-pbt', unitId: 'hg-tu', roles: [Role.KEY_CADRE] };
export const surveyor: Actor = { personId: 'hg-ks1', unitId: 'hg-btg', roles: [Role.STAFF] };
export const invitee1: Actor = { personId: 'hg-tv1', unitId: 'hg-ubnd', roles: [Role.KEY_CADRE] };
export const invitee2: Actor = { personId: 'hg-tv2', unitId: 'hg-hdnd', roles: [Role.KEY_CADRE] };
export const outsider: Actor = { personId: 'hg-x', unitId: 'hg-other', roles: [Role.STAFF] };
/** Staff of another unit: not on the drafting team even though they are advisory staff. */
export const foreignAdvisor: Actor = { personId: 'hg-tg-cv', unitId: 'hg-btg', roles: [Role.ADVISORY_STAFF] };
export const ubndReporter: Actor = { personId: 'ubnd-ct', unitId: 'hg-ubnd', roles: [Role.HEAD] };
export const snnReporter: Actor = { personId: 'snn-gd', unitId: 'hg-snn', roles: [Role.HEAD] };

export const at = (iso: string) => new Date(iso);

export const TARGETS: TargetInput[] = [
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

export const TASKS: ProgrammeTask[] = [
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

export const issuePayload = (
  targets: TargetInput[] = TARGETS,
): Extract<ProgrammeAction, { name: 'issue' }>['payload'] => ({
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
export function act(
  s: ProgrammeState,
  actor: Actor,
  action: ProgrammeAction,
  now: Date,
  requestId = `req-${++seq}`,
): ProgrammeEffect[] {
  expect(validateAction(s, actor, action, now)).toBeNull();
  return applyAction(s, TEMPLATE, actor, action, now, requestId);
}

export const fresh = () => initialState(SETUP, TEMPLATE, at('2024-01-15T02:00:00Z'));

// Drivers to a given phase, each starting where the previous left off.
export function toDrafting(s = fresh()): ProgrammeState {
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
export function toConsultation(s = toDrafting()): ProgrammeState {
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
export function toApproval(s = toConsultation()): ProgrammeState {
  act(s, invitee1, { name: 'submitOpinion', payload: { text: 'Đồng ý' } }, at('2024-02-14T02:00:00Z'));
  act(s, invitee2, { name: 'submitOpinion', payload: { text: 'Bổ sung chỉ tiêu rừng' } }, at('2024-02-15T02:00:00Z'));
  act(s, drafter, { name: 'closeConsultation', payload: {} }, at('2024-02-16T02:00:00Z'));
  act(s, drafter, { name: 'submitForApproval', payload: {} }, at('2024-02-20T02:00:00Z'));
  return s;
}
export function toIssued(s = toApproval()): ProgrammeState {
  act(s, head, { name: 'approve', payload: { note: 'Thông qua' } }, at('2024-03-01T02:00:00Z'));
  return s;
}
export function toDissemination(s = toIssued(), targets: TargetInput[] = TARGETS): ProgrammeState {
  act(s, drafter, { name: 'issue', payload: issuePayload(targets) }, at('2024-03-05T02:00:00Z'));
  return s;
}
export function toImplementation(s = toDissemination()): ProgrammeState {
  act(
    s,
    head,
    { name: 'recordDissemination', payload: { heldOn: '2024-03-20', audienceIds: ['hg-tv1', 'ubnd-ct', 'snn-gd'] } },
    at('2024-03-20T02:00:00Z'),
  );
  return s;
}

export const notifications = (effects: ProgrammeEffect[]) =>
  effects.filter((e): e is Extract<ProgrammeEffect, { type: 'notify' }> => e.type === 'notify');

import { Role } from '../org/roles';
import { validateAction } from '../programme/programme-actions';
import { act, at, fresh, head, memberInCharge, toImplementation } from '../programme/test-fixtures';
import { isMemberInCharge as isTaskMemberInCharge } from '../task/task-permissions';
import { initialTaskState } from '../task/task-actions';
import type { TaskSetup } from '../task/task-state';
import {
  assignTasksByField,
  FieldGroupRef,
  fieldGroupInputProblem,
  fieldGroupProblem,
  supervisedFieldGroups,
} from './field-groups';

const GROUPS: FieldGroupRef[] = [
  { code: 'economy', name: 'Kinh tế', supervisorId: 'hg-pbt', retired: false },
  { code: 'party-building', name: 'Xây dựng Đảng', supervisorId: 'hg-tv1', retired: false },
  { code: 'digital', name: 'Chuyển đổi số', supervisorId: null, retired: false },
  { code: 'old-field', name: 'Lĩnh vực cũ', supervisorId: 'hg-tv1', retired: true },
];

describe('field groups', () => {
  it('names a group of the list in force; unknown and retired ones are refused by name', () => {
    expect(fieldGroupProblem('economy', GROUPS, 'Tỉnh ủy Hậu Giang')).toBeNull();
    expect(fieldGroupProblem('kinh-te', GROUPS, 'Tỉnh ủy Hậu Giang')).toBe(
      'unknown field group kinh-te in Tỉnh ủy Hậu Giang; known: digital, economy, party-building',
    );
    expect(fieldGroupProblem('old-field', GROUPS, 'Tỉnh ủy Hậu Giang')).toBe(
      'field group old-field (Lĩnh vực cũ) is retired in Tỉnh ủy Hậu Giang',
    );
  });

  it('leaves the free text of a province that has no list yet', () => {
    expect(fieldGroupProblem('anything', [], 'Tỉnh ủy Lào Cai')).toBeNull();
  });

  it('checks codes and names', () => {
    expect(fieldGroupInputProblem({ code: 'quoc-phong-an-ninh', name: 'Quốc phòng – An ninh' })).toBeNull();
    expect(fieldGroupInputProblem({ code: 'Kinh Tế', name: 'Kinh tế' })).toMatch(/^code must be/);
    expect(fieldGroupInputProblem({ code: 'economy', name: '   ' })).toBe('name must be a non-empty text');
    expect(fieldGroupInputProblem({ name: 'x'.repeat(501) })).toMatch(/^name must be at most/);
  });

  it('tells the groups a person supervises, retired ones apart', () => {
    expect(supervisedFieldGroups('hg-tv1', GROUPS)).toEqual(['party-building']);
    expect(supervisedFieldGroups('hg-pbt', GROUPS)).toEqual(['economy']);
    expect(supervisedFieldGroups('hg-x', GROUPS)).toEqual([]);
  });

  it("assigns a task by field to the group's supervising member, and refuses what cannot be", () => {
    const tasks = [{ code: 'T1', fieldGroup: 'party-building' }, { code: 'T2' }];
    expect(assignTasksByField(tasks, GROUPS, 'HG')).toEqual({
      tasks: [{ code: 'T1', fieldGroup: 'party-building', memberInChargeId: 'hg-tv1' }, { code: 'T2' }],
    });
    expect(assignTasksByField([{ code: 'T9', fieldGroup: 'digital' }], GROUPS, 'HG')).toEqual({
      problem: 'tasks[0] (T9): field group digital (Chuyển đổi số) has no supervising member',
    });
    expect(assignTasksByField([{ code: 'T9', fieldGroup: 'nope' }], GROUPS, 'HG')).toEqual({
      problem: 'tasks[0] (T9): unknown field group nope in HG; known: digital, economy, party-building',
    });
    expect(assignTasksByField([{ code: 'T9', fieldGroup: 'economy' }], [], 'LC')).toEqual({
      problem: 'tasks[0] (T9): LC has no field groups to assign by',
    });
  });
});

describe("the field group's supervising member holds the member in charge's rights", () => {
  // fresh() is a KINH_TE programme whose member in charge is hg-pbt.
  const supervisor = { personId: 'hg-tv1', unitId: 'hg-btv', roles: [Role.KEY_CADRE] };
  const assign = { name: 'assignSurveyors' as const, payload: { surveyorIds: ['hg-ks1'] } };

  it('on the programme: drafts when supervising its group, is refused otherwise', () => {
    const s = fresh();
    expect(validateAction(s, supervisor, assign, at('2024-01-16T02:00:00Z'))?.kind).toBe('FORBIDDEN');
    const other = { ...supervisor, supervisedFieldGroups: ['party-building'] };
    expect(validateAction(s, other, assign, at('2024-01-16T02:00:00Z'))?.kind).toBe('FORBIDDEN');
    const ofGroup = { ...supervisor, supervisedFieldGroups: ['KINH_TE'] };
    expect(validateAction(s, ofGroup, assign, at('2024-01-16T02:00:00Z'))).toBeNull();
    expect(validateAction(s, memberInCharge, assign, at('2024-01-16T02:00:00Z'))).toBeNull();
  });

  it('on a task: reviews it as its member in charge when supervising its group', () => {
    const setup: TaskSetup = {
      taskId: 'p/T1',
      programmeId: 'p',
      code: 'T1',
      title: 'Việc',
      source: 'PROGRAMME',
      responsibleUnitId: 'hg-skhdt',
      responsiblePersonId: 'hg-skhdt-gd',
      coordinatingUnitIds: [],
      assignerId: 'hg-cv1',
      memberInChargeId: 'hg-pbt',
      fieldGroup: 'party-building',
      issuingUnitId: 'hg-tu',
      isBreakthrough: false,
      dueAt: '2025-01-01T00:00:00Z',
      reminderOffsets: [],
      escalationOffsets: [],
    };
    const s = initialTaskState(setup, at('2024-06-01T00:00:00Z'));
    expect(isTaskMemberInCharge(s, supervisor)).toBe(false);
    expect(isTaskMemberInCharge(s, { ...supervisor, supervisedFieldGroups: ['economy'] })).toBe(false);
    expect(isTaskMemberInCharge(s, { ...supervisor, supervisedFieldGroups: ['party-building'] })).toBe(true);
  });
});

describe('the steering committee', () => {
  const record = { name: 'recordInspection' as const, payload: { findings: 'Kiểm tra tiến độ', unitId: 'hg-ubnd' } };

  it('records inspections, as the inspection commission and the member in charge do; others are refused', () => {
    const s = toImplementation(); // steering committee: head hg-bithu, members hg-pbt and ubnd-ct
    const steeringMember = { personId: 'ubnd-ct', unitId: 'hg-ubnd', roles: [Role.HEAD] };
    const stranger = { personId: 'snn-gd', unitId: 'hg-snn', roles: [Role.HEAD] };
    expect(validateAction(s, stranger, record, at('2024-04-01T02:00:00Z'))?.kind).toBe('FORBIDDEN');
    act(s, steeringMember, record, at('2024-04-01T02:00:00Z'));
    expect(s.implementation.inspections.map((i) => i.by)).toEqual(['ubnd-ct']);
    expect(head.personId).toBe('hg-bithu');
  });
});

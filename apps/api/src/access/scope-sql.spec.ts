import { SqlParams } from '../common/sql-params';
import type { RowScope, Scope } from './scope';
import {
  countedTaskInScope,
  programmeInScope,
  programmeSteeredBy,
  responsivenessInScope,
  taskCountInScope,
  taskInScope,
  taskInvolving,
} from './scope-sql';

const UNITS: RowScope = { kind: 'UNITS', unitIds: ['hg-vt', 'hg-vt-x'] };
const SELF: RowScope = { kind: 'SELF', personId: 'p1' };

describe('programmeInScope', () => {
  it('lets every live programme through for an administrator, binding nothing', () => {
    const params = new SqlParams();
    expect(programmeInScope({ kind: 'ALL' }, 'p', params)).toBe('p.orphaned_at IS NULL');
    expect(params.values).toEqual([]);
  });

  it('keeps the programmes issued by a unit in scope', () => {
    const params = new SqlParams();
    params.add('earlier');
    expect(programmeInScope(UNITS, 'prog', params)).toBe(
      '(prog.orphaned_at IS NULL AND prog.issuing_unit_id = ANY($2::text[]))',
    );
    expect(params.values).toEqual(['earlier', ['hg-vt', 'hg-vt-x']]);
  });

  it("keeps, for someone who supervises nothing, the programmes carrying one of the person's tasks", () => {
    const params = new SqlParams();
    expect(programmeInScope(SELF, 'p', params)).toBe(
      '(p.orphaned_at IS NULL AND EXISTS (SELECT 1 FROM task own WHERE own.programme_id = p.id AND own.responsible_person_id = $1))',
    );
    expect(params.values).toEqual(['p1']);
  });
});

describe('taskInScope', () => {
  it('keeps the live tasks issued by or assigned to a unit in scope, binding the units once', () => {
    const params = new SqlParams();
    expect(taskInScope(UNITS, 't', params)).toBe(
      '(t.orphaned_at IS NULL AND (t.issuing_unit_id = ANY($1::text[]) OR t.responsible_unit_id = ANY($1::text[])))',
    );
    expect(params.values).toEqual([['hg-vt', 'hg-vt-x']]);
  });

  it("keeps a person's own live tasks, and every live task for an administrator", () => {
    const params = new SqlParams();
    expect(taskInScope(SELF, 't', params)).toBe('(t.orphaned_at IS NULL AND t.responsible_person_id = $1)');
    expect(taskInScope({ kind: 'ALL' }, 't', params)).toBe('t.orphaned_at IS NULL');
    expect(params.values).toEqual(['p1']);
  });

  it('writes named placeholders for a query builder', () => {
    const params = new SqlParams('scope');
    expect(taskInScope(SELF, 't', params)).toBe('(t.orphaned_at IS NULL AND t.responsible_person_id = :scope1)');
    expect(params.byName()).toEqual({ scope1: 'p1' });
  });
});

describe('taskCountInScope and countedTaskInScope', () => {
  it('scopes a task_count row by its unit columns alone (orphaned tasks are not counted there)', () => {
    const params = new SqlParams();
    expect(taskCountInScope(UNITS, 'c', params)).toBe(
      '(c.issuing_unit_id = ANY($1::text[]) OR c.responsible_unit_id = ANY($1::text[]))',
    );
    expect(taskCountInScope({ kind: 'ALL' }, 'c', params)).toBe('TRUE');
  });

  it('picks the count row or the live task row by alias', () => {
    const params = new SqlParams();
    expect(countedTaskInScope({ kind: 'ALL' }, 'c', params)).toBe('TRUE');
    expect(countedTaskInScope({ kind: 'ALL' }, 't', params)).toBe('t.orphaned_at IS NULL');
  });
});

describe('taskInvolving', () => {
  it('keeps the tasks a person is responsible for, assigned or oversees as member in charge', () => {
    const params = new SqlParams();
    expect(taskInvolving('p1', 't', params)).toBe(
      '(t.responsible_person_id = $1 OR t.assigner_id = $1 OR t.member_in_charge_id = $1)',
    );
    expect(params.values).toEqual(['p1']);
  });
});

describe('responsivenessInScope', () => {
  it("shows a supervisor the figures of their scope's programmes, grouped as asked", () => {
    const params = new SqlParams();
    const scope: Scope = { kind: 'UNITS', unitIds: ['hg-vt'], committee: { id: 'hg-vt', name: 'Huyện ủy Vị Thủy' } };
    expect(responsivenessInScope(scope, 'unit', 'p', params)).toEqual({
      by: 'unit',
      programmes: '(p.orphaned_at IS NULL AND p.issuing_unit_id = ANY($1::text[]))',
      onlyKey: null,
    });
  });

  it('shows anyone else only their own figures, per person, over every live programme', () => {
    const params = new SqlParams();
    expect(responsivenessInScope({ kind: 'SELF', personId: 'p1', committee: null }, 'unit', 'p', params)).toEqual({
      by: 'person',
      programmes: 'p.orphaned_at IS NULL',
      onlyKey: 'p1',
    });
    expect(params.values).toEqual([]);
  });
});

describe('programmeSteeredBy', () => {
  it("matches the steering committee's head or a member in the projected state, with one parameter", () => {
    const params = new SqlParams();
    const sql = programmeSteeredBy('hg-stc-gd', 'p', params);
    expect(sql).toContain("p.snapshot #>> '{issuance,steeringCommittee,headId}' = $1");
    expect(sql).toContain('@> jsonb_build_array($1::text)');
    expect(sql).toMatch(/^\(p\.orphaned_at IS NULL AND /);
    expect(params.values).toEqual(['hg-stc-gd']);
  });
});

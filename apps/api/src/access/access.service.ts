import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { hasRole, Role, steeringCommitteeIds } from '@app/domain';
import type { Actor, ProgrammeState } from '@app/domain';
import { ProgrammeEntity } from '@app/persistence';
import { programmeWorkflowId } from '@app/temporal';
import { SA_ISSUING_UNIT } from '@app/temporal/search-attributes';
import type { Principal } from '../auth/principal';
import { SqlParams } from '../common/sql-params';
import { AdminScope, adminScopeOf } from './admin-scope';
import { effectiveActor } from './effective-actor';
import { programmeViewer, ProgrammeViewer } from './programme-visibility';
import * as rules from './rules';
import { RestructuringUnits, Scope, SupervisorScope, UnitRow, UnitScopes } from './scope';
import { programmeInScope, programmeSteeredBy, restrictedFrom } from './scope-sql';
import { ContentReader, contentReader } from './secrecy';

/**
 * The one place that answers "may this person see or act on this programme, task, breakthrough
 * cycle, report or unit": services ask here before they read or act, so a rule changes here and
 * nowhere else. An object the caller may not see is 404 before anything about it is told. A write
 * entry point then hands back the actor the workflow is to be told about: the caller with only the
 * roles whose authority covers the object (`effectiveActor`), so the workflow's update validator
 * decides who may do what within that authority. Tasks, breakthrough cycles and rotation have their
 * own services beside this one (task-access, cycle-access, rotation-access), built on its scopes.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    private readonly temporal: Client,
  ) {}

  /** The unit tree as it stands now (`scope.ts`), for the access module's other services. */
  async unitScopes(em: EntityManager = this.dataSource.manager): Promise<UnitScopes> {
    const rows: UnitRow[] = await em.query(
      'SELECT id, parent_id AS "parentId", kind, name, successor_id AS "successorId" FROM org_unit',
    );
    return new UnitScopes(rows);
  }

  // Administration

  /**
   * What the caller administers (403 for anyone but an administrator): every unit, or their province.
   * Read through `em`, so a transaction that has just added units (an import) sees them.
   */
  async adminScope(principal: Principal, em?: EntityManager): Promise<AdminScope> {
    return adminScopeOf(await this.unitScopes(em), principal);
  }

  // Scopes and units

  /** The province (root unit) of each unit, for figures counted per province (unknown units map to themselves). */
  async provincesOf(unitIds: string[]): Promise<Map<string, string>> {
    const units = await this.unitScopes();
    return new Map(unitIds.map((id) => [id, units.has(id) ? units.provinceOf(id) : id]));
  }

  /** What the caller supervises, narrowed to `committeeId` (403 outside it, 404 unknown). */
  async scope(principal: Principal, committeeId?: string): Promise<Scope> {
    const units = await this.unitScopes();
    return { ...units.scopeOf(principal, committeeId), reader: contentReader(principal, units) };
  }

  /** Who the caller is to the secret tier: the restricted programmes whose content they read (`secrecy`). */
  async contentReader(principal: Principal): Promise<ContentReader> {
    return contentReader(principal, await this.unitScopes());
  }

  /** The condition on a programme id (SQL expression) that its content is withheld from the caller (`secrecy`). */
  async restrictedFrom(principal: Principal, programmeId: string, params: SqlParams): Promise<string> {
    return restrictedFrom(await this.contentReader(principal), programmeId, params);
  }

  /** The units the caller may ask an overview of, root first. */
  async unitsInScope(principal: Principal): Promise<ReturnType<UnitScopes['unitsInScope']>> {
    return (await this.unitScopes()).unitsInScope(principal);
  }

  /** Restructuring units: who may (403), and a unit outside the admin's province (400 naming it). */
  async mayRestructure(principal: Principal, units: RestructuringUnits): Promise<void> {
    if (!hasRole(principal, Role.ADMIN, Role.SYSTEM_ADMIN))
      throw new ForbiddenException('only an admin restructures units');
    const problem = (await this.unitScopes()).restructuringProblem(principal, units);
    if (problem) throw new BadRequestException(problem);
  }

  /** The restructurings the caller may read: all for a system admin, else those naming a unit of their province. */
  async restructuringUnitsInScope(principal: Principal): Promise<string[] | null> {
    if (!hasRole(principal, Role.ADMIN, Role.SYSTEM_ADMIN))
      throw new ForbiddenException('only an admin reads restructurings');
    if (hasRole(principal, Role.SYSTEM_ADMIN)) return null;
    const units = await this.unitScopes();
    const province = units.provinceOf(principal.unitId);
    return units.subtreeOf(province);
  }

  /**
   * Reading a unit's open work (what a split hands on): the admins who may restructure it. 403 for
   * anyone else, 404 for an unknown unit, 403 for a unit outside the province (as `GET /admin/units/:id`)
   * or for the province itself (a system admin's). Answers who reads restricted programmes' content.
   */
  async openWorkReader(principal: Principal, unitId: string): Promise<ContentReader> {
    const units = await this.unitScopes();
    const scope = adminScopeOf(units, principal);
    if (!scope.has(unitId)) throw new NotFoundException(`no unit ${unitId}`);
    scope.requireUnit(unitId);
    const problem = units.restructuringProblem(principal, {
      predecessorIds: [unitId],
      successorIds: [],
      newParentIds: [],
    });
    if (problem) throw new ForbiddenException(problem);
    return contentReader(principal, units);
  }

  // Programmes

  /**
   * The condition on programme alias `p` for the programmes the caller may open in the programme API:
   * those of their scope, and those whose steering committee they sit on, wherever they work.
   */
  async readableProgrammes(principal: Principal, p: string, params: SqlParams): Promise<string> {
    const inScope = programmeInScope((await this.unitScopes()).programmeReaders(principal), p, params);
    return `(${inScope} OR ${programmeSteeredBy(principal.personId, p, params)})`;
  }

  /**
   * A programme the caller may open in the programme API and whose content they read; 404 when unknown,
   * outside it, or restricted from them (`secrecy`).
   */
  async readableProgramme(principal: Principal, id: string): Promise<ProgrammeEntity> {
    const params = new SqlParams('access');
    const readable = await this.readableProgrammes(principal, 'p', params);
    const hidden = await this.restrictedFrom(principal, 'p.id', params);
    const programme = await this.programmes
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .andWhere(`${readable} AND NOT ${hidden}`, params.byName())
      .getOne();
    if (!programme) throw new NotFoundException(`programme ${id} not found`);
    return programme;
  }

  /** Who the caller is to a programme they may open, for what of its state they see (`programme-visibility`). */
  async programmeViewer(
    principal: Principal,
    programme: Pick<ProgrammeEntity, 'issuingUnitId' | 'memberInChargeId' | 'snapshot'>,
  ): Promise<ProgrammeViewer> {
    const state = programme.snapshot as Partial<ProgrammeState>;
    return programmeViewer(
      principal,
      {
        issuingUnitId: programme.issuingUnitId,
        memberInChargeId: programme.memberInChargeId,
        issuingHeadId: state.setup?.issuingHeadId ?? null,
        inviteeIds: (state.consultations ?? []).flatMap((r) => r.inviteeIds ?? []),
        steeringIds: steeringCommitteeIds({ issuance: state.issuance ?? null }),
      },
      await this.unitScopes(),
    );
  }

  /** The same, for a programme known by id only (supervision views, after their own scope check). */
  async programmeViewerById(principal: Principal, id: string): Promise<ProgrammeViewer> {
    const programme = await this.programmes.findOne({
      where: { id },
      select: { id: true, issuingUnitId: true, memberInChargeId: true, snapshot: true },
    });
    if (!programme) throw new NotFoundException(`programme ${id} not found`);
    return this.programmeViewer(principal, programme);
  }

  /** A programme in `scope` (supervision views) whose content the scope's reader reads: its title and issuing unit, or 404. */
  async supervisedProgramme(scope: Scope, id: string): Promise<{ id: string; title: string; issuingUnitId: string }> {
    const params = new SqlParams();
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.title, p.issuing_unit_id AS "issuingUnitId" FROM programme p WHERE p.id = ${params.add(id)} AND ${programmeInScope(scope, 'p', params)}
         AND NOT ${restrictedFrom(scope.reader, 'p.id', params)}`,
      params.values,
    );
    if (!row) throw new NotFoundException(`programme ${id} not found in what you may see`);
    return row;
  }

  /** Reading a programme's review reports: whoever sees the programme in their supervision scope. */
  async programmeReports(principal: Principal, id: string): Promise<void> {
    await this.supervisedProgramme(await this.scope(principal), id);
  }

  /** Generating a programme's review report: its supervisors and advisory staff (403), in scope (404). */
  async programmeForReport(principal: Principal, id: string): Promise<void> {
    await this.supervisedProgramme(rules.reportWriterScope(await this.scope(principal)), id);
  }

  /** Creating a programme for `issuingUnitId` (403 for anyone but its leadership and its province's admins). */
  async mayCreateProgramme(principal: Principal, issuingUnitId: string): Promise<void> {
    rules.assertMayCreateProgramme(principal, issuingUnitId, await this.adminReaches(principal, issuingUnitId));
  }

  /** Whether `principal` is an administrator (system, or of the province) of `unitId`. */
  async adminReaches(principal: Principal, unitId: string): Promise<boolean> {
    const units = await this.unitScopes();
    const reach = units.adminReachOf(principal);
    return reach !== null && units.inAdminReach(reach, unitId);
  }

  /**
   * The people a new programme or cycle names (member in charge, issuing head) must be active and belong
   * to the tree of the committee of `unitId` (400 naming the first who does not).
   */
  async namedPeopleInCommittee(unitId: string, people: Array<{ as: string; id: string }>): Promise<void> {
    const units = await this.unitScopes();
    const tree = units.committeeTreeOf(unitId);
    const rows: Array<{ id: string; unitId: string }> = await this.dataSource.query(
      `SELECT id, unit_id AS "unitId" FROM person WHERE id = ANY($1) AND active`,
      [people.map((p) => p.id)],
    );
    const unitOf = new Map(rows.map((r) => [r.id, r.unitId]));
    for (const person of people) {
      const personUnit = unitOf.get(person.id);
      if (!personUnit) throw new BadRequestException(`unknown ${person.as} ${person.id}`);
      if (!tree.includes(personUnit))
        throw new BadRequestException(
          `the ${person.as} ${person.id} works at ${units.nameOf(personUnit)}, outside ${units.nameOf(units.committeeOf(unitId))} and the units below it`,
        );
    }
  }

  /**
   * A staff action on a programme: its workflow and the actor to tell it about; 404 when the caller may
   * not open the programme, so a refusal never tells the phase of one they cannot see.
   */
  async programmeForAction(
    principal: Principal,
    id: string,
  ): Promise<{ workflowId: string; actor: Actor; issuingUnitId: string }> {
    const units = await this.unitScopes();
    const workflowId = programmeWorkflowId(id);
    const row = await this.programmes.findOne({ where: { id }, select: { id: true, issuingUnitId: true } });
    const issuingUnitId = row ? row.issuingUnitId : await this.issuingUnitOfNewProgramme(workflowId);
    const reads =
      issuingUnitId !== null &&
      (units.readsProgrammesOf(principal, issuingUnitId) || (await this.steers(principal, id)));
    if (!issuingUnitId || !reads || (await this.hiddenFrom(principal, id)))
      throw new NotFoundException(`programme ${id} not found`);
    const actor = effectiveActor(principal, { unitIds: [issuingUnitId] }, units);
    return {
      workflowId,
      issuingUnitId,
      actor: await this.withSupervisedFieldGroups(principal, actor, issuingUnitId, units),
    };
  }

  /** Whether the caller sits on the steering committee of programme `id` (as projected). */
  private async steers(principal: Principal, id: string): Promise<boolean> {
    const params = new SqlParams();
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM programme p WHERE p.id = ${params.add(id)} AND ${programmeSteeredBy(principal.personId, 'p', params)}`,
      params.values,
    );
    return rows.length > 0;
  }

  /**
   * The actor with the field groups whose supervising member the caller is, for an object issued by
   * `issuingUnitId`: groups of its province, for what the province's own committee issues (a lower
   * committee's programmes have their own members in charge), while the caller sits on the Standing
   * Committee. The domain then gives them the member in charge's rights over the group's work.
   */
  async withSupervisedFieldGroups(
    principal: Principal,
    actor: Actor,
    issuingUnitId: string,
    units: UnitScopes,
  ): Promise<Actor> {
    if (!hasRole(principal, Role.STANDING_COMMITTEE) || !units.has(issuingUnitId)) return actor;
    const province = units.provinceOf(issuingUnitId);
    if (units.committeeOf(issuingUnitId) !== province) return actor;
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT code FROM field_group WHERE province_id = $1 AND supervisor_id = $2 AND retired_at IS NULL ORDER BY code`,
      [province, principal.personId],
    );
    return rows.length > 0 ? { ...actor, supervisedFieldGroups: rows.map((r) => r.code) } : actor;
  }

  /**
   * The owners a plan item names (units and people) must belong to the tree of the programme's issuing
   * committee: 400 naming the first that does not. Unknown programmes are left to the action's own 404.
   */
  async planOwnersInCommittee(programmeId: string, unitIds: string[], personIds: string[]): Promise<void> {
    const row = await this.programmes.findOne({
      where: { id: programmeId },
      select: { id: true, issuingUnitId: true },
    });
    if (!row) return;
    const units = await this.unitScopes();
    const tree = units.committeeTreeOf(row.issuingUnitId);
    for (const unitId of unitIds) {
      if (!units.has(unitId)) throw new BadRequestException(`unknown owner unit ${unitId}`);
      if (!tree.includes(unitId))
        throw new BadRequestException(
          `the owner unit ${units.nameOf(unitId)} is outside ${units.nameOf(units.committeeOf(row.issuingUnitId))} and the units below it`,
        );
    }
    if (personIds.length > 0)
      await this.namedPeopleInCommittee(
        row.issuingUnitId,
        personIds.map((id) => ({ as: 'owner', id })),
      );
  }

  /**
   * The condition on programme alias `p` for a committee's programmes the caller reads in full (a
   * committee's work programme); 404 for a unit unknown or outside what the caller may read.
   */
  async committeeProgrammes(principal: Principal, unitId: string, p: string, params: SqlParams): Promise<string> {
    const units = await this.unitScopes();
    if (!units.has(unitId) || !units.readsProgrammesOf(principal, unitId))
      throw new NotFoundException(`committee ${unitId} not found among those you may read`);
    const readable = programmeInScope(units.programmeReaders(principal), p, params);
    const hidden = restrictedFrom(contentReader(principal, units), `${p}.id`, params);
    return `${p}.issuing_unit_id = ${params.add(unitId)} AND ${readable} AND NOT ${hidden}`;
  }

  /** Whether programme `id` is restricted and its content is not the caller's (`secrecy`). */
  async hiddenFrom(principal: Principal, id: string): Promise<boolean> {
    const params = new SqlParams();
    const condition = restrictedFrom(contentReader(principal, await this.unitScopes()), params.add(id), params);
    const [row] = await this.dataSource.query(`SELECT ${condition} AS hidden`, params.values);
    return row.hidden === true;
  }

  /** A programme just created has no read-model row yet; its workflow carries the issuing unit from the start. */
  private async issuingUnitOfNewProgramme(workflowId: string): Promise<string | null> {
    try {
      const description = await this.temporal.workflow.getHandle(workflowId).describe();
      return description.typedSearchAttributes.get(SA_ISSUING_UNIT) ?? null;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  // Yearly appraisal

  /** Reading the yearly appraisal figures: a supervisor's scope (a committee within it); 403 otherwise. */
  async appraisalScope(principal: Principal, committeeId?: string): Promise<SupervisorScope> {
    return rules.taskSupervisorScope(await this.scope(principal, committeeId));
  }

  /** Rating a unit or person of `subjectUnitId`: a leader of a committee above it; 403 otherwise. */
  async mayAppraise(principal: Principal, subjectUnitId: string): Promise<void> {
    rules.assertMayAppraise(principal, await this.scope(principal), subjectUnitId);
  }

  // Notifications

  /** The notifications a person may read and mark: those addressed to them. */
  notificationsOf(principal: Principal): { recipientId: string } {
    return { recipientId: principal.personId };
  }
}

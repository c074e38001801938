import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  assignTasksByField,
  findTemplate,
  PROGRAMME_ACTIONS,
  ProgrammeActionName,
  programmeTaskId,
  ProgrammeTask,
  Role,
} from '@app/domain';
import { OrgUnitEntity, PersonEntity, ProgrammeEntity } from '@app/persistence';
import { FaultPoints } from '@app/observability/fault-points';
import { programmeWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import {
  SA_FIELD_GROUP,
  SA_ISSUING_UNIT,
  SA_MEMBER_IN_CHARGE,
  SA_PHASE,
  SA_PROGRAMME_ID,
  SA_TERM,
} from '@app/temporal/search-attributes';
import {
  PROGRAMME_WORKFLOW_TYPE,
  ProgrammeActionResult,
  programmeUpdates,
  ProgrammeWorkflowInput,
} from '@app/workflows/programme/definitions';
import {
  AccessService,
  DocumentAccessService,
  FieldGroupAccessService,
  ProgrammeReadersService,
  ResolutionAccessService,
} from '../access';
import { Principal } from '../auth/principal';
import { ReadYourWritesService } from '../common/read-your-writes.service';
import { payloadShapeErrors } from './dto/action-payloads';
import { planItemOwners } from './dto/payloads/work-plans';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { ActiveUnitsService, unitIdsAssignedIn } from '../organisation/restructuring/active-units.service';
import { ProgrammeActionDto } from './dto/programme-action.dto';

function slugify(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'programme'}-${Date.now().toString(36)}`;
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly temporal: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    private readonly access: AccessService,
    private readonly readers: ProgrammeReadersService,
    private readonly registryAccess: ResolutionAccessService,
    private readonly activeUnits: ActiveUnitsService,
    private readonly fieldGroups: FieldGroupAccessService,
    private readonly readYourWrites: ReadYourWritesService,
    private readonly documents: DocumentAccessService,
    @Optional() private readonly faults: FaultPoints = FaultPoints.OFF,
  ) {}

  async create(dto: CreateProgrammeDto, principal: Principal): Promise<{ id: string; workflowId: string }> {
    const template = findTemplate(dto.templateId);
    if (!template) throw new BadRequestException(`unknown template ${dto.templateId}`);
    const unit = await this.units.findOne({ where: { id: dto.issuingUnitId } });
    if (!unit) throw new BadRequestException(`unknown issuing unit ${dto.issuingUnitId}`);
    await this.access.mayCreateProgramme(principal, unit.id);
    await this.activeUnits.assertActive([unit.id], 'a new programme cannot be issued by this unit');
    const memberInChargeId = await this.memberInChargeOf(dto, unit.id);
    const member = await this.people.findOne({ where: { id: memberInChargeId } });
    if (!member || !member.active) throw new BadRequestException(`unknown member in charge ${memberInChargeId}`);
    const head = await this.people
      .createQueryBuilder('p')
      .where('p.unit_id = :unit AND :role = ANY(p.roles) AND p.active', { unit: unit.id, role: Role.HEAD })
      .orderBy('p.id')
      .getOne();
    if (!head) throw new BadRequestException(`unit ${unit.id} has no head to disseminate the programme`);
    await this.access.namedPeopleInCommittee(unit.id, [
      { as: 'member in charge', id: member.id },
      { as: 'issuing head', id: head.id },
    ]);
    const implemented = await this.implementedEntry(dto, principal, unit.id);
    if (!dto.restricted && (dto.readerIds ?? []).length > 0)
      throw new BadRequestException('readerIds are named only for a restricted programme (restricted: true)');
    // A restricted programme's id must not spell its title: the id is shown to those who do not read it.
    const id = dto.id ?? (dto.restricted ? `mat-${randomUUID().slice(0, 13)}` : slugify(dto.title));
    const workflowId = programmeWorkflowId(id);
    // An id is given once: a programme row left without its workflow (another Temporal) keeps it too.
    if (await this.programmes.exist({ where: { id } })) throw new ConflictException(`programme ${id} exists already`);
    // Marked before the workflow starts, so its first projection is already restricted.
    const undoRestriction = dto.restricted
      ? await this.readers.restrict(principal, id, unit.id, dto.readerIds ?? [])
      : async () => undefined;
    const input: ProgrammeWorkflowInput = {
      setup: {
        programmeId: id,
        title: dto.title,
        templateId: template.id,
        templateVersion: template.version,
        issuingUnitId: unit.id,
        issuingHeadId: head.id,
        memberInChargeId: member.id,
        fieldGroup: dto.fieldGroup,
        term: dto.term,
        implementsResolution: implemented?.number ?? dto.implementsResolution ?? null,
        ...(implemented ? { resolutionId: implemented.id } : {}),
        createdBy: principal.personId,
      },
      template,
    };
    let chainRunId: string;
    try {
      const handle = await this.temporal.workflow.start(PROGRAMME_WORKFLOW_TYPE, {
        taskQueue: this.temporalOptions.taskQueue,
        workflowId,
        args: [input],
        // Never a second workflow under a programme's id, even once the first has closed.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: new TypedSearchAttributes([
          { key: SA_PROGRAMME_ID, value: id },
          { key: SA_PHASE, value: template.phases[0] },
          { key: SA_MEMBER_IN_CHARGE, value: member.id },
          { key: SA_FIELD_GROUP, value: dto.fieldGroup },
          { key: SA_ISSUING_UNIT, value: unit.id },
          { key: SA_TERM, value: dto.term },
        ]),
      });
      chainRunId = handle.firstExecutionRunId;
    } catch (err) {
      await undoRestriction();
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new ConflictException(`programme ${id} exists already`);
      throw err;
    }
    await this.readYourWrites.programme(id, chainRunId);
    return { id, workflowId };
  }

  /**
   * The member in charge of a new programme: the one named, or else the supervising member of its field
   * group. The group must be one in force of the issuing unit's province (400 naming it).
   */
  private async memberInChargeOf(dto: CreateProgrammeDto, issuingUnitId: string): Promise<string> {
    const group = await this.fieldGroups.checkFieldGroup(dto.fieldGroup, issuingUnitId);
    if (dto.memberInChargeId) return dto.memberInChargeId;
    if (!group?.supervisorId)
      throw new BadRequestException(
        `name a memberInChargeId: field group ${dto.fieldGroup} has no supervising member to take it`,
      );
    return group.supervisorId;
  }

  /**
   * Tasks issued or added by an annual plan may name a field group instead of a member in charge: each
   * gets the group's supervising member (400 for a group not in force in the province, or without one).
   */
  private async tasksByField(action: string, payload: Record<string, unknown>, issuingUnitId: string) {
    const tasks = payload.tasks as ProgrammeTask[] | undefined;
    if ((action !== 'issue' && action !== 'addAnnualPlan') || !tasks?.some((t) => t.fieldGroup !== undefined))
      return payload;
    const { province, groups } = await this.fieldGroups.groupsForUnit(issuingUnitId);
    const assigned = assignTasksByField(tasks, groups, province.name);
    if ('problem' in assigned) throw new BadRequestException(assigned.problem);
    return { ...payload, tasks: assigned.tasks };
  }

  /**
   * The steering committee named at issuance gets rights and notices: its head and members must be active
   * people of the issuing committee's tree (400 naming the first who is not).
   */
  private async checkSteeringCommittee(payload: Record<string, unknown>, issuingUnitId: string): Promise<void> {
    const sc = payload.steeringCommittee as { headId: string; memberIds: string[] } | null | undefined;
    if (!sc) return;
    await this.access.namedPeopleInCommittee(issuingUnitId, [
      { as: 'steering committee head', id: sc.headId },
      ...sc.memberIds.map((id) => ({ as: 'steering committee member', id })),
    ]);
  }

  /**
   * The registry entry a new programme implements (400 unknown, or issued below the programme's committee);
   * its number becomes the programme's `implementsResolution`, which is then not given separately.
   */
  private async implementedEntry(
    dto: CreateProgrammeDto,
    principal: Principal,
    issuingUnitId: string,
  ): Promise<{ id: string; number: string } | null> {
    if (dto.resolutionId === undefined) return null;
    const entry = await this.registryAccess.higherResolutionFor(
      principal,
      dto.resolutionId,
      issuingUnitId,
      'resolution',
    );
    if (dto.implementsResolution !== undefined && dto.implementsResolution !== entry.number)
      throw new BadRequestException(
        `implementsResolution is taken from the registry entry (${entry.number}); leave it out or give the same number`,
      );
    return { id: entry.id, number: entry.number };
  }

  /** A staff action: a Temporal update whose validator refuses with a reason (mapped to 4xx). */
  async act(id: string, action: string, dto: ProgrammeActionDto, principal: Principal): Promise<ProgrammeActionResult> {
    if (!(PROGRAMME_ACTIONS as readonly string[]).includes(action))
      throw new NotFoundException(`unknown action ${action}; known: ${PROGRAMME_ACTIONS.join(', ')}`);
    const shapeErrors = payloadShapeErrors(action as ProgrammeActionName, dto.payload);
    if (shapeErrors.length > 0) throw new BadRequestException(shapeErrors);
    const { workflowId, actor, issuingUnitId } = await this.access.programmeForAction(principal, id);
    await this.documents.checkActionDocument(id, action, dto.payload);
    await this.activeUnits.assertActive(unitIdsAssignedIn(dto.payload), 'work cannot be assigned to this unit');
    const owners = planItemOwners(action as ProgrammeActionName, dto.payload);
    if (owners) await this.access.planOwnersInCommittee(id, owners.unitIds, owners.personIds);
    const payload = await this.tasksByField(action, dto.payload, issuingUnitId);
    if (action === 'issue') await this.checkSteeringCommittee(dto.payload, issuingUnitId);
    const handle = this.temporal.workflow.getHandle(workflowId);
    const update = programmeUpdates[action as ProgrammeActionName];
    try {
      const result = (await handle.executeUpdate(update as never, {
        args: [{ actor, requestId: dto.requestId, payload }] as never,
        // The request id doubles as Temporal's update id, so the server de-duplicates retries too.
        updateId: `${action}-${dto.requestId}`,
      })) as ProgrammeActionResult;
      await this.faults.reach('programme-action.accepted', id, result);
      await this.readYourWrites.tasks(taskIdsStartedBy(id, action, dto.payload));
      return result;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      // The workflow has finished (closed, cancelled, superseded) or never existed: say which.
      const programme = await this.programmes.findOne({ where: { id }, select: { id: true, phase: true } });
      if (!programme) throw new NotFoundException(`programme ${id} not found`);
      throw new ConflictException(`programme ${id} is ${programme.phase} and accepts no more actions`);
    }
  }
}

/** The tasks an accepted action starts as workflows (issuance, an annual plan): the caller acts on them next. */
function taskIdsStartedBy(programmeId: string, action: string, payload: unknown): string[] {
  if (action !== 'issue' && action !== 'addAnnualPlan') return [];
  const { tasks, year } = payload as { tasks?: Array<{ code: string }>; year?: number };
  return (tasks ?? []).map((t) => programmeTaskId(programmeId, t.code, action === 'addAnnualPlan' ? year : undefined));
}

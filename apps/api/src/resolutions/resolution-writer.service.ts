import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  documentNumberProblem,
  implementsProblem,
  MAX_DOCUMENT_NUMBER_LENGTH,
  normaliseDocumentNumber,
  RegistryNode,
  ResolutionLevel,
  ResolutionStatus,
  signedOnProblem,
  statusChangeProblem,
  vnDateOf,
} from '@app/domain';
import { ResolutionEntity } from '@app/persistence';
import { AccessService, FieldGroupAccessService, ResolutionAccessService } from '../access';
import type { Principal } from '../auth/principal';
import { ChangeResolutionStatusDto, CreateResolutionDto, UpdateResolutionDto } from './dto/resolution-input.dto';

/** Postgres' unique_violation: a row with the same key exists. */
const UNIQUE_VIOLATION = '23505';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70);
}

/**
 * Creates, changes and ends registry entries. Each write runs in one transaction that first locks the
 * registry against other writers, so the checks (unique number, no cycle) hold when the row is written;
 * registry writes are rare and small, so they queue instead of racing.
 */
@Injectable()
export class ResolutionWriterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registryAccess: ResolutionAccessService,
    private readonly fieldGroups: FieldGroupAccessService,
  ) {}

  async create(dto: CreateResolutionDto, principal: Principal): Promise<{ id: string; number: string; level: string }> {
    const unitId = dto.issuingUnitId ?? null;
    const externalBody = dto.externalBody ?? null;
    if ((unitId === null) === (externalBody === null))
      throw new BadRequestException(
        'name exactly one issuing body: issuingUnitId (a unit) or externalBody (a central body)',
      );
    const level =
      (await this.registryAccess.mayWriteResolution(principal, unitId, 'create')) ?? ResolutionLevel.CENTRAL;
    const number = this.checkedNumber(dto.number);
    this.checkSignedOn(dto.signedOn);
    const memberInChargeId = dto.memberInChargeId ?? (await this.groupSupervisor(dto.fieldGroup, unitId, principal));
    await this.checkMember(unitId, memberInChargeId);
    const higher = dto.implementsId ? await this.higher(principal, dto.implementsId, unitId) : null;
    return this.inRegistryLock(async (tx) => {
      await this.checkNumberFree(tx, { unitId, externalBody, number }, null);
      if (higher) this.checkImplements(await this.links(tx), { id: '', number, level, signedOn: dto.signedOn }, higher);
      const id = dto.id ?? (await this.freeId(tx, `${unitId ?? externalBody}-${number}`));
      if (dto.id && (await tx.findOneBy(ResolutionEntity, { id: dto.id })))
        throw new ConflictException(`a registry entry with id ${dto.id} exists already`);
      await tx.insert(ResolutionEntity, {
        id,
        kind: dto.kind,
        number,
        issuingUnitId: unitId,
        externalBody,
        level,
        signedOn: dto.signedOn,
        title: dto.title.trim(),
        fieldGroup: dto.fieldGroup,
        memberInChargeId,
        status: ResolutionStatus.IN_FORCE,
        replacedById: null,
        implementsId: higher?.id ?? null,
        createdBy: principal.personId,
      });
      return { id, number, level };
    });
  }

  async update(id: string, dto: UpdateResolutionDto, principal: Principal): Promise<void> {
    const current = await this.registryAccess.readableResolution(principal, id);
    await this.registryAccess.mayWriteResolution(principal, current.issuingUnitId, 'change');
    const next = {
      kind: dto.kind ?? current.kind,
      number: dto.number !== undefined ? this.checkedNumber(dto.number) : current.number,
      signedOn: dto.signedOn ?? current.signedOn,
      title: dto.title?.trim() ?? current.title,
      fieldGroup: dto.fieldGroup ?? current.fieldGroup,
      memberInChargeId: dto.memberInChargeId !== undefined ? dto.memberInChargeId : current.memberInChargeId,
      implementsId: dto.implementsId !== undefined ? dto.implementsId : current.implementsId,
    };
    if (dto.signedOn !== undefined) this.checkSignedOn(dto.signedOn);
    if (dto.fieldGroup !== undefined && dto.fieldGroup !== current.fieldGroup)
      await this.fieldGroups.checkFieldGroup(dto.fieldGroup, current.issuingUnitId ?? principal.unitId);
    if (dto.memberInChargeId) await this.checkMember(current.issuingUnitId, dto.memberInChargeId);
    const higher = next.implementsId ? await this.higher(principal, next.implementsId, current.issuingUnitId) : null;
    await this.inRegistryLock(async (tx) => {
      await this.checkNumberFree(
        tx,
        { unitId: current.issuingUnitId, externalBody: current.externalBody, number: next.number },
        id,
      );
      const entry = { id, number: next.number, level: current.level as ResolutionLevel, signedOn: next.signedOn };
      const links = await this.links(tx);
      if (higher) this.checkImplements(links, entry, higher);
      for (const lower of links.nodes.filter((n) => n.implementsId === id && n.signedOn < next.signedOn))
        throw new BadRequestException(
          `${lower.number} implements it and is signed ${lower.signedOn}, before ${next.signedOn}`,
        );
      await tx.update(ResolutionEntity, { id }, { ...next, implementsId: higher?.id ?? null });
    });
  }

  async changeStatus(id: string, dto: ChangeResolutionStatusDto, principal: Principal): Promise<void> {
    const entry = await this.registryAccess.readableResolution(principal, id);
    await this.registryAccess.mayWriteResolution(principal, entry.issuingUnitId, 'change');
    const replacement = dto.replacedById
      ? await this.registryAccess.readableResolution(principal, dto.replacedById).catch(() => {
          throw new BadRequestException(`unknown replacement ${dto.replacedById}`);
        })
      : null;
    await this.inRegistryLock(async (tx) => {
      // Re-read under the lock: another writer may have ended it meanwhile.
      const now = await tx.findOneByOrFail(ResolutionEntity, { id });
      const fresh = replacement ? await tx.findOneByOrFail(ResolutionEntity, { id: replacement.id }) : null;
      const problem = statusChangeProblem(now as RegistryNode, dto.status, fresh as RegistryNode | null);
      if (problem?.kind === 'CONFLICT') throw new ConflictException(problem.reason);
      if (problem) throw new BadRequestException(problem.reason);
      await tx.update(ResolutionEntity, { id }, { status: dto.status, replacedById: fresh?.id ?? null });
    });
  }

  private async inRegistryLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        await tx.query('LOCK TABLE resolution IN SHARE ROW EXCLUSIVE MODE');
        return work(tx);
      });
    } catch (err) {
      // The lock makes this rare; a duplicate written outside the API still answers as one.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION)
        throw new BadRequestException('duplicate number for the same issuing body');
      throw err;
    }
  }

  private checkedNumber(raw: string): string {
    const number = normaliseDocumentNumber(raw);
    const problem = documentNumberProblem(number, MAX_DOCUMENT_NUMBER_LENGTH);
    if (problem) throw new BadRequestException(problem);
    return number;
  }

  private checkSignedOn(signedOn: string): void {
    const problem = signedOnProblem(signedOn, vnDateOf(Date.now()));
    if (problem) throw new BadRequestException(problem);
  }

  /**
   * The field group a new entry names must be one in force of its province (of the caller's, for a
   * central entry; 400 otherwise). An entry of the province's own committee that names no member in
   * charge gets the group's supervising member; others get none.
   */
  private async groupSupervisor(code: string, unitId: string | null, principal: Principal): Promise<string | null> {
    const group = await this.fieldGroups.checkFieldGroup(code, unitId ?? principal.unitId);
    if (!unitId || !group?.supervisorId || !(await this.fieldGroups.ofProvincialCommittee(unitId))) return null;
    return group.supervisorId;
  }

  /** A member in charge is an active person; for a unit's entry, one of its committee's tree. */
  private async checkMember(unitId: string | null, personId: string | null): Promise<void> {
    if (!personId) return;
    if (unitId) return this.access.namedPeopleInCommittee(unitId, [{ as: 'member in charge', id: personId }]);
    const [row] = await this.dataSource.query('SELECT 1 FROM person WHERE id = $1 AND active', [personId]);
    if (!row) throw new BadRequestException(`unknown member in charge ${personId}`);
  }

  /** The entry implemented: readable, and central or of the unit's committee or one above it (400 otherwise). */
  private async higher(principal: Principal, id: string, unitId: string | null): Promise<RegistryNode> {
    const entry = await this.registryAccess.higherResolutionFor(principal, id, unitId, 'implemented entry');
    return entry as RegistryNode;
  }

  private async checkNumberFree(
    tx: EntityManager,
    issuer: { unitId: string | null; externalBody: string | null; number: string },
    exceptId: string | null,
  ): Promise<void> {
    const [row] = await tx.query(
      `SELECT r.id, coalesce(u.name, r.external_body) AS issuer FROM resolution r LEFT JOIN org_unit u ON u.id = r.issuing_unit_id
        WHERE r.number = $1 AND (r.issuing_unit_id = $2 OR r.external_body = $3) AND r.id IS DISTINCT FROM $4`,
      [issuer.number, issuer.unitId, issuer.externalBody, exceptId],
    );
    if (row)
      throw new BadRequestException(
        `duplicate number ${issuer.number} for ${row.issuer}: registry entry ${row.id} has it`,
      );
  }

  private checkImplements(
    links: { nodes: RegistryNode[]; parentOf: (id: string) => string | null },
    entry: Pick<RegistryNode, 'id' | 'number' | 'level' | 'signedOn'>,
    higher: RegistryNode,
  ): void {
    const problem = implementsProblem(entry, higher, links.parentOf);
    if (problem) throw new BadRequestException(problem);
  }

  /** Every entry's "implements" link, read under the registry lock. */
  private async links(tx: EntityManager): Promise<{ nodes: RegistryNode[]; parentOf: (id: string) => string | null }> {
    const nodes: RegistryNode[] = await tx.query(
      `SELECT id, number, level, to_char(signed_on, 'YYYY-MM-DD') AS "signedOn", status, implements_id AS "implementsId" FROM resolution`,
    );
    const parent = new Map(nodes.map((n) => [n.id, n.implementsId]));
    return { nodes, parentOf: (id) => parent.get(id) ?? null };
  }

  private async freeId(tx: EntityManager, base: string): Promise<string> {
    const id = slug(base) || 'resolution';
    const taken = await tx.findOneBy(ResolutionEntity, { id });
    return taken ? `${id}-${Date.now().toString(36)}` : id;
  }
}

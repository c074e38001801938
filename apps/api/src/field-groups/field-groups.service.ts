import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FieldGroupAccessService } from '../access';
import type { Principal } from '../auth/principal';
import { CreateFieldGroupDto, ListFieldGroupsQuery, UpdateFieldGroupDto } from './dto/field-group-input.dto';

/** Postgres' unique_violation: a row with the same key exists. */
const UNIQUE_VIOLATION = '23505';

export interface FieldGroupRow {
  id: string;
  provinceId: string;
  code: string;
  name: string;
  supervisorId: string | null;
  supervisorName: string | null;
  retired: boolean;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT_GROUP = `SELECT g.id, g.province_id AS "provinceId", g.code, g.name, g.supervisor_id AS "supervisorId",
    sp.full_name AS "supervisorName", g.retired_at IS NOT NULL AS retired, g.retired_at AS "retiredAt",
    g.created_at AS "createdAt", g.updated_at AS "updatedAt"
  FROM field_group g LEFT JOIN person sp ON sp.id = g.supervisor_id`;

/**
 * A province's managed list of field groups: listed by everyone of the province, kept by its admins
 * and its Standing Committee's office (`FieldGroupAccessService`). Groups are retired, never deleted.
 */
@Injectable()
export class FieldGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FieldGroupAccessService,
  ) {}

  async list(q: ListFieldGroupsQuery, principal: Principal) {
    const province = await this.access.provinceToRead(principal, q.provinceId);
    const retired = q.includeRetired === 'true' ? '' : 'AND g.retired_at IS NULL';
    const items: FieldGroupRow[] = await this.dataSource.query(
      `${SELECT_GROUP} WHERE g.province_id = $1 ${retired} ORDER BY g.retired_at IS NOT NULL, g.name, g.code`,
      [province.id],
    );
    return { provinceId: province.id, provinceName: province.name, items };
  }

  async create(dto: CreateFieldGroupDto, principal: Principal): Promise<FieldGroupRow> {
    const province = await this.access.provinceToWrite(principal, dto.provinceId);
    await this.access.checkSupervisor(dto.supervisorId, province);
    const id = randomUUID();
    try {
      await this.dataSource.query(
        `INSERT INTO field_group (id, province_id, code, name, supervisor_id, created_by) VALUES ($1,$2,$3,$4,$5,$6)`,
        [id, province.id, dto.code, dto.name.trim(), dto.supervisorId, principal.personId],
      );
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConflictException(`${province.name} has a field group ${dto.code} already`);
      throw err;
    }
    return this.row(this.dataSource.manager, id);
  }

  async update(id: string, dto: UpdateFieldGroupDto, principal: Principal): Promise<FieldGroupRow> {
    const current = await this.writable(id, principal);
    if (dto.supervisorId !== undefined)
      await this.access.checkSupervisor(dto.supervisorId, { id: current.provinceId, name: current.provinceName });
    await this.dataSource.query(
      `UPDATE field_group SET name = $2, supervisor_id = $3, updated_at = now() WHERE id = $1`,
      [id, dto.name?.trim() ?? current.name, dto.supervisorId ?? current.supervisorId],
    );
    return this.row(this.dataSource.manager, id);
  }

  /** Retires a group: nothing new names it; what named it keeps the code (409 when retired already). */
  async retire(id: string, principal: Principal): Promise<FieldGroupRow> {
    await this.writable(id, principal);
    // An UPDATE answers [rows, count]: no row changed means another request retired it first.
    const [, changed]: [unknown[], number] = await this.dataSource.query(
      `UPDATE field_group SET retired_at = now(), updated_at = now() WHERE id = $1 AND retired_at IS NULL`,
      [id],
    );
    const row = await this.row(this.dataSource.manager, id);
    if (changed === 0) throw new ConflictException(`field group ${row.code} is retired already`);
    return row;
  }

  /** A group the caller keeps: 404 when unknown or of a province they may not read, 403 when they only read it. */
  private async writable(id: string, principal: Principal): Promise<FieldGroupRow & { provinceName: string }> {
    const [found] = await this.dataSource.query(`SELECT province_id AS "provinceId" FROM field_group WHERE id = $1`, [
      id,
    ]);
    if (!found) throw new NotFoundException(`field group ${id} not found`);
    await this.access.provinceToRead(principal, found.provinceId).catch(() => {
      throw new NotFoundException(`field group ${id} not found`);
    });
    const province = await this.access.provinceToWrite(principal, found.provinceId);
    return { ...(await this.row(this.dataSource.manager, id)), provinceName: province.name };
  }

  private async row(em: EntityManager, id: string): Promise<FieldGroupRow> {
    const [row] = await em.query(`${SELECT_GROUP} WHERE g.id = $1`, [id]);
    if (!row) throw new NotFoundException(`field group ${id} not found`);
    return row;
  }
}

import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ProgrammeState } from '@app/domain';
import type { Principal } from '../auth/principal';
import { AccessService } from './access.service';
import { leadsProgramme } from './secrecy';

/**
 * Writes the secret tier (`secrecy`): marks a programme restricted when it is created, and lets its
 * issuing committee's leaders change who else reads it. Each change of readers is a row of the
 * programme's audit trail, which only those who read the programme see.
 */
@Injectable()
export class ProgrammeReadersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Marks a programme about to be created restricted, with its readers (each within the issuing
   * committee's tree, 400 otherwise). Written before the workflow starts, so the programme is never
   * listed unrestricted; returns the undo for when the workflow does not start. A programme of that id
   * that exists already keeps what it had (its start then fails with 409).
   */
  async restrict(
    principal: Principal,
    programmeId: string,
    issuingUnitId: string,
    readerIds: readonly string[],
  ): Promise<() => Promise<void>> {
    const readers = [...new Set(readerIds)];
    await this.access.namedPeopleInCommittee(
      issuingUnitId,
      readers.map((id) => ({ as: 'reader', id })),
    );
    const marked: unknown[] = await this.dataSource.query(
      `INSERT INTO restricted_programme (programme_id, restricted_by) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING programme_id`,
      [programmeId, principal.personId],
    );
    if (marked.length === 0) return async () => undefined;
    await this.replaceReaders(programmeId, readers, principal.personId);
    return async () => {
      await this.dataSource.query(`DELETE FROM programme_reader WHERE programme_id = $1`, [programmeId]);
      await this.dataSource.query(`DELETE FROM restricted_programme WHERE programme_id = $1`, [programmeId]);
    };
  }

  /**
   * Replaces the named readers of a restricted programme: 404 for whoever does not read it, 403 for a
   * reader who is not one of its leaders, 409 when it is not restricted, 400 for someone outside the
   * issuing committee's tree.
   */
  async setReaders(
    principal: Principal,
    programmeId: string,
    readerIds: readonly string[],
  ): Promise<{ programmeId: string; readerIds: string[] }> {
    const programme = await this.access.readableProgramme(principal, programmeId);
    const state = programme.snapshot as Partial<ProgrammeState>;
    const reader = await this.access.contentReader(principal);
    const leads = leadsProgramme(reader, {
      issuingUnitId: programme.issuingUnitId,
      memberInChargeId: programme.memberInChargeId,
      issuingHeadId: state.setup?.issuingHeadId ?? null,
    });
    if (!leads)
      throw new ForbiddenException(
        "only the issuing committee's leaders (its head, Standing Committee and the member in charge) name the readers",
      );
    if (!(await this.isRestricted(programmeId)))
      throw new ConflictException(`programme ${programmeId} is not restricted; everyone in scope reads it`);
    const readers = [...new Set(readerIds)].sort();
    await this.access.namedPeopleInCommittee(
      programme.issuingUnitId,
      readers.map((id) => ({ as: 'reader', id })),
    );
    const before = await this.readerIds(programmeId);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM programme_reader WHERE programme_id = $1`, [programmeId]);
      await this.insertReaders(tx, programmeId, readers, principal.personId);
      await tx.query(
        `INSERT INTO audit_event (event_key, programme_id, actor_id, action, occurred_at, before, after)
         VALUES ($1, $2, $3, 'readers.changed', now(), $4, $5)`,
        [
          `readers/${programmeId}/${randomUUID()}`,
          programmeId,
          principal.personId,
          JSON.stringify({ readerIds: before }),
          JSON.stringify({ readerIds: readers }),
        ],
      );
    });
    return { programmeId, readerIds: readers };
  }

  /** Whether the programme is of the secret tier. */
  async isRestricted(programmeId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM restricted_programme WHERE programme_id = $1`, [
      programmeId,
    ]);
    return rows.length > 0;
  }

  /** The named readers of a programme, sorted. */
  async readerIds(programmeId: string): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      `SELECT person_id FROM programme_reader WHERE programme_id = $1 ORDER BY person_id`,
      [programmeId],
    );
    return rows.map((r) => r.person_id);
  }

  private async replaceReaders(programmeId: string, readers: string[], by: string): Promise<void> {
    await this.insertReaders(this.dataSource.manager, programmeId, readers, by);
  }

  private async insertReaders(
    tx: { query: (sql: string, params: unknown[]) => Promise<unknown> },
    programmeId: string,
    readers: string[],
    by: string,
  ): Promise<void> {
    if (readers.length === 0) return;
    await tx.query(
      `INSERT INTO programme_reader (programme_id, person_id, added_by)
       SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
      [programmeId, readers, by],
    );
  }
}

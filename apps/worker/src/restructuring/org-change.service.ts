import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource, EntityManager } from 'typeorm';
import {
  Role,
  planOrgChange,
  type Actor,
  type OrgChangeMapping,
  type OrgChangeRequest,
  type UnitFact,
} from '@app/domain';
import type { OrgChangeAppliedEffects } from '@app/persistence';
import { applyOrgChangeUpdate, type OrgChangeEnvelope } from '@app/workflows/common/org-change-update';
import type { SendPageInput, SendPageResult } from '@app/workflows/restructuring/definitions';
import { namesPredecessor, TARGET_TABLE } from './org-change-targets.sql';

interface ChangeRow {
  id: string;
  kind: string;
  status: string;
  effectiveDate: string;
  request: OrgChangeRequest & { actor: Actor };
}

interface PageRow {
  id: string;
  workflowId: string;
  responsibleUnitId: string | null;
  responsiblePersonId: string | null;
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/** The request id a workflow gets for a change: the same for every resend, different per workflow. */
export function orgChangeRequestId(changeId: string, workflowId: string): string {
  return `oc-${changeId}-${createHash('sha256').update(workflowId).digest('hex').slice(0, 16)}`;
}

/**
 * A restructuring taking effect (the unit tree, the people) and reaching the running workflows.
 * Each step is safe to run again: the change's status guards taking effect, update ids and the
 * workflows' remembered request ids make a resent update a no-op, and the ledger counts each
 * workflow once.
 */
@Injectable()
export class OrgChangeService {
  private readonly logger = new Logger(OrgChangeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: Client,
  ) {}

  private async change(tx: EntityManager | DataSource, id: string, lock = false): Promise<ChangeRow> {
    const [row] = await tx.query(
      `SELECT id, kind, status, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", request FROM org_change WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new Error(`unknown org change ${id}`);
    return row;
  }

  private async unitMap(tx: EntityManager | DataSource, changeId: string): Promise<Record<string, string>> {
    const rows: Array<{ unitId: string; successorId: string }> = await tx.query(
      `SELECT unit_id AS "unitId", successor_id AS "successorId" FROM org_change_unit WHERE change_id = $1`,
      [changeId],
    );
    return Object.fromEntries(rows.map((r) => [r.unitId, r.successorId]));
  }

  /** Predecessors end; units under them move (`planOrgChange`); their people move to the successor. */
  async takeEffect(changeId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const change = await this.change(tx, changeId, true);
      if (change.status !== 'SCHEDULED') return;
      const units: UnitFact[] = await tx.query(
        `SELECT id, name, kind, parent_id AS "parentId", status, successor_id AS "successorId", code,
           to_char(valid_from, 'YYYY-MM-DD') AS "validFrom" FROM org_unit`,
      );
      const plan = planOrgChange(change.request, new Map(units.map((u) => [u.id, u])));
      const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
      for (const [pred, succ] of Object.entries(plan.unitMap))
        await tx.query(
          `UPDATE org_unit SET status = $2, successor_id = $3, valid_to = $4, updated_at = now() WHERE id = $1`,
          [pred, plan.predecessorStatus, succ, plan.validTo],
        );
      for (const r of plan.reparent)
        await tx.query(`UPDATE org_unit SET parent_id = $2, updated_at = now() WHERE id = $1`, [r.unitId, r.parentId]);
      const movedPeople: OrgChangeAppliedEffects['movedPeople'] = [];
      for (const [pred, succ] of Object.entries(plan.unitMap)) {
        // One head per committee: a predecessor's head joins a successor that has one as a member of it.
        const [head] = await tx.query(
          `SELECT 1 FROM person WHERE unit_id = $1 AND $2 = ANY(roles) AND active LIMIT 1`,
          [succ, Role.HEAD],
        );
        // An UPDATE … RETURNING answers [rows, count].
        const [moved]: [Array<{ id: string; droppedHead: boolean }>, number] = await tx.query(
          `UPDATE person p SET unit_id = $2,
             roles = CASE WHEN $3 AND $4 = ANY(p.roles) THEN
               COALESCE(NULLIF(array_remove(p.roles, $4), '{}'), ARRAY[$5]) ELSE p.roles END
           FROM (SELECT id, $3 AND $4 = ANY(roles) AS dropped FROM person WHERE unit_id = $1) before
           WHERE p.id = before.id RETURNING p.id, before.dropped AS "droppedHead"`,
          [pred, succ, !!head, Role.HEAD, Role.STAFF],
        );
        movedPeople.push(...moved.map((m) => ({ personId: m.id, from: pred, to: succ, droppedHead: m.droppedHead })));
        await this.carryPositions(tx, pred, succ, change.effectiveDate, plan.validTo, !!head);
      }
      const effects: OrgChangeAppliedEffects = {
        reparented: plan.reparent.map((r) => ({
          unitId: r.unitId,
          from: parentOf.get(r.unitId) ?? null,
          to: r.parentId,
        })),
        movedPeople,
      };
      await tx.query(
        `UPDATE org_change SET status = 'APPLYING', applied_at = now(), applied_effects = $2 WHERE id = $1`,
        [changeId, JSON.stringify(effects)],
      );
    });
  }

  /**
   * Positions are the source of a person's unit and roles (the position clock recomputes people from
   * them), so the people moved above keep their place only if their positions move too: each position
   * held in the predecessor on the effective date ends the day before, and the same position opens in
   * the successor that day (one that starts later simply moves). A headship the successor already has
   * is not carried (as above), nor a single-holder seat it has filled; the history keeps both.
   */
  private async carryPositions(
    tx: EntityManager,
    pred: string,
    succ: string,
    effectiveDate: string,
    dayBefore: string,
    successorHasHead: boolean,
  ): Promise<void> {
    const held: Array<{
      id: string;
      personId: string;
      title: string;
      roles: string[];
      seat: string | null;
      fields: string[];
      startsOn: string;
      endsOn: string | null;
    }> = await tx.query(
      `SELECT id, person_id AS "personId", title, roles, seat, fields, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
         to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM position WHERE unit_id = $1 AND (ends_on IS NULL OR ends_on >= $2::date) ORDER BY starts_on, id`,
      [pred, effectiveDate],
    );
    for (const p of held) {
      const dropsHead = successorHasHead && p.roles.includes(Role.HEAD);
      const kept = dropsHead ? p.roles.filter((r) => r !== Role.HEAD) : p.roles;
      const roles = kept.length ? kept : [Role.STAFF];
      const startsOn = p.startsOn > effectiveDate ? p.startsOn : effectiveDate;
      const [taken] = p.seat
        ? await tx.query(
            `SELECT 1 FROM position WHERE unit_id = $1 AND seat = $2
               AND daterange(starts_on, ends_on, '[]') && daterange($3::date, $4::date, '[]') LIMIT 1`,
            [succ, p.seat, startsOn, p.endsOn],
          )
        : [];
      const seat = taken || (dropsHead && p.seat === 'HEAD') ? null : p.seat;
      if (p.startsOn >= effectiveDate) {
        await tx.query(`UPDATE position SET unit_id = $2, roles = $3, seat = $4, updated_at = now() WHERE id = $1`, [
          p.id,
          succ,
          roles,
          seat,
        ]);
        continue;
      }
      await tx.query(`UPDATE position SET ends_on = $2, end_reason = $3, updated_at = now() WHERE id = $1`, [
        p.id,
        dayBefore,
        `Sắp xếp tổ chức: chuyển sang đơn vị ${succ} từ ${effectiveDate}`,
      ]);
      await tx.query(
        `INSERT INTO position (id, person_id, unit_id, title, roles, seat, fields, starts_on, ends_on)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)`,
        [p.personId, succ, p.title, roles, seat, p.fields, startsOn, p.endsOn],
      );
    }
  }

  /** One page of workflows naming a predecessor: each is told its units (and a task its person), with bounded concurrency. */
  async sendPage(input: SendPageInput, heartbeat: () => void): Promise<SendPageResult> {
    const change = await this.change(this.dataSource, input.changeId);
    const units = await this.unitMap(this.dataSource, input.changeId);
    const preds = Object.keys(units);
    const table = TARGET_TABLE[input.target];
    const task = input.target === 'TASK';
    const rows: PageRow[] = await this.dataSource.query(
      `SELECT r.id, r.workflow_id AS "workflowId",
         ${task ? 'r.responsible_unit_id' : 'NULL'} AS "responsibleUnitId", ${task ? 'r.responsible_person_id' : 'NULL'} AS "responsiblePersonId"
       FROM ${table} r
       WHERE ${namesPredecessor(input.target, 'r')} AND ($2::text IS NULL OR r.id > $2)
         AND NOT EXISTS (SELECT 1 FROM org_change_workflow w WHERE w.change_id = $3 AND w.workflow_id = r.workflow_id AND w.outcome = 'SKIPPED')
       ORDER BY r.id LIMIT $4`,
      [preds, input.afterId, input.changeId, input.pageSize],
    );
    if (rows.length === 0) return { nextAfterId: null, sent: 0, skipped: 0 };
    await this.keepOriginals(
      input.target,
      rows.map((r) => r.id),
    );
    const items = await this.items(
      input.changeId,
      input.target,
      rows.map((r) => r.id),
    );
    const outcomes: Array<{ workflowId: string; outcome: 'UPDATED' | 'SKIPPED'; reason: string | null }> = [];
    await pool(rows, input.concurrency, async (row) => {
      const item = items.get(row.id);
      const rowUnits = item ? Object.fromEntries(preds.map((p) => [p, item.successorId])) : units;
      const mapping: OrgChangeMapping = { changeId: change.id, effectiveDate: change.effectiveDate, units: rowUnits };
      if (task)
        mapping.responsiblePersonId = await this.responsibleAfter(row, rowUnits, item?.responsiblePersonId ?? null);
      outcomes.push({ workflowId: row.workflowId, ...(await this.send(row.workflowId, change, mapping)) });
      heartbeat();
    });
    await this.dataSource.query(
      `INSERT INTO org_change_workflow (change_id, workflow_id, target, outcome, reason)
       SELECT $1, w.id, $2, w.outcome, w.reason FROM jsonb_to_recordset($3::jsonb) AS w(id text, outcome text, reason text)
       ON CONFLICT (change_id, workflow_id) DO NOTHING`,
      [input.changeId, input.target, JSON.stringify(outcomes.map((o) => ({ ...o, id: o.workflowId })))],
    );
    const skipped = outcomes.filter((o) => o.outcome === 'SKIPPED').length;
    return { nextAfterId: rows[rows.length - 1].id, sent: rows.length - skipped, skipped };
  }

  /** The read model keeps the units a row had before its first restructuring ("as before"). */
  private async keepOriginals(target: SendPageInput['target'], ids: string[]): Promise<void> {
    const set = {
      PROGRAMME: `original_issuing_unit_id = COALESCE(original_issuing_unit_id, issuing_unit_id)`,
      TASK: `original_issuing_unit_id = COALESCE(original_issuing_unit_id, issuing_unit_id),
             original_responsible_unit_id = COALESCE(original_responsible_unit_id, responsible_unit_id)`,
      CYCLE: `original_unit_id = COALESCE(original_unit_id, unit_id)`,
    }[target];
    await this.dataSource.query(`UPDATE ${TARGET_TABLE[target]} SET ${set} WHERE id = ANY($1::text[])`, [ids]);
  }

  private async items(
    changeId: string,
    target: SendPageInput['target'],
    ids: string[],
  ): Promise<Map<string, { successorId: string; responsiblePersonId: string | null }>> {
    if (target === 'CYCLE') return new Map();
    const rows: Array<{ itemId: string; successorId: string; responsiblePersonId: string | null }> =
      await this.dataSource.query(
        `SELECT item_id AS "itemId", successor_id AS "successorId", responsible_person_id AS "responsiblePersonId"
         FROM org_change_item WHERE change_id = $1 AND kind = $2 AND item_id = ANY($3::text[])`,
        [changeId, target, ids],
      );
    return new Map(rows.map((r) => [r.itemId, r]));
  }

  /**
   * Who carries a task whose responsible unit changes: the person the admin named; else the current
   * person when they belong to the new unit (people move with their unit) and are active; else the
   * new unit's head; else (no head) the current person, so the task is never left with nobody.
   */
  private async responsibleAfter(
    row: PageRow,
    units: Record<string, string>,
    named: string | null,
  ): Promise<string | null> {
    const to = row.responsibleUnitId ? units[row.responsibleUnitId] : undefined;
    if (!to) return null;
    if (named) return named;
    const [current] = await this.dataSource.query(`SELECT 1 FROM person WHERE id = $1 AND unit_id = $2 AND active`, [
      row.responsiblePersonId,
      to,
    ]);
    if (current) return null;
    const [head] = await this.dataSource.query(
      `SELECT id FROM person WHERE unit_id = $1 AND $2 = ANY(roles) AND active ORDER BY id LIMIT 1`,
      [to, Role.HEAD],
    );
    return head?.id ?? null;
  }

  private async send(
    workflowId: string,
    change: ChangeRow,
    mapping: OrgChangeMapping,
  ): Promise<{ outcome: 'UPDATED' | 'SKIPPED'; reason: string | null }> {
    const requestId = orgChangeRequestId(change.id, workflowId);
    const env: OrgChangeEnvelope = { actor: change.request.actor, requestId, payload: mapping };
    try {
      await this.client.workflow
        .getHandle(workflowId)
        .executeUpdate(applyOrgChangeUpdate, { args: [env], updateId: `applyOrgChange-${requestId}` });
      return { outcome: 'UPDATED', reason: null };
    } catch (err) {
      // Closed since the read model saw it open, or refused by its validator: nothing to tell, say why.
      if (
        err instanceof WorkflowNotFoundError ||
        err instanceof WorkflowUpdateFailedError ||
        /already completed/i.test(String(err))
      ) {
        this.logger.warn(`org change ${change.id}: ${workflowId} skipped: ${(err as Error).message}`);
        return { outcome: 'SKIPPED', reason: (err as Error).message.slice(0, 500) };
      }
      throw err;
    }
  }

  /** Open rows still naming a predecessor (skipped workflows left out): 0 when the read model agrees. */
  async outstanding(changeId: string): Promise<number> {
    const preds = Object.keys(await this.unitMap(this.dataSource, changeId));
    let total = 0;
    for (const target of ['PROGRAMME', 'TASK', 'CYCLE'] as const) {
      const [row] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM ${TARGET_TABLE[target]} r WHERE ${namesPredecessor(target, 'r')}
           AND NOT EXISTS (SELECT 1 FROM org_change_workflow w WHERE w.change_id = $2 AND w.workflow_id = r.workflow_id AND w.outcome = 'SKIPPED')`,
        [preds, changeId],
      );
      total += row.n;
    }
    return total;
  }

  async complete(changeId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE org_change SET status = 'DONE', completed_at = COALESCE(completed_at, now()) WHERE id = $1`,
      [changeId],
    );
  }
}

import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * New work goes to units that exist: a programme issued, a cycle opened, a task or target assigned
 * by or to a merged, split or abolished unit is refused with a 400 naming its successor.
 */
@Injectable()
export class ActiveUnitsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 400 for the first of `unitIds` that a restructuring ended; `what` says what it was named for. */
  async assertActive(unitIds: Array<string | null | undefined>, what: string): Promise<void> {
    const ids = [...new Set(unitIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    const [ended]: Array<{ name: string; status: string; successorId: string | null; successorName: string | null }> =
      await this.dataSource.query(
        `SELECT u.name, u.status, u.successor_id AS "successorId", s.name AS "successorName"
         FROM org_unit u LEFT JOIN org_unit s ON s.id = u.successor_id
         WHERE u.id = ANY($1::text[]) AND u.status <> 'ACTIVE' ORDER BY u.id LIMIT 1`,
        [ids],
      );
    if (!ended) return;
    const successor = ended.successorId ? `: use its successor ${ended.successorName} (${ended.successorId})` : '';
    throw new BadRequestException(`${what}: ${ended.name} is ${ended.status.toLowerCase()}${successor}`);
  }
}

/** The unit ids an action's payload assigns work to: targets' and tasks' units, a reassignment's unit. */
export function unitIdsAssignedIn(payload: unknown): string[] {
  const ids: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'responsibleUnitId' || key === 'toUnitId') && typeof v === 'string') ids.push(v);
      else if (key === 'coordinatingUnitIds' && Array.isArray(v)) ids.push(...v.filter((x) => typeof x === 'string'));
      else visit(v, depth + 1);
    }
  };
  visit(payload, 0);
  return ids;
}

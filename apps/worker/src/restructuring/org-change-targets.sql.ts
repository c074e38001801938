import { TERMINAL_PHASES } from '@app/domain';
import type { FanOutTarget } from '@app/workflows/restructuring/definitions';

/**
 * Which open rows of the read model name a predecessor (`$1`, text[]): the one place the fan-out
 * and its convergence check say so. `alias` names the row; each returns its id and workflow id.
 */
export const TARGET_TABLE: Record<FanOutTarget, string> = {
  PROGRAMME: 'programme',
  TASK: 'task',
  CYCLE: 'breakthrough_cycle',
};

const TERMINAL = TERMINAL_PHASES.map((p) => `'${p}'`).join(', ');

export function namesPredecessor(target: FanOutTarget, r: string): string {
  switch (target) {
    case 'PROGRAMME':
      return `${r}.phase NOT IN (${TERMINAL}) AND (${r}.issuing_unit_id = ANY($1::text[])
        OR EXISTS (SELECT 1 FROM programme_target pt WHERE pt.programme_id = ${r}.id AND pt.responsible_unit_id = ANY($1::text[]))
        OR EXISTS (SELECT 1 FROM task pt WHERE pt.programme_id = ${r}.id AND pt.status NOT IN ('DONE', 'CANCELLED')
          AND pt.responsible_unit_id = ANY($1::text[])))`;
    case 'TASK':
      return `${r}.status NOT IN ('DONE', 'CANCELLED') AND (${r}.responsible_unit_id = ANY($1::text[])
        OR ${r}.issuing_unit_id = ANY($1::text[]) OR ${r}.coordinating_unit_ids && $1::text[])`;
    case 'CYCLE':
      return `${r}.phase <> 'CLOSED' AND ${r}.unit_id = ANY($1::text[])`;
  }
}

/** What the read-model administration routes answer. */
import {
  ApiBoolean,
  ApiDateTime,
  ApiInt,
  ApiNestedList,
  ApiNullableDateTime,
  ApiNullableFreeObject,
  ApiNullableString,
  ApiString,
} from '../../openapi/schema-props';

export class ReconcileTriggeredResponse {
  @ApiNullableString({
    description:
      "the run's id (`<workflow id>/<run id>`; the id of its row in GET /admin/read-model/reconciliations); null if it had not started within a few seconds",
  })
  reconciliationId: string | null;
  @ApiNullableString({ description: "the run's Temporal run id" }) runId: string | null;
  @ApiBoolean({ description: 'false: a run was going on already, and it is the one named (runs never overlap)' })
  started: boolean;
}

export class ReconciliationRunResponse {
  @ApiString() id: string;
  @ApiDateTime() startedAt: string;
  @ApiNullableDateTime({ description: 'null while the run goes on' }) finishedAt: string | null;
  @ApiInt({ description: 'workflows and rows compared' }) checked: number;
  @ApiInt({ description: 'rows that drifted from their workflow, written again from it' }) repaired: number;
  @ApiInt({ description: 'rows missing for a running workflow, written from it' }) created: number;
  @ApiInt({ description: 'rows without a workflow of their run chain, marked orphaned' }) orphaned: number;
  @ApiNullableFreeObject({ description: 'counts per kind (byKind) and the first findings (kind, id, what, why)' })
  details: Record<string, unknown> | null;
}

export class ReconciliationRunsResponse {
  @ApiNestedList(() => ReconciliationRunResponse) items: ReconciliationRunResponse[];
  @ApiInt() total: number;
}

import { Client } from '@temporalio/client';
import type { ProgrammeActivities } from '@app/workflows/programme/activity-interfaces';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import { projectionActivity } from '../common/workflow-view';
import { ProgrammeProjectionService } from './programme-projection.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createProgrammeActivities(projection: ProgrammeProjectionService, client: Client): ProgrammeActivities {
  return {
    publishProgrammeChanges: projectionActivity(
      client,
      programmeViewQuery,
      { carried: (input) => ('state' in input ? input.state : undefined), fromView: (view) => view.state },
      // Older histories call the audit rows `audits`.
      (input, state) =>
        projection.publish(
          {
            workflowId: input.workflowId,
            events: 'audits' in input ? input.audits : input.events,
            notifications: input.notifications,
            chain: 'chain' in input ? input.chain : undefined,
          },
          state,
        ),
    ),
  };
}

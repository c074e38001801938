import { Client } from '@temporalio/client';
import type { ProgrammeActivities } from '@app/workflows/programme/activity-interfaces';
import { programmeViewQuery } from '@app/workflows/programme/definitions';
import { ProgrammeProjectionService } from './programme-projection.service';

/**
 * Activities over Nest providers: the worker's Nest context supplies the dependencies. The state to
 * project is read from the workflow through its `view` query (not recorded in history), so the
 * activity's input stays small whatever the size of the programme.
 */
export function createProgrammeActivities(projection: ProgrammeProjectionService, client: Client): ProgrammeActivities {
  return {
    async publishProgrammeChanges(input) {
      const state = input.state ?? (await client.workflow.getHandle(input.workflowId).query(programmeViewQuery)).state;
      await projection.publish(input, state);
    },
  };
}

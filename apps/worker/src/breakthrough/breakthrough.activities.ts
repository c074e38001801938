import { Client } from '@temporalio/client';
import { cycleRecord } from '@app/workflows/breakthrough/cycle-view';
import { BreakthroughActivities, breakthroughViewQuery } from '@app/workflows/breakthrough/definitions';
import { projectionActivity } from '../common/workflow-view';
import { BreakthroughProjectionService } from './breakthrough-projection.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createBreakthroughActivities(
  projection: BreakthroughProjectionService,
  client: Client,
): BreakthroughActivities {
  return {
    publishBreakthroughChanges: projectionActivity(
      client,
      breakthroughViewQuery,
      { carried: (input) => ('cycle' in input ? input.cycle : undefined), fromView: cycleRecord },
      (input, cycle) => projection.publish(input, cycle),
    ),
  };
}

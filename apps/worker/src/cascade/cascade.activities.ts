import { Client } from '@temporalio/client';
import { cascadeViewQuery, type CascadeActivities } from '@app/workflows/cascade/definitions';
import { projectionActivity } from '../common/workflow-view';
import { CascadeProjectionService } from './cascade-projection.service';

/** The obligation workflow's projection; `loadWorkingCalendar` is the task workflow's activity, registered once. */
export function createCascadeActivities(
  projection: CascadeProjectionService,
  client: Client,
): Pick<CascadeActivities, 'publishCascadeChanges'> {
  return {
    publishCascadeChanges: projectionActivity(
      client,
      cascadeViewQuery,
      { carried: () => undefined, fromView: (view) => view.state },
      (input, state) => projection.publish(input, state),
    ),
  };
}

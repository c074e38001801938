import { Client } from '@temporalio/client';
import type { TaskActivities } from '@app/workflows/task/activity-interfaces';
import { taskViewQuery } from '@app/workflows/task/definitions';
import { projectionActivity } from '../common/workflow-view';
import { TaskProjectionService } from './task-projection.service';
import { WorkingCalendarLoaderService } from './working-calendar-loader.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createTaskActivities(
  projection: TaskProjectionService,
  calendar: WorkingCalendarLoaderService,
  client: Client,
): TaskActivities {
  return {
    publishTaskChanges: projectionActivity(
      client,
      taskViewQuery,
      { carried: (input) => ('state' in input ? input.state : undefined), fromView: (view) => view.state },
      (input, state) => projection.publish(input, state),
    ),
    loadWorkingCalendar: (input) => calendar.load(input),
    loadTaskSnapshot: ({ taskId }) => projection.snapshot(taskId),
  };
}

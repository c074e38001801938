import type { TaskActivities } from '@app/workflows/task/activity-interfaces';
import { TaskProjectionService } from './task-projection.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createTaskActivities(projection: TaskProjectionService): TaskActivities {
  return {
    publishTaskChanges: (input) => projection.publish(input),
  };
}

import type { TaskActivities } from '@app/workflows/task/activity-interfaces';
import { TaskProjectionService } from './task-projection.service';
import { WorkingCalendarLoaderService } from './working-calendar-loader.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createTaskActivities(
  projection: TaskProjectionService,
  calendar: WorkingCalendarLoaderService,
): TaskActivities {
  return {
    publishTaskChanges: (input) => projection.publish(input),
    loadWorkingCalendar: (input) => calendar.load(input),
  };
}

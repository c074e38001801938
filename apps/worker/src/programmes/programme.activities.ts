import type { ProgrammeActivities } from '@app/workflows/programme/activity-interfaces';
import { ProgrammeProjectionService } from './programme-projection.service';

/** Activities over Nest providers: the worker's Nest context supplies the dependencies. */
export function createProgrammeActivities(projection: ProgrammeProjectionService): ProgrammeActivities {
  return {
    publishProgrammeChanges: (input) => projection.publish(input),
  };
}

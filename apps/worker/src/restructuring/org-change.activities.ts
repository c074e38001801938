import { Context } from '@temporalio/activity';
import type { OrgChangeActivities } from '@app/workflows/restructuring/definitions';
import { OrgChangeService } from './org-change.service';

/** Activities over the Nest provider: the worker's Nest context supplies the dependencies. */
export function createOrgChangeActivities(service: OrgChangeService): OrgChangeActivities {
  return {
    takeOrgChangeEffect: (changeId) => service.takeEffect(changeId),
    sendOrgChangePage: (input) => service.sendPage(input, () => Context.current().heartbeat()),
    orgChangeOutstanding: (changeId) => service.outstanding(changeId),
    completeOrgChange: (changeId) => service.complete(changeId),
  };
}

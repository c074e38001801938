import { ForbiddenException, Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { SupervisionScopeService } from '../supervision/supervision-scope.service';

/**
 * Which units' tasks a supervisor sees. One rule for the whole product: the supervision scope (a
 * committee's head, Standing Committee, inspectors and advisory staff see the committee's subtree; a
 * department head their department; an administrator everything, as null). Someone who supervises
 * nothing is refused here; their own tasks are under GET /tasks.
 */
@Injectable()
export class TaskScopeService {
  constructor(private readonly scope: SupervisionScopeService) {}

  async unitsOf(p: Principal): Promise<string[] | null> {
    const scope = await this.scope.resolve(p);
    if (scope.kind === 'ALL') return null;
    if (scope.kind === 'SELF')
      throw new ForbiddenException(
        'only a head, the Standing Committee, inspectors or advisory staff supervise tasks; your own tasks are under GET /tasks',
      );
    return scope.unitIds;
  }
}

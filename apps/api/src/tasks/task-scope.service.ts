import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { hasRole, OrgTree, OrgUnitKind, Role } from '@app/domain';
import { OrgUnitEntity } from '@app/persistence';
import { Principal } from '../auth/principal';

/** Roles that supervise tasks in their units. */
export const SUPERVISOR_ROLES: readonly Role[] = [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE, Role.ADMIN];

/**
 * Which units' tasks a supervisor sees: the subtree of their own unit; a Standing Committee sees
 * its whole committee's subtree. An admin sees everything (null).
 */
@Injectable()
export class TaskScopeService {
  constructor(@InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>) {}

  async unitsOf(p: Principal): Promise<string[] | null> {
    if (!hasRole(p, ...SUPERVISOR_ROLES)) throw new ForbiddenException('only a unit head, the Standing Committee or a key cadre supervises tasks');
    if (hasRole(p, Role.ADMIN)) return null;
    const all = await this.units.find({ select: { id: true, parentId: true, kind: true } });
    const tree = new OrgTree(all);
    const own = all.find((u) => u.id === p.unitId);
    const root = own?.kind === OrgUnitKind.STANDING_COMMITTEE && own.parentId ? own.parentId : p.unitId;
    return tree.subtreeOf(root);
  }
}

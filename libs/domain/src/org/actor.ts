import { Role } from './roles';

/** Who performs an action: every staff action names one. */
export interface Actor {
  personId: string;
  unitId: string;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

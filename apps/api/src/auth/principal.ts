import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@app/domain';

/** The authenticated person behind a request; every action names it as its actor. */
export interface Principal extends Actor {
  username: string;
  fullName: string;
  roles: Role[];
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});

export function toActor(p: Principal): Actor {
  return { personId: p.personId, unitId: p.unitId, roles: p.roles };
}

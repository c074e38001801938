import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { hasRole, Role } from '@app/domain';
import type { Principal } from './principal';

export const ADMIN_ROLE_NEEDED = 'this needs the ADMIN or SYSTEM_ADMIN role';
export const SYSTEM_ADMIN_ROLE_NEEDED = 'this needs the SYSTEM_ADMIN role';

function principalOf(ctx: ExecutionContext): Principal | undefined {
  return ctx.switchToHttp().getRequest().principal;
}

/**
 * After the global JWT guard: only administrators pass, provincial (ADMIN) or system (SYSTEM_ADMIN).
 * Which units and people a provincial admin reaches is the access module's to decide (`adminScope`).
 */
@Injectable()
export class AdminRoleGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal = principalOf(ctx);
    if (!principal || !hasRole(principal, Role.ADMIN, Role.SYSTEM_ADMIN))
      throw new ForbiddenException(ADMIN_ROLE_NEEDED);
    return true;
  }
}

/** After the global JWT guard: only system administrators pass (calendars, webhooks, queues, health details). */
@Injectable()
export class SystemAdminGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal = principalOf(ctx);
    if (!principal || !hasRole(principal, Role.SYSTEM_ADMIN)) throw new ForbiddenException(SYSTEM_ADMIN_ROLE_NEEDED);
    return true;
  }
}

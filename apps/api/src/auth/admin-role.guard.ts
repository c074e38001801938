import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { hasRole, Role } from '@app/domain';
import type { Principal } from './principal';

/**
 * After the global JWT guard: only administrators pass, provincial (ADMIN) or system (SYSTEM_ADMIN);
 * which units a provincial admin reaches is the access module's to decide (`adminScope`).
 */
@Injectable()
export class AdminRoleGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal: Principal | undefined = ctx.switchToHttp().getRequest().principal;
    if (!principal || !hasRole(principal, Role.ADMIN, Role.SYSTEM_ADMIN))
      throw new ForbiddenException('this needs the ADMIN or SYSTEM_ADMIN role');
    return true;
  }
}

import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Role } from '@app/domain';
import type { Principal } from './principal';

/** After the global JWT guard: only people holding the ADMIN role pass. */
@Injectable()
export class AdminRoleGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal: Principal | undefined = ctx.switchToHttp().getRequest().principal;
    if (!principal?.roles.includes(Role.ADMIN)) throw new ForbiddenException('this needs the ADMIN role');
    return true;
  }
}

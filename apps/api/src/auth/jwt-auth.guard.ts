import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { AuthenticatedRequest, MUST_CHANGE_PASSWORD } from './auth.tokens';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC } from './public.decorator';
import { ACCESS_COOKIE, CSRF_REFUSED, readCookie, SessionCookies } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(req: AuthenticatedRequest): string | undefined {
  const header: unknown = req.headers?.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/**
 * Global guard: every route needs a session unless marked @Public(): a bearer token (API clients) or
 * the session cookie (the browser), in which case a method that changes something must also carry
 * the CSRF token. A person whose password was reset reaches only the routes that let them change it.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = bearerToken(req);
    const token = bearer ?? readCookie(req, ACCESS_COOKIE);
    if (!token)
      throw new UnauthorizedException('missing bearer token (Authorization: Bearer <token>) or session cookie');
    const auth = await this.auth.authenticate(token);
    const viaCookie = bearer === undefined;
    if (viaCookie && !SAFE_METHODS.has(req.method) && !this.cookies.csrfMatches(req, auth.sessionId))
      throw new ForbiddenException(CSRF_REFUSED);
    if (auth.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets))
      throw new ForbiddenException(MUST_CHANGE_PASSWORD);
    req.principal = auth.principal;
    req.authSession = { id: auth.sessionId, mustChangePassword: auth.mustChangePassword, viaCookie };
    return true;
  }
}

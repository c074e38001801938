import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { API_CONFIG, ApiConfig } from '../api.config';
import { ApiErrors, ApiRetryLater } from '../openapi/error.response';
import { AuthService, IssuedSession } from './auth.service';
import { LoginResponse, MeResponse } from './dto/auth.response';
import { AuthenticatedRequest, clientIp } from './auth.tokens';
import { bearerToken } from './jwt-auth.guard';
import { ChangePasswordDto, LoginDto, RefreshDto } from './login.dto';
import { PasswordService } from './password.service';
import { CurrentPrincipal, Principal } from './principal';
import { AllowedBeforePasswordChange, Public } from './public.decorator';
import { RetryAfterFilter } from './retry-later';
import { ACCESS_COOKIE, CSRF_REFUSED, readCookie, REFRESH_COOKIE, SessionCookies } from './session-cookies';

/** Set by every answer that opens, renews or ends a cookie session. */
const SESSION_COOKIES = {
  'Set-Cookie': {
    description:
      'cookie mode only: `ap_access` (HttpOnly), `ap_refresh` (HttpOnly, Path=/auth) and `csrf` (readable), all SameSite=Strict; cleared on logout',
    schema: { type: 'string' },
  },
};

@ApiTags('auth')
@Controller('auth')
@UseFilters(RetryAfterFilter)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly cookies: SessionCookies,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: an access token (short-lived) and a refresh token, or with session=cookie the same in cookies',
  })
  @ApiOkResponse({ type: LoginResponse, headers: SESSION_COOKIES })
  @ApiErrors({ 401: 'wrong username or password (the same answer for an unknown or disabled account)' })
  @ApiRetryLater({
    429: 'too many failed logins for this username or from this address: try again after Retry-After seconds',
    503: 'the server is busy checking passwords, or the login throttle is unavailable: try again shortly',
  })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const issued = await this.auth.login(dto.username, dto.password, clientIp(req));
    return this.answer(issued, dto.session === 'cookie', req, res);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Trade a refresh token (body, or the cookie plus X-CSRF-Token) for new tokens; a reused one ends the session',
  })
  @ApiBody({ type: RefreshDto, required: false, description: 'none when the refresh token comes as the cookie' })
  @ApiOkResponse({
    type: LoginResponse,
    headers: SESSION_COOKIES,
    description: 'the renewed session: tokens (body) or cookies (when the refresh token came as the cookie)',
  })
  @ApiErrors({
    401: 'no refresh token, or it is unknown, expired or was already used (a reuse ends the whole session)',
    403: 'the refresh token came as the cookie without the CSRF token (X-CSRF-Token = the `csrf` cookie)',
  })
  async refresh(@Body() dto: RefreshDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    // An optional field may come as null (the validators let it through): null is "not given".
    const viaCookie = dto.refreshToken == null;
    const token = dto.refreshToken ?? readCookie(req, REFRESH_COOKIE);
    if (!token)
      throw new UnauthorizedException('missing refresh token (refreshToken in the body, or the session cookie)');
    if (viaCookie) {
      const sessionId = await this.auth.sessionOfRefreshToken(token);
      if (sessionId && !this.cookies.csrfMatches(req, sessionId)) throw new ForbiddenException(CSRF_REFUSED);
    }
    return this.answer(await this.auth.refresh(token), viaCookie, req, res);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'End the session named by the bearer token, a refresh token (body) or the session cookies; clears the cookies',
  })
  // Any one of them names the session; a refresh token in the body needs no other credential.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiBody({
    type: RefreshDto,
    required: false,
    description: 'none when a bearer token or the cookies name the session',
  })
  @ApiNoContentResponse({ description: 'the session has ended', headers: SESSION_COOKIES })
  @ApiErrors({
    401: 'nothing names a session: no valid bearer token, refresh token or session cookie',
    403: 'the session cookies came without the CSRF token (X-CSRF-Token = the `csrf` cookie)',
  })
  async logout(@Body() dto: RefreshDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const sessionId = await this.sessionToEnd(dto, req);
    await this.auth.logout(sessionId);
    this.cookies.clear(req, res);
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The authenticated person, and whether they must change their password first' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentPrincipal() principal: Principal, @Req() req: AuthenticatedRequest) {
    return { ...principal, mustChangePassword: req.authSession?.mustChangePassword ?? false };
  }

  @Post('password')
  @HttpCode(200)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password (12-128 characters, not the username, not common): ends every session, answers a new one',
  })
  @ApiOkResponse({
    type: LoginResponse,
    headers: SESSION_COOKIES,
    description: 'a new session, in the same form as the one that asked (tokens, or cookies)',
  })
  @ApiErrors({
    400: 'The request does not pass validation, or the new password breaks the policy (every reason listed)',
    403: 'the current password is not correct (counted like a failed login)',
  })
  @ApiRetryLater({
    429: 'too many wrong current passwords or failed logins for this username: try again after Retry-After seconds',
    503: 'the server is busy checking passwords, or the login throttle is unavailable: try again shortly',
  })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const issued = await this.passwords.change(principal, dto.currentPassword, dto.newPassword, clientIp(req));
    return this.answer(issued, req.authSession?.viaCookie ?? false, req, res);
  }

  /** Cookie mode puts no token in the body, so script on the page never holds one. */
  private answer(issued: IssuedSession, cookieMode: boolean, req: Request, res: Response): LoginResponse {
    const common = {
      expiresIn: this.config.JWT_TTL_SECONDS,
      refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString(),
      principal: issued.principal,
      mustChangePassword: issued.mustChangePassword,
    };
    if (cookieMode) return { tokenType: 'cookie', csrfToken: this.cookies.set(req, res, issued), ...common };
    return { accessToken: issued.accessToken, tokenType: 'Bearer', refreshToken: issued.refreshToken, ...common };
  }

  /** Bearer header first, then a refresh token in the body, then the cookies (which need the CSRF token). */
  private async sessionToEnd(dto: RefreshDto, req: Request): Promise<string> {
    const bearer = bearerToken(req);
    if (bearer !== undefined) {
      const sessionId = await this.auth.sessionIdOf(bearer);
      if (!sessionId) throw new UnauthorizedException('the access token is invalid or expired');
      return sessionId;
    }
    if (dto.refreshToken != null) return this.sessionOfRefresh(dto.refreshToken);
    const refreshCookie = readCookie(req, REFRESH_COOKIE);
    const accessCookie = readCookie(req, ACCESS_COOKIE);
    const sessionId = refreshCookie
      ? await this.sessionOfRefresh(refreshCookie)
      : accessCookie && (await this.auth.sessionIdOf(accessCookie));
    if (!sessionId) throw new UnauthorizedException('nothing to log out: no valid token or session cookie');
    if (!this.cookies.csrfMatches(req, sessionId)) throw new ForbiddenException(CSRF_REFUSED);
    return sessionId;
  }

  private async sessionOfRefresh(token: string): Promise<string> {
    const sessionId = await this.auth.sessionOfRefreshToken(token);
    if (!sessionId) throw new UnauthorizedException('the refresh token is invalid');
    return sessionId;
  }
}

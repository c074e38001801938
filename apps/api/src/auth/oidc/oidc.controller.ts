import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { HeadersObject } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { ApiErrors, ErrorResponse } from '../../openapi/error.response';
import { Public } from '../public.decorator';
import { readCookie, SessionCookies } from '../session-cookies';
import { OidcLoginService } from './oidc-login.service';
import { OidcRefusalFilter } from './oidc-refusal';
import { OidcStatusResponse } from './oidc.response';
import { PENDING_LOGIN_SECONDS } from './pending-logins';
import { providerAnswer, RelyingParty } from './relying-party';

/** Ties a sign-in to the browser that started it, so a stranger's callback link opens nothing here. */
const BROWSER_COOKIE = 'ap_oidc';
const BROWSER_VALUE = /^[A-Za-z0-9_-]{43}$/;
const LOGIN_PATH = '/auth/oidc/login';

/** A refusal of a sign-in: a small page for a browser (HTML in Accept), the usual JSON for anyone else. */
const ApiRefusal = (status: number, description: string, headers?: HeadersObject) =>
  ApiResponse({
    status,
    description,
    headers,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } },
      'text/html': { schema: { type: 'string' } },
    },
  });
const ApiUnavailable = () =>
  ApiRefusal(503, 'the identity provider (or the store of sign-ins under way) is unreachable: try again shortly', {
    'Retry-After': { description: 'seconds to wait', required: true, schema: { type: 'integer' } },
  });
const OFF = 'single sign-on is not configured (OIDC_ISSUER is empty)';

@ApiTags('auth')
@Controller('auth/oidc')
@UseFilters(OidcRefusalFilter)
export class OidcController {
  constructor(
    private readonly party: RelyingParty,
    private readonly logins: OidcLoginService,
    private readonly cookies: SessionCookies,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Whether single sign-on is on, the text of its button and where it starts (for the console)',
  })
  @ApiOkResponse({ type: OidcStatusResponse })
  status(): OidcStatusResponse {
    const s = this.party.settings;
    return s
      ? { enabled: true, label: s.label, loginUrl: LOGIN_PATH }
      : { enabled: false, label: null, loginUrl: null };
  }

  @Public()
  @Get('login')
  @ApiOperation({
    summary: 'Start single sign-on: redirects to the identity provider (authorization code, PKCE S256, state, nonce)',
  })
  @ApiFoundResponse({
    description: "to the provider's authorization endpoint, with a cookie binding the sign-in to this browser",
    headers: {
      Location: { description: "the provider's authorization URL", required: true, schema: { type: 'string' } },
      'Set-Cookie': { description: '`ap_oidc` (HttpOnly, SameSite=Lax, Path=/auth/oidc)', schema: { type: 'string' } },
    },
  })
  @ApiErrors({ 404: OFF })
  @ApiUnavailable()
  async login(@Req() req: Request, @Res() res: Response) {
    this.party.enabled();
    // One value per browser, kept while it lasts, so sign-ins started in two tabs both complete.
    const current = readCookie(req, BROWSER_COOKIE);
    const browser = current && BROWSER_VALUE.test(current) ? current : randomBytes(32).toString('base64url');
    const url = await this.logins.start(browser);
    res.cookie(BROWSER_COOKIE, browser, this.browserCookie(req));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary:
      'Where the identity provider sends the browser back: a linked, active person gets a cookie session and is sent to the console; anyone else a page saying why not',
  })
  @ApiQuery({ name: 'code', required: false, description: "the provider's authorization code" })
  @ApiQuery({ name: 'state', required: false, description: 'names the sign-in this browser started' })
  @ApiQuery({ name: 'iss', required: false, description: 'the issuer, when the provider says it (RFC 9207)' })
  @ApiQuery({ name: 'error', required: false, description: "the provider's refusal, e.g. access_denied" })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiResponse({
    status: 303,
    description: 'signed in: to the console, with the session in cookies',
    headers: {
      Location: { description: 'the console: `/`', required: true, schema: { type: 'string' } },
      'Set-Cookie': {
        description: '`ap_access`, `ap_refresh` and `csrf`, as a cookie-mode login sets them',
        schema: { type: 'string' },
      },
    },
  })
  @ApiRefusal(
    400,
    'The sign-in expired, was already used or was started in another browser (expired_or_used), the provider refused it (provider_refused), or its answer could not be verified (not_verified); the code is in `error`',
  )
  @ApiRefusal(
    403,
    'the provider account is linked to no one here (unknown_subject, quoting it), or the linked account is disabled (account_disabled)',
  )
  @ApiErrors({ 404: OFF })
  @ApiUnavailable()
  async callback(@Req() req: Request, @Res() res: Response) {
    this.party.enabled();
    const issued = await this.logins.finish(providerAnswer(req.query), readCookie(req, BROWSER_COOKIE));
    this.cookies.set(req, res, issued);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, '/');
  }

  /**
   * SameSite=Lax, not Strict like the session cookies: the provider sends the browser back by a
   * cross-site navigation, on which a Strict cookie would not be sent.
   */
  private browserCookie(req: Request): CookieOptions {
    const mode = this.config.SESSION_COOKIE_SECURE;
    const secure = mode === 'always' || (mode === 'auto' && (this.config.NODE_ENV === 'production' || req.secure));
    const path = '/auth/oidc';
    return { httpOnly: true, secure, sameSite: 'lax', path, maxAge: PENDING_LOGIN_SECONDS * 1000 };
  }
}

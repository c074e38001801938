import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { Public } from '../public.decorator';
import { readCookie, SessionCookies } from '../session-cookies';
import { OidcLoginService } from './oidc-login.service';
import { OidcRefusalFilter } from './oidc-refusal';
import { PENDING_LOGIN_SECONDS } from './pending-logins';
import { providerAnswer, RelyingParty } from './relying-party';

/** Ties a sign-in to the browser that started it, so a stranger's callback link opens nothing here. */
const BROWSER_COOKIE = 'ap_oidc';
const BROWSER_VALUE = /^[A-Za-z0-9_-]{43}$/;
const LOGIN_PATH = '/auth/oidc/login';

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
  status() {
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

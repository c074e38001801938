import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { BaseClient, CallbackParamsType, custom, errors, generators, Issuer } from 'openid-client';
import { API_CONFIG, ApiConfig } from '../../api.config';
import { OidcRefusal } from './oidc-refusal';
import { OidcSettings, oidcSettings } from './oidc.config';
import type { PendingLogin } from './pending-logins';

/** The provider's answer as the callback reads it: only these, so nothing else is ever taken from the URL. */
export interface ProviderAnswer {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
  error_description?: string;
}

const ANSWER_KEYS = ['code', 'state', 'iss', 'error', 'error_description'] as const;

/** The answer's parameters from a parsed query: strings only, and absent ones left out (not undefined). */
export function providerAnswer(query: Record<string, unknown>): ProviderAnswer {
  const answer: ProviderAnswer = {};
  for (const key of ANSWER_KEYS) {
    const value = query[key];
    if (typeof value === 'string') answer[key] = value;
  }
  return answer;
}

/** Who the provider says signed in, from an ID token whose signature, issuer, audience, nonce and expiry held. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
}

/** A new sign-in's secrets: `state` names it, the nonce binds the ID token to it, the verifier is PKCE's. */
export function newSignIn(): { state: string } & PendingLogin {
  return { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
}

/**
 * The API as an OpenID Connect client (authorization code with PKCE S256), on `openid-client`. The
 * provider's metadata is read on first use, not at boot: an unreachable provider must not keep
 * password sign-in from starting, and a failed read is tried again on the next sign-in.
 */
@Injectable()
export class RelyingParty {
  private readonly logger = new Logger(RelyingParty.name);
  readonly settings: OidcSettings | undefined;
  private client: Promise<BaseClient> | undefined;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.settings = oidcSettings(config);
  }

  /** 404 while single sign-on is off: its routes do not exist then. */
  enabled(): OidcSettings {
    if (!this.settings) throw new NotFoundException('single sign-on is not configured');
    return this.settings;
  }

  async authorizationUrl(state: string, login: PendingLogin): Promise<string> {
    const client = await this.discovered();
    return client.authorizationUrl({
      scope: this.enabled().scopes,
      state,
      nonce: login.nonce,
      code_challenge: generators.codeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Trades the code (with the PKCE verifier) for tokens and validates the ID token. The provider's
   * own refusal (the person cancelled, say) is told apart from an answer that does not verify.
   */
  async verify(answer: ProviderAnswer, login: PendingLogin): Promise<VerifiedIdentity> {
    // Shown to the person, so bounded: the words come from a URL anyone can write.
    if (answer.error !== undefined) {
      const reason = [answer.error, answer.error_description].filter(Boolean).join(': ');
      throw new OidcRefusal('provider_refused', reason.slice(0, 200));
    }
    const client = await this.discovered();
    try {
      const tokens = await client.callback(this.enabled().redirectUri, answer as CallbackParamsType, {
        state: answer.state,
        nonce: login.nonce,
        code_verifier: login.codeVerifier,
        response_type: 'code',
      });
      const claims = tokens.claims();
      return { issuer: claims.iss, subject: claims.sub };
    } catch (err) {
      if (err instanceof errors.OPError || err instanceof errors.RPError || err instanceof TypeError) {
        this.logger.warn(`single sign-on answer refused: ${err.message}`);
        throw new OidcRefusal('not_verified');
      }
      this.logger.error(`identity provider unreachable: ${(err as Error).message}`);
      throw new OidcRefusal('unavailable');
    }
  }

  private discovered(): Promise<BaseClient> {
    const settings = this.enabled();
    this.client ??= this.discover(settings).catch((err: Error) => {
      this.client = undefined;
      this.logger.error(`identity provider metadata unavailable at ${settings.issuer}: ${err.message}`);
      throw new OidcRefusal('unavailable');
    });
    return this.client;
  }

  private async discover(s: OidcSettings): Promise<BaseClient> {
    const issuer = await Issuer.discover(s.issuer);
    // Its ID tokens must carry exactly this issuer, and links are stored under it.
    if (issuer.metadata.issuer !== s.issuer)
      throw new Error(`the provider calls itself ${issuer.metadata.issuer}, not OIDC_ISSUER ${s.issuer}`);
    const client = new issuer.Client({
      client_id: s.clientId,
      client_secret: s.clientSecret,
      redirect_uris: [s.redirectUri],
      response_types: ['code'],
      token_endpoint_auth_method: s.clientSecret === undefined ? 'none' : secretMethod(issuer),
      id_token_signed_response_alg: signingAlgorithm(issuer),
    });
    client[custom.clock_tolerance] = 5;
    return client;
  }
}

/** Basic unless the provider takes the secret only in the body. */
function secretMethod(issuer: Issuer): 'client_secret_basic' | 'client_secret_post' {
  const methods = issuer.metadata.token_endpoint_auth_methods_supported;
  return methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
    ? 'client_secret_post'
    : 'client_secret_basic';
}

/** RS256 (every provider must offer it) unless the provider names others only; never `none`. */
function signingAlgorithm(issuer: Issuer): string {
  const algs = (issuer.metadata.id_token_signing_alg_values_supported as string[] | undefined) ?? [];
  return algs.length === 0 || algs.includes('RS256') ? 'RS256' : (algs.find((a) => a !== 'none') ?? 'RS256');
}

import { ConfigError, VarSpec } from '@app/config';

/** The variables single sign-on reads, as `loadApiConfig` parsed them. */
export interface OidcVars {
  NODE_ENV: string;
  OIDC_ISSUER: string;
  OIDC_CLIENT_ID: string;
  OIDC_CLIENT_SECRET: string;
  OIDC_REDIRECT_URI: string;
  OIDC_SCOPES: string;
  OIDC_LABEL: string;
}

/** Single sign-on as the API runs it; absent when OIDC_ISSUER is empty. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Undefined for a public client, which proves itself by PKCE alone. */
  clientSecret: string | undefined;
  redirectUri: string;
  scopes: string;
  /** The console's button text; null: the console's own words. */
  label: string | null;
}

// RFC 6749 §3.3: scope tokens are printable ASCII without space, `"` or `\`.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Space-separated scopes; `openid` must be among them, or the provider answers no ID token. */
export function scopeList(describe: string, dflt: string): VarSpec<string> {
  return {
    describe,
    default: dflt,
    parse(raw) {
      const scopes = raw.split(/\s+/).filter(Boolean);
      const bad = scopes.find((s) => !SCOPE_TOKEN.test(s));
      if (bad !== undefined) throw new Error(`"${bad}" is not a scope name`);
      if (!scopes.includes('openid')) throw new Error('expected openid among the scopes');
      return [...new Set(scopes)].join(' ');
    },
  };
}

/** A client secret: never echoed; empty means a public client. */
export function clientSecret(describe: string): VarSpec<string> {
  return { describe, default: '', sensitive: true, parse: (raw) => raw };
}

/**
 * What single variables cannot check alone: with an issuer, the client id and redirect URI are
 * required; in production both URLs must be https (an authorization code or ID token sent in clear
 * text is a session for whoever reads it); an issuer has no query or fragment (OpenID Discovery).
 */
export function checkOidcConfig<C extends OidcVars>(c: C): C {
  if (c.OIDC_ISSUER === '') return c;
  const problems: string[] = [];
  if (c.OIDC_CLIENT_ID === '') problems.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  if (c.OIDC_REDIRECT_URI === '') problems.push('OIDC_REDIRECT_URI is required when OIDC_ISSUER is set');
  const issuer = new URL(c.OIDC_ISSUER);
  if (issuer.search !== '' || issuer.hash !== '') problems.push('OIDC_ISSUER must not have a query or fragment');
  if (c.OIDC_REDIRECT_URI !== '' && new URL(c.OIDC_REDIRECT_URI).hash !== '')
    problems.push('OIDC_REDIRECT_URI must not have a fragment');
  if (c.NODE_ENV === 'production') {
    for (const name of ['OIDC_ISSUER', 'OIDC_REDIRECT_URI'] as const)
      if (c[name] !== '' && new URL(c[name]).protocol !== 'https:')
        problems.push(`${name} must be https in production`);
  }
  if (problems.length) throw new ConfigError(problems);
  return c;
}

export function oidcSettings(c: OidcVars): OidcSettings | undefined {
  if (c.OIDC_ISSUER === '') return undefined;
  return {
    issuer: c.OIDC_ISSUER,
    clientId: c.OIDC_CLIENT_ID,
    clientSecret: c.OIDC_CLIENT_SECRET === '' ? undefined : c.OIDC_CLIENT_SECRET,
    redirectUri: c.OIDC_REDIRECT_URI,
    scopes: c.OIDC_SCOPES,
    label: c.OIDC_LABEL === '' ? null : c.OIDC_LABEL,
  };
}

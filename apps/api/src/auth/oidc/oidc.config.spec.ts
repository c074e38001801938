import { ConfigError } from '@app/config';
import { loadApiConfig } from '../../api.config';
import { oidcSettings } from './oidc.config';

const SECRET = 'a-production-secret-of-at-least-32-characters';
const ON = {
  OIDC_ISSUER: 'https://idp.example.gov.vn/realms/staff',
  OIDC_CLIENT_ID: 'action-programmes',
  OIDC_REDIRECT_URI: 'https://ctht.example.gov.vn/auth/oidc/callback',
};

describe('single sign-on configuration', () => {
  it('is off unless OIDC_ISSUER is set', () => {
    const c = loadApiConfig({ NODE_ENV: 'test' });
    expect(c.OIDC_ISSUER).toBe('');
    expect(oidcSettings(c)).toBeUndefined();
  });

  it('reads a confidential client, and an empty secret as a public one', () => {
    const confidential = oidcSettings(loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_CLIENT_SECRET: 's3cret' }));
    expect(confidential).toEqual({
      issuer: ON.OIDC_ISSUER,
      clientId: 'action-programmes',
      clientSecret: 's3cret',
      redirectUri: ON.OIDC_REDIRECT_URI,
      scopes: 'openid',
      label: null,
    });
    expect(oidcSettings(loadApiConfig({ NODE_ENV: 'test', ...ON }))?.clientSecret).toBeUndefined();
  });

  it('needs the client id and redirect URI with an issuer', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'test', OIDC_ISSUER: ON.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID is required when OIDC_ISSUER is set[\s\S]*OIDC_REDIRECT_URI is required/,
    );
  });

  it('needs https in production, for the issuer and the redirect URI', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: SECRET };
    expect(loadApiConfig({ ...prod, ...ON }).OIDC_ISSUER).toBe(ON.OIDC_ISSUER);
    const plain = {
      ...ON,
      OIDC_ISSUER: 'http://idp.example.gov.vn',
      OIDC_REDIRECT_URI: 'http://ctht/auth/oidc/callback',
    };
    expect(() => loadApiConfig({ ...prod, ...plain })).toThrow(ConfigError);
    expect(() => loadApiConfig({ ...prod, ...plain })).toThrow(
      /OIDC_ISSUER must be https in production[\s\S]*OIDC_REDIRECT_URI must be https in production/,
    );
    expect(loadApiConfig({ NODE_ENV: 'development', ...plain }).OIDC_ISSUER).toBe('http://idp.example.gov.vn');
  });

  it('refuses malformed values', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_ISSUER: 'idp.example' })).toThrow(/expected a URL/);
    expect(() => loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_ISSUER: `${ON.OIDC_ISSUER}?x=1` })).toThrow(
      /OIDC_ISSUER must not have a query or fragment/,
    );
    expect(() => loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_SCOPES: 'profile email' })).toThrow(
      /expected openid among the scopes/,
    );
    expect(() => loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_SCOPES: 'openid "x"' })).toThrow(/is not a scope name/);
    expect(loadApiConfig({ NODE_ENV: 'test', ...ON, OIDC_SCOPES: ' openid  email openid ' }).OIDC_SCOPES).toBe(
      'openid email',
    );
  });
});

// A real OpenID Connect provider for the single sign-on tests, in a child process because
// oidc-provider is an ES module and Jest runs the tests as CommonJS. In-memory storage, one static
// client, the accounts the test names, and the package's development sign-in pages (any password),
// which the test submits over HTTP. Prints "ready <issuer>" once it listens.
//
// Environment: OIDC_TEST_PORT, OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET (empty: a public client),
// OIDC_TEST_REDIRECT_URI, OIDC_TEST_ACCOUNTS (JSON: subject -> extra claims such as email).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const env = process.env;
const issuer = `http://127.0.0.1:${env.OIDC_TEST_PORT}`;
const accounts = JSON.parse(env.OIDC_TEST_ACCOUNTS ?? '{}');
const secret = env.OIDC_TEST_CLIENT_SECRET ?? '';

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  kid: 'test-key',
  use: 'sig',
  alg: 'RS256',
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env.OIDC_TEST_CLIENT_ID,
      ...(secret ? { client_secret: secret } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [env.OIDC_TEST_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  // Every client must use PKCE here, so a client that forgot it fails the tests.
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    if (!Object.hasOwn(accounts, sub)) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) };
  },
});

const server = provider.listen(Number(env.OIDC_TEST_PORT), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/**
 * Starts the real OpenID Connect provider of test/utils/oidc-provider.mjs in a child process, and plays
 * a browser at it: follows its redirects with a cookie jar and submits its sign-in and consent pages,
 * as a person would, up to the redirect back to the API.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from './free-port';

export interface ProviderOptions {
  clientId: string;
  /** Empty: a public client (PKCE alone). */
  clientSecret: string;
  redirectUri: string;
  /** The provider's accounts: subject -> extra claims of its ID token (e.g. email). */
  accounts: Record<string, Record<string, unknown>>;
}

export interface TestProvider {
  issuer: string;
  /** Signs `subject` in at the provider from its authorization URL; answers the URL it sends the browser back to. */
  signIn(authorizationUrl: string, subject: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: ProviderOptions): Promise<TestProvider> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_PORT: String(port),
      OIDC_TEST_CLIENT_ID: options.clientId,
      OIDC_TEST_CLIENT_SECRET: options.clientSecret,
      OIDC_TEST_REDIRECT_URI: options.redirectUri,
      OIDC_TEST_ACCOUNTS: JSON.stringify(options.accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await ready(child, 15000);
  return {
    issuer,
    signIn: (url, subject) => signIn(url, subject, options.redirectUri),
    stop: () => stop(child),
  };
}

function ready(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`the test OIDC provider ${why}:\n${output}`));
    };
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /^ready (\S+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => fail(`exited with code ${code}`));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** name=value pairs the provider set, sent back on every request to it (one host, so no domain logic). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function signIn(authorizationUrl: string, subject: string, redirectUri: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(`${redirectUri}?`)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.keep(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(`unexpected answer ${res.status} from the provider at ${url}:\n${page.slice(0, 2000)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt });
    const submitted = await fetch(new URL(action.replace(/&amp;/g, '&'), url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    jar.keep(submitted);
    const next = submitted.headers.get('location');
    if (!next)
      throw new Error(`the provider did not accept the ${prompt} form: ${submitted.status} ${await submitted.text()}`);
    url = new URL(next, url).href;
  }
  throw new Error('too many redirects at the provider');
}

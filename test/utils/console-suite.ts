import type { Browser } from 'playwright-core';
import { launchConsoleBrowser } from './console-browser';
import { startTestStack, TestStack } from './test-stack';

/** What a browser e2e file works with, filled in by the hooks `useConsoleSuite` registers. */
export interface ConsoleSuite {
  stack: TestStack;
  browser: Browser;
  /** Where the API serves the built console, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  /** Breaches of the Content-Security-Policy the pages reported during the current test. */
  violations: string[];
  auth(username: string): Promise<{ Authorization: string }>;
}

export interface ConsoleSuiteOptions {
  /** Environment the API starts with (restored after the file). */
  env?: Record<string, string>;
  /** Data the file needs, written once the stack is up. */
  seed?: (stack: TestStack) => Promise<unknown>;
}

/**
 * Registers the hooks every browser e2e file shares: the real stack with the API listening on a free
 * port (serving the built console), Debian's Chromium, both closed after the file; and after each
 * test, the check that no page breached the Content-Security-Policy.
 */
export function useConsoleSuite({ env = {}, seed }: ConsoleSuiteOptions = {}): ConsoleSuite {
  const saved: Record<string, string | undefined> = {};
  const suite = {
    violations: [] as string[],
    auth: async (username: string) => ({ Authorization: `Bearer ${await suite.stack.login(username)}` }),
  } as ConsoleSuite;

  beforeAll(async () => {
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    suite.stack = await startTestStack();
    await suite.stack.api.listen(0, '127.0.0.1');
    suite.baseUrl = `http://127.0.0.1:${(suite.stack.api.getHttpServer().address() as { port: number }).port}`;
    if (seed) await seed(suite.stack);
    suite.browser = await launchConsoleBrowser();
  });

  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  afterEach(() => {
    const breaches = suite.violations.splice(0);
    expect(breaches).toEqual([]);
  });

  return suite;
}

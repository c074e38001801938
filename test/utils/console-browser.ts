import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { loadApiConfig } from '../../apps/api/src/api.config';

/**
 * The browser side of the console's e2e tests: Debian's Chromium, pages that record every breach of
 * the API's Content-Security-Policy, and the login form.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');
export const DOWNLOADS = path.resolve(__dirname, '../../test-artifacts/downloads');
export const PHONE = { width: 390, height: 844 };

export async function launchConsoleBrowser(): Promise<Browser> {
  const consoleDir = loadApiConfig(process.env).CONSOLE_DIR;
  if (!existsSync(path.join(consoleDir, 'index.html')))
    throw new Error(`the built console is missing at ${consoleDir}; npm test builds it (or run npm run build)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; npm test installs it (apt-get install chromium)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** A page in a fresh context (its own cookies) whose policy violations land in `violations`. */
export async function newConsolePage(
  browser: Browser,
  violations: string[],
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return page;
}

/** Logs in on the login form; the answer is the console page's own response (its headers). */
export async function logInConsole(page: Page, baseUrl: string, username: string, password = 'demo-password') {
  const response = await page.goto(`${baseUrl}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=who], [data-testid=change-password]');
  return response;
}

/** How far the page is wider than the screen (0 or less: it fits). */
export const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** axe-core's script, read once: evaluated in the page (the API's CSP forbids injected script tags). */
let axeSource: string | null = null;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the elements it found (`label` where the page is named in the message).
 */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const present = await page.evaluate('typeof window.axe !== "undefined"');
  if (!present) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  )) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length)
    throw new Error(
      `accessibility violations on ${label}:\n` +
        bad
          .map(
            (v) =>
              `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`,
          )
          .join('\n'),
    );
}

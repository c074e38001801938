/**
 * The steps of the whole-lifecycle browser test (console-lifecycle.e2e-spec.ts): one seeded person per
 * fresh browser context, every action through the page's action panel and its schema form, a numbered
 * screenshot of each page visited, axe-core on each distinct page and the phone width on some.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { checkA11y, DOWNLOADS, logInConsole, newConsolePage, overflow, PHONE, SCREENSHOTS } from './console-browser';
import { eventually } from './eventually';

/** An instant as a `datetime-local` input takes it, in Vietnam's time (UTC+7), to the minute. */
export function vnLocalInput(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** The next whole minute at least `ms` from now (a `datetime-local` input has minutes only). */
export function minuteAfter(ms: number): Date {
  const t = Date.now() + ms;
  return new Date(Math.ceil(t / 60_000) * 60_000);
}

/** What sticks out of the screen: from the widest element up to the page, each box's width and overflow. */
const widest = (page: Page) =>
  page.evaluate<string>(`(() => {
    const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1);
    const chain = [];
    for (let e = over[over.length - 1]; e && e !== document.body; e = e.parentElement)
      chain.push(e.tagName.toLowerCase() + '.' + String(e.className).replace(/ /g, '.') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px ' + getComputedStyle(e).overflowX);
    return chain.join(' < ');
  })()`);

export class LifecycleSteps {
  private shots = 0;
  private readonly checked = new Set<string>();
  /** Every person who took a step, by username. */
  readonly people = new Set<string>();

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    readonly programmeId: string,
    private readonly violations: string[],
  ) {}

  get programmeRoute(): string {
    return `#/programme/${this.programmeId}`;
  }

  /** A fresh context for `username`, logged in, on `route` (default: the programme's page). */
  async as(username: string, route = this.programmeRoute): Promise<Page> {
    const page = await newConsolePage(this.browser, this.violations);
    page.setDefaultTimeout(60_000);
    await logInConsole(page, this.baseUrl, username);
    this.people.add(username);
    await this.visit(page, route);
    return page;
  }

  /** Goes to a console route and waits for what that page shows first. */
  async visit(page: Page, route: string): Promise<void> {
    await page.goto(`${this.baseUrl}/${route}`);
    await this.ready(page, route);
  }

  /** Waits for what the page of `route` shows first (its title, its loaded action panel). */
  private async ready(page: Page, route: string): Promise<void> {
    const subject = /^#\/(programme|task)\//.test(route) && !route.endsWith('/audit');
    try {
      if (route.startsWith('#/programme/') && subject) await page.waitForSelector('[data-testid=programme-title]');
      else if (route.startsWith('#/task/')) await page.waitForSelector('[data-testid=task-title]');
      if (subject) await page.waitForSelector('[data-testid=actions][aria-busy=false]');
    } catch (err) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `lifecycle-failed-${Date.now()}.png`), fullPage: true });
      const shown = await page.locator('body').innerText();
      throw new Error(
        `${route} did not show: ${(err as Error).message.split('\n')[0]}\npage: ${shown.slice(0, 1500)}`,
        {
          cause: err,
        },
      );
    }
  }

  /**
   * Keeps the page as lifecycle-NN-<step>.png; the first time a page of this `kind` is seen, axe-core
   * finds no serious or critical violation on it, and with `phone` it also fits a phone's width.
   */
  async record(page: Page, step: string, kind?: string, phone = false): Promise<void> {
    const n = String(++this.shots).padStart(2, '0');
    await page.screenshot({ path: path.join(SCREENSHOTS, `lifecycle-${n}-${step}.png`), fullPage: true });
    if (kind && !this.checked.has(kind)) {
      this.checked.add(kind);
      await checkA11y(page, `${step} (${kind})`);
    }
    if (phone) {
      const wide = page.viewportSize()!;
      await page.setViewportSize(PHONE);
      const over = await overflow(page);
      if (over > 0) throw new Error(`${step} is ${over}px wider than a phone: ${await widest(page)}`);
      await checkA11y(page, `${step} (phone)`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `lifecycle-${n}-${step}-phone.png`), fullPage: true });
      await page.setViewportSize(wide);
    }
  }

  /** The action names the panel shows now. */
  shown(page: Page): Promise<string[]> {
    return page
      .locator('[data-testid=actions] button[data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }

  /** Reloads the page until its panel offers `action` (another person's step or a timer makes it so). */
  async offered(page: Page, action: string, timeoutMs = 30_000): Promise<void> {
    const route = new URL(page.url()).hash;
    await eventually(
      async () => {
        if ((await this.shown(page)).includes(action)) return true;
        await page.waitForTimeout(1000);
        // A reload: going to the same hash again would not ask the API anew.
        await page.reload();
        await this.ready(page, route);
        return (await this.shown(page)).includes(action);
      },
      `${action} to be offered on ${route}`,
      timeoutMs,
    );
  }

  /** Opens the action's form from its button (waiting for it to be offered). */
  async open(page: Page, action: string, timeoutMs?: number): Promise<Locator> {
    await this.offered(page, action, timeoutMs);
    await page.click(`[data-testid=actions] button[data-action=${action}]`);
    const form = page.locator(`[data-testid=form-${action}]`);
    await form.waitFor();
    return form;
  }

  /**
   * Sends the open form and waits until the panel says it is done; a form that shows errors instead
   * fails with the errors it shows (the general ones and each field's).
   */
  async send(page: Page, action: string): Promise<void> {
    await page.click(`[data-testid=form-${action}-send]`);
    const errors = page.locator(`[data-testid=form-${action}-errors]`);
    const done = page.locator('[data-testid=action-notice]');
    await Promise.race([done.waitFor({ timeout: 30_000 }), errors.waitFor({ timeout: 30_000 })]);
    if (await errors.isVisible()) {
      const fields = await page
        .locator(`[data-testid=form-${action}] .field-error`)
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-field')}: ${e.textContent}`));
      throw new Error(`${action} was refused: ${await errors.innerText()} ${fields.join('; ')}`);
    }
    await page.locator(`[data-testid=form-${action}]`).waitFor({ state: 'detached' });
  }

  /**
   * One step: the action's form opened from the panel, filled by `fill`, kept as a screenshot (axe on
   * the first form of its kind), sent; then the page after it is kept too.
   */
  async act(
    page: Page,
    action: string,
    step: string,
    fill?: (form: Locator) => Promise<void>,
    options: { timeoutMs?: number; phone?: boolean } = {},
  ): Promise<void> {
    const form = await this.open(page, action, options.timeoutMs);
    if (fill) await fill(form);
    await this.record(page, `${step}-form`, `form-${action}`, options.phone);
    await this.send(page, action);
  }

  /** People pickers: the offered people to tick, or (when none are offered) ids one per line. */
  async choosePeople(form: Locator, field: string, ids: string[]): Promise<void> {
    const boxes = form.locator(`input[type=checkbox][name="${field}"]`);
    if ((await boxes.count()) > 0)
      for (const person of ids) await form.locator(`input[type=checkbox][name="${field}"][value="${person}"]`).check();
    else await form.locator(`textarea[name="${field}"]`).fill(ids.join('\n'));
  }

  /** Clicks a console button that downloads a file and returns the file's bytes. */
  async download(page: Page, selector: string, name: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
    const to = path.join(DOWNLOADS, name);
    await file.saveAs(to);
    return readFileSync(to);
  }

  async done(page: Page): Promise<void> {
    await page.context().close();
  }
}

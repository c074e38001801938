import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { seedResolutions } from '../apps/api/src/seed/seed-resolutions';
import {
  checkA11y,
  DOWNLOADS,
  logInConsole,
  newConsolePage,
  overflow,
  PHONE,
  SCREENSHOTS,
} from './utils/console-browser';
import { useConsoleSuite } from './utils/console-suite';

/**
 * The console's resolutions area in Debian's Chromium against the real stack: a supervisor of the demo
 * province (Hậu Giang's secretary) opens the counts over the 2020–2025 term by keyboard, finds every number
 * on the page equal to the API's (by year and by member in charge), drills down from a number to the list
 * behind it, downloads the counts as CSV (the same numbers), and opens a resolution's lineage (the entries
 * implementing it at every level and the figures as the API answers them). The counts fit a phone's width.
 */
describe('console: resolutions, counts and lineage (browser e2e)', () => {
  // The demo registry: Hậu Giang's resolution 05-NQ/TU (2022) and the two projects implementing it.
  const suite = useConsoleSuite({ seed: (stack) => seedResolutions(stack.dataSource) });
  const SUPERVISOR = 'bithu.hg';
  const TERM = '2020-2025';

  const apiGet = async (url: string) => {
    const res = await suite.stack
      .http()
      .get(url)
      .set({ Authorization: `Bearer ${await suite.stack.login(SUPERVISOR)}` });
    expect(res.status).toBe(200);
    return res.body;
  };

  type CountRow = {
    key: string | null;
    resolutions: number;
    programmes: number;
    resolutionsByKind: Record<string, number>;
  };
  const KINDS = ['RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'DECISION', 'REGULATION', 'PLAN', 'PROJECT'];
  const expected = (row: CountRow) => [row.resolutions, ...KINDS.map((k) => row.resolutionsByKind[k]), row.programmes];

  /** The numbers of the counts table as shown, by row key (`total` for the last row). */
  async function shownCounts(page: Page): Promise<Record<string, number[]>> {
    const rows = page.locator('[data-testid=counts-table] tbody tr');
    const shown: Record<string, number[]> = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const cells = await row.locator('td').allInnerTexts();
      shown[(await row.getAttribute('data-key')) ?? ''] = cells.map((c) => Number(c.trim()));
    }
    return shown;
  }

  function apiCounts(body: { rows: CountRow[]; total: CountRow }): Record<string, number[]> {
    return Object.fromEntries([...body.rows.map((r) => [r.key ?? '', expected(r)]), ['total', expected(body.total)]]);
  }

  /** Picks the term and the dimension in the form by keyboard and submits with Enter on its button. */
  async function countBy(page: Page, by: string) {
    const form = page.locator('[data-testid=counts-form]');
    await form.locator('select[name=term]').focus();
    await form.locator('select[name=term]').selectOption(TERM);
    await form.locator('select[name=by]').selectOption(by);
    await form.locator('button[type=submit]').press('Enter');
    await page.waitForURL((url) => url.hash.includes(`term=${TERM}`) && url.hash.includes(`by=${by}`));
    await page.waitForSelector(`[data-testid=counts-table][data-by=${by}][data-term="${TERM}"]`);
  }

  it('shows the counts as the API counts them, drills down, downloads the CSV and opens a lineage', async () => {
    const page = await newConsolePage(suite.browser, suite.violations);
    await logInConsole(page, suite.baseUrl, SUPERVISOR);
    await page.click('nav a[href="#/resolutions/counts"]');
    await page.waitForSelector('[data-testid=counts-form]');

    // By year: every number of every row (and the total) is the API's.
    await countBy(page, 'year');
    const byYear = await apiGet(`/supervision/counts?term=${TERM}&by=year`);
    const shownByYear = await shownCounts(page);
    expect(shownByYear).toEqual(apiCounts(byYear));
    expect(Object.keys(shownByYear)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', 'total']);
    // The demo province's 2022 resolution and the project of the same day are counted in 2022.
    expect(shownByYear['2022'][0]).toBeGreaterThanOrEqual(2);
    expect(shownByYear['2022'][1 + KINDS.indexOf('PROJECT')]).toBeGreaterThanOrEqual(1);

    // By member in charge: the rows and the names the API gives.
    await countBy(page, 'memberInCharge');
    const byMember = await apiGet(`/supervision/counts?term=${TERM}&by=memberInCharge`);
    expect(await shownCounts(page)).toEqual(apiCounts(byMember));
    const tv1 = byMember.rows.find((r: { key: string | null }) => r.key === 'hg-tv1');
    expect(tv1?.resolutions).toBeGreaterThanOrEqual(2);
    expect(await page.locator('tr[data-key=hg-tv1] th').innerText()).toBe(tv1.label);

    // The CSV of the view: the same numbers, a last total row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=counts-csv]')]);
    const file = path.join(DOWNLOADS, `resolutions-${download.suggestedFilename()}`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('counts-by-memberInCharge.csv');
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['key', 'label', 'resolutions']);
    const tv1Line = lines.find((l) => l.startsWith('hg-tv1,'))?.split(',');
    expect(tv1Line?.[2]).toBe(String(tv1.resolutions));
    expect(lines[lines.length - 1].split(',')[0]).toBe('total');
    expect(lines[lines.length - 1].split(',')[2]).toBe(String(byMember.total.resolutions));

    // Back to years; the 2022 documents drill down to the list behind the number, the API's list.
    await countBy(page, 'year');
    await page.locator('tr[data-key="2022"] td[data-col=resolutions] a').click();
    await page.waitForSelector('[data-testid=counted-table]');
    const behind = await apiGet(`/supervision/counts/items?term=${TERM}&subject=resolutions&year=2022&pageSize=50`);
    expect(behind.total).toBe(shownByYear['2022'][0]);
    expect(await page.locator('[data-testid=counted-total]').innerText()).toContain(String(behind.total));
    const ids = await page
      .locator('[data-testid=counted-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids).toEqual(behind.items.map((i: { id: string }) => i.id));
    expect(ids).toEqual(expect.arrayContaining(['hg-nq-05-2022', 'hg-da-05-2022']));
    await checkA11y(page, 'resolutions-counted.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'resolutions-counted.png'), fullPage: true });

    // The resolution's page: the entries implementing it below it, and the lineage's figures.
    await page.locator('tr[data-id=hg-nq-05-2022] a').click();
    await page.waitForSelector('[data-testid=lineage-entries] li');
    expect(await page.locator('[data-testid=resolution-title]').innerText()).toContain('05-NQ/TU');
    const lineage = await apiGet('/resolutions/hg-nq-05-2022/lineage?page=1&pageSize=10');
    const entries = await page
      .locator('[data-testid=lineage-entries] li')
      .evaluateAll((items) =>
        items.map((li) => [li.querySelector('a')?.textContent, Number(li.getAttribute('data-depth'))]),
      );
    expect(entries).toEqual(
      lineage.entries.map((e: { number: string; depth: number }) => [e.number, Math.min(e.depth, 4)]),
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        ['05-ĐA/TU', 1],
        ['06-ĐA/TU', 1],
      ]),
    );
    for (const figure of ['annualPlans', 'tasks', 'tasksDone', 'targets']) {
      const shown = await page.locator(`[data-testid=lineage-figures] [data-figure=${figure}]`).innerText();
      expect(Number(shown)).toBe(lineage.figures[figure]);
    }
    await checkA11y(page, 'resolution-lineage.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'resolution-lineage.png'), fullPage: true });
    await page.context().close();
  });

  it('fits the counts on a phone and keeps the numbers reachable by keyboard', async () => {
    const page = await newConsolePage(suite.browser, suite.violations, PHONE);
    await logInConsole(page, suite.baseUrl, SUPERVISOR);
    await page.goto(`${suite.baseUrl}/#/resolutions/counts?term=${TERM}&by=kind`);
    await page.waitForSelector('[data-testid=counts-table][data-by=kind]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const byKind = await apiGet(`/supervision/counts?term=${TERM}&by=kind`);
    expect(await shownCounts(page)).toEqual(apiCounts(byKind));
    // Tab reaches the first number that has a list behind it; Enter opens that list.
    const first = page.locator('[data-testid=counts-table] tbody a').first();
    const href = await first.getAttribute('href');
    for (
      let i = 0;
      i < 60 && (await page.evaluate<string | null>("document.activeElement?.getAttribute('href') ?? null")) !== href;
      i++
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=counted-table]');
    expect(page.url()).toContain(href!.replace(/^#/, ''));
    await checkA11y(page, 'resolutions-counts-phone.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'resolutions-counts-phone.png'), fullPage: true });
    await page.context().close();
  });
});

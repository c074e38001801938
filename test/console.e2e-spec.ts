import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { Page } from 'playwright-core';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { checkA11y, DOWNLOADS, logInConsole, newConsolePage, SCREENSHOTS } from './utils/console-browser';
import { FX, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { eventually } from './utils/test-stack';
import { useConsoleSuite } from './utils/console-suite';

/**
 * The web console in Debian's Chromium against the real stack (API serving the built console, worker,
 * notifier, Postgres, Redis, Temporal): a staff member answers a consultation invitation, gives an
 * acknowledgement, and accepts, reports progress on and submits a task, which moves from "open within
 * deadline" to "done on time" once verified; a supervisor opens the overview, drills down to a programme's
 * timeline and live state, and generates and downloads its review report. The session lives in HttpOnly
 * cookies (none of it in the page's storage), is renewed once for all tabs, ends at logout, and a reset
 * password must be changed first. Every page runs under the API's Content-Security-Policy and must
 * report no violation of it. Screenshots of the main pages go to test-artifacts/screenshots/.
 */
const run = randomUUID().slice(0, 8);
/** Single sign-on is configured (its provider need not answer: the console only shows the way there). */
const SSO = {
  OIDC_ISSUER: 'http://127.0.0.1:9/sso',
  OIDC_CLIENT_ID: 'action-programmes',
  OIDC_REDIRECT_URI: 'http://127.0.0.1:9/auth/oidc/callback',
  OIDC_LABEL: 'Đăng nhập bằng tài khoản Cổng dịch vụ công',
};
const SESSION_COOKIES = ['ap_access', 'ap_refresh', 'csrf'];

describe('web console (browser e2e)', () => {
  const suite = useConsoleSuite({ env: SSO, seed: (stack) => seedSupervisionFixtures(stack.dataSource) });

  /** A second tab of a page's context reports its policy breaches too. */
  function watchPolicy(page: Page): Page {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) suite.violations.push(message.text());
    });
    return page;
  }

  const newPage = (viewport?: { width: number; height: number }) =>
    newConsolePage(suite.browser, suite.violations, viewport);
  const logIn = (page: Page, username: string, password?: string) =>
    logInConsole(page, suite.baseUrl, username, password);

  /** The session cookies of the page's browser, as a Cookie header. */
  async function sessionCookie(page: Page): Promise<string> {
    const cookies = await page.context().cookies();
    return cookies
      .filter((c) => SESSION_COOKIES.includes(c.name))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /**
   * Reloads the page until `ready` holds: the read model follows the workflows a moment later. A
   * reload may take seconds on a loaded machine, so each one is bounded by Playwright's own
   * timeouts, the whole by 60 s.
   */
  async function reloadUntil(page: Page, ready: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.reload();
      await page.waitForSelector('[data-testid=who]');
      await page.waitForLoadState('networkidle');
      if (await ready()) return;
      if (Date.now() > deadline) throw new Error('timed out waiting for the console to show the change');
      await page.waitForTimeout(250);
    }
  }

  async function act(id: string, username: string, action: string, payload: Record<string, unknown>) {
    const res = await suite.stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(await suite.auth(username))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function inboxHas(username: string, kind: string, programmeId: string) {
    return eventually(async () => {
      const res = await suite.stack
        .http()
        .get('/inbox?limit=200')
        .set(await suite.auth(username));
      return res.body.items.some(
        (n: { kind: string; programmeId: string }) => n.kind === kind && n.programmeId === programmeId,
      );
    }, `${kind} in the inbox of ${username}`);
  }
  async function audited(id: string, action: string, actorId: string) {
    return eventually(async () => {
      const res = await suite.stack
        .http()
        .get(`/programmes/${id}/audit`)
        .set(await suite.auth('chuyenvien.hg'));
      return res.body.items?.some(
        (a: { action: string; actorId: string }) => a.action === action && a.actorId === actorId,
      );
    }, `${action} by ${actorId} in the audit trail`);
  }

  it('lets a staff member answer a consultation, acknowledge a dissemination, and work a task until its bucket moves', async () => {
    const id = `console-e2e-${randomUUID().slice(0, 8)}`;
    const created = await suite.stack
      .http()
      .post('/programmes')
      .set(await suite.auth('chuyenvien.hg'))
      .send({
        id,
        templateId: 'action-programme',
        title: 'Chương trình hành động về chuyển đổi số',
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'digital',
        term: '2020-2025',
      });
    expect(created.status).toBe(201);
    await eventually(
      async () =>
        (
          await suite.stack
            .http()
            .get(`/programmes/${id}`)
            .set(await suite.auth('chuyenvien.hg'))
        ).status === 200,
      'the programme read model',
    );
    await act(id, 'chuyenvien.hg', 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await act(id, 'gd.skhdt.hg', 'submitSurveyFindings', { text: 'Hạ tầng số của các xã còn thiếu.' });
    await act(id, 'chuyenvien.hg', 'closeSurvey', {});
    await act(id, 'chuyenvien.hg', 'submitDraft', { documentRef: 'DT-01/VPTU', changeNote: 'Dự thảo lần 1' });
    await act(id, 'chuyenvien.hg', 'openConsultation', {
      inviteeIds: ['hg-stc-gd'],
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await inboxHas('gd.stc.hg', 'CONSULTATION_INVITATION', id);

    const page = await newPage();
    await logIn(page, 'gd.stc.hg');
    await page.click('a[href="#/my"]');
    const invitation = page.locator('form.inbox-item', { hasText: 'Chương trình hành động về chuyển đổi số' }).first();
    await invitation.locator('textarea').fill('Đề nghị bổ sung nguồn lực cho hạ tầng số cấp xã.');
    await checkA11y(page, 'staff-my-work.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-my-work.png'), fullPage: true });
    await invitation.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=notice]:has-text("Đã ghi nhận")');
    await audited(id, 'submitOpinion', 'hg-stc-gd');

    await act(id, 'chuyenvien.hg', 'closeConsultation', {});
    await act(id, 'chuyenvien.hg', 'submitForApproval', {});
    await act(id, 'bithu.hg', 'approve', { note: 'Thông qua' });
    await act(id, 'chuyenvien.hg', 'issue', {
      documentNumber: '77-CTr/TU',
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [
        {
          code: 'DX',
          name: 'Tỷ lệ xã có hạ tầng số',
          unit: '%',
          goal: { comparator: 'AT_LEAST', goal: '90' },
          responsibleUnitId: 'hg-stc',
        },
      ],
      tasks: [
        {
          code: 'T1',
          title: 'Kế hoạch hạ tầng số',
          responsibleUnitId: 'hg-stc',
          responsiblePersonId: 'hg-stc-gd',
          coordinatingUnitIds: [],
          dueAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        },
      ],
      solutions: ['Đầu tư hạ tầng'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee: null,
    });
    await act(id, 'bithu.hg', 'recordDissemination', {
      heldOn: new Date().toISOString().slice(0, 10),
      audienceIds: ['hg-stc-gd'],
    });
    await inboxHas('gd.stc.hg', 'DISSEMINATION_ACK_REQUEST', id);

    await page.reload();
    const acknowledge = page.locator('.inbox-item button', { hasText: 'Xác nhận' }).first();
    await acknowledge.click();
    await page.waitForSelector('[data-testid=notice]:has-text("Đã ghi nhận")');
    await audited(id, 'acknowledgeDissemination', 'hg-stc-gd');
    expect(await page.locator('[data-testid=inbox] li').count()).toBeGreaterThanOrEqual(2);

    // The issued task reaches the staff member's list with what they may do with it; each action
    // leads to the task's page with its form open: they accept it, report progress and submit the
    // result; once the member in charge verifies it, it moves to "done on time".
    const taskId = `${id}/T1`;
    const row = page.locator(`tr[data-task-id="${taskId}"]`);
    const tile = async (bucket: string) =>
      Number(await page.getAttribute(`[data-testid=bucket-${bucket}]`, 'data-count'));
    /** From the work list, the action's link; on the task page, its form filled and sent. */
    async function taskAction(action: string, fill: Record<string, string>) {
      await page.click('a[href="#/my"]');
      await reloadUntil(page, async () => (await row.locator(`a[data-action=${action}]`).count()) === 1);
      await row.locator(`a[data-action=${action}]`).click();
      const form = page.locator(`[data-testid=form-${action}]`);
      await form.waitFor();
      for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
      await page.click(`[data-testid=form-${action}-send]`);
      await page.waitForSelector('[data-testid=action-notice]:has-text("Đã ghi nhận")');
    }
    await reloadUntil(page, async () => (await row.count()) === 1);
    const before = { open: await tile('OPEN_WITHIN_DEADLINE'), done: await tile('DONE_ON_TIME') };
    await taskAction('accept', {});
    await taskAction('reportProgress', { percent: '40', text: 'Đã khảo sát hạ tầng số tại 40% số xã.' });
    await page.click('a[href="#/my"]');
    await reloadUntil(page, async () => (await row.innerText()).includes('40%'));
    await checkA11y(page, 'staff-my-tasks.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-my-tasks.png'), fullPage: true });
    await taskAction('submitResult', { text: 'Kế hoạch hạ tầng số đã trình Ban Thường vụ.' });
    await page.click('a[href="#/my"]');
    await eventually(async () => {
      const res = await suite.stack
        .http()
        .post(`/tasks/${encodeURIComponent(taskId)}/actions/verify`)
        .set(await suite.auth('pbt.hg'))
        .send({ requestId: randomUUID(), payload: {} });
      return res.status === 200;
    }, 'the member in charge verifies the submitted result');
    await reloadUntil(page, async () => (await tile('DONE_ON_TIME')) === before.done + 1);
    expect(await tile('OPEN_WITHIN_DEADLINE')).toBe(before.open - 1);
    await expect(row.locator('.badge').innerText()).resolves.toBe('Hoàn thành đúng hạn');
    await page.context().close();
  });

  it('lets a supervisor open the overview, drill down to a programme and download its review report', async () => {
    const page = await newPage();
    await logIn(page, 'fx.pbt');
    await page.waitForSelector('[data-testid=committee-name]:has-text("Tỉnh ủy Hậu Giang")');
    expect(await page.getAttribute('[data-testid=bucket-OPEN_OVERDUE]', 'data-count')).toBe('6');
    expect(await page.getAttribute('[data-testid=bucket-DONE_ON_TIME]', 'data-count')).toBe('8');
    await expect(page.locator('[data-testid=achievement-table] tbody tr').first().innerText()).resolves.toContain(
      '25/30',
    );
    await expect(page.locator('[data-testid=by-unit] tbody tr').first().innerText()).resolves.toContain(
      'Sở Kế hoạch và Đầu tư',
    );
    for (const chart of ['chart-by-unit', 'chart-achievement', 'chart-trend', 'chart-phases'])
      expect(await page.locator(`[data-testid=${chart}] canvas`).count()).toBe(1);
    await checkA11y(page, 'supervisor-overview.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'supervisor-overview.png'), fullPage: true });
    // Narrow to one district and back.
    await page.selectOption('select[name=committeeId]', 'fx-vithanh');
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('[data-testid=committee-name]:has-text("Thành ủy Vị Thanh")');
    expect(await page.getAttribute('[data-testid=bucket-OPEN_OVERDUE]', 'data-count')).toBe('2');
    await page.selectOption('select[name=committeeId]', '');
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('[data-testid=committee-name]:has-text("Tỉnh ủy Hậu Giang")');

    await page.click(`[data-testid=programmes-table] a[data-programme-id="${FX.programme123}"]`);
    await page.waitForSelector('[data-testid=programme-title]:has-text("123-CTr/TU")');
    await expect(page.locator('[data-testid=live-state]').innerText()).resolves.toContain('Tổ chức thực hiện');
    await page.waitForSelector('[data-testid=timeline] li');
    const timeline = await page.locator('[data-testid=timeline]').innerText();
    expect(timeline).toContain('Đôn đốc');
    expect(timeline).toContain('Kiểm tra, giám sát');
    expect(timeline).toContain('25/30');

    await page.click('[data-testid=generate-report]');
    const link = page.locator('[data-testid=reports] li button', { hasText: 'Tải về' }).first();
    await link.waitFor();
    await checkA11y(page, 'supervisor-programme.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'supervisor-programme.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-so-ket-nam-${FX.programme123}-2021.docx`);
    const saved = path.join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(saved);
    const xml = await (await JSZip.loadAsync(readFileSync(saved))).file('word/document.xml')!.async('string');
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('Có 25/30 chỉ tiêu đạt và vượt kế hoạch.');

    await page.click('[data-testid=lang]');
    await page.click('a[href="#/overview"]');
    await page.waitForSelector('[data-testid=bucket-OPEN_OVERDUE]:has-text("Open, overdue")');
    await page.context().close();
  });

  it('fits a phone screen', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await logIn(page, 'fx.pbt');
    await page.waitForSelector('[data-testid=committee-name]');
    await page.waitForSelector('[data-testid=chart-by-unit] canvas');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y(page, 'supervisor-overview-phone.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'supervisor-overview-phone.png'), fullPage: true });
    await page.context().close();
  });
  it('keeps the session in HttpOnly cookies only, renews it once for all tabs, and logout ends it everywhere', async () => {
    const page = await newPage();
    const response = await logIn(page, 'chuyenvien.hg');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    const context = page.context();
    const cookies = await context.cookies();
    const cookie = (name: string) => cookies.find((c) => c.name === name);
    expect(cookie('ap_access')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie('ap_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    expect(cookie('csrf')).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
    // Script on the page sees no token: not in its storage, not in document.cookie.
    // (Page code is given as text: this file is type-checked without the DOM's types.)
    const seen = await page.evaluate<string>(
      'JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookie: document.cookie })',
    );
    for (const name of ['ap_access', 'ap_refresh']) {
      expect(seen).not.toContain(cookie(name)!.value);
      expect(seen).not.toContain(name);
    }
    expect(await page.evaluate<string[]>("Object.keys(localStorage).filter((key) => key !== 'ap.lang')")).toEqual([]);
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);

    // The access token expires (every 10 minutes) while two tabs are open: both meet a 401 at once,
    // and exactly one of them spends the refresh token; a second use would have ended the session.
    const second = watchPolicy(await context.newPage());
    await second.goto(`${suite.baseUrl}/#/my`);
    await second.waitForSelector('[data-testid=who]');
    const refreshes: string[] = [];
    context.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/auth/refresh') refreshes.push(r.url());
    });
    await context.clearCookies({ name: 'ap_access' });
    await Promise.all([page.reload(), second.reload()]);
    for (const tab of [page, second]) {
      await tab.waitForSelector('[data-testid=who]');
      await tab.waitForLoadState('networkidle');
    }
    expect(refreshes).toHaveLength(1);
    await second.reload();
    await second.waitForSelector('[data-testid=who]');

    // Logout ends the session on the server, clears the cookies, and takes every tab back to login.
    const ended = await sessionCookie(page);
    await page.click('[data-testid=logout]');
    await page.waitForSelector('input[name=username]');
    await second.waitForSelector('input[name=username]');
    expect((await suite.stack.http().get('/auth/me').set('Cookie', ended)).status).toBe(401);
    expect(await page.evaluate<number>("fetch('/auth/me').then((r) => r.status)")).toBe(401);
    expect((await context.cookies()).map((c) => c.name)).not.toContain('ap_access');

    // A session ended elsewhere (here: logged out by its cookies) sends the page back to login, saying so.
    await logIn(page, 'chuyenvien.hg');
    const csrf = (await context.cookies()).find((c) => c.name === 'csrf')!.value;
    const out = await suite.stack
      .http()
      .post('/auth/logout')
      .set('Cookie', await sessionCookie(page))
      .set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    await page.reload();
    await page.waitForSelector('[data-testid=session-ended]');
    expect(await page.locator('[data-testid=who]').count()).toBe(0);
    await context.close();
  });

  it('makes a person whose password an admin reset choose a new one before anything else', async () => {
    const id = `console-${run}`;
    await suite.stack.dataSource.query(
      `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1, $1, 'Nguyễn Văn Thử', $2, 'hg-tu', '{STAFF}')`,
      [id, await hashPassword('demo-password')],
    );
    const reset = await suite.stack
      .http()
      .post(`/admin/accounts/${id}/password-reset`)
      .set(await suite.auth('admin'))
      .send({});
    expect(reset.status).toBe(200);
    const page = await newPage();
    await logIn(page, id, reset.body.temporaryPassword);
    await page.waitForSelector('[data-testid=change-password]');
    expect(await page.locator('nav a').count()).toBe(0);
    const chosen = 'Cánh đồng lúa Phụng Hiệp mùa nước nổi';
    await page.fill('input[name=currentPassword]', reset.body.temporaryPassword);
    await page.fill('input[name=newPassword]', chosen);
    await page.fill('input[name=repeatPassword]', `${chosen}!`);
    await page.click('[data-testid=change-password] button[type=submit]');
    await page.waitForSelector('[data-testid=change-password] [role=alert]:has-text("không khớp")');
    await page.fill('input[name=repeatPassword]', chosen);
    await page.click('[data-testid=change-password] button[type=submit]');
    await page.waitForSelector('a[href="#/my"]');
    await page.waitForSelector('[data-testid=change-password]', { state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#/my');
    const login = (password: string) => suite.stack.http().post('/auth/login').send({ username: id, password });
    expect((await login(chosen)).body.mustChangePassword).toBe(false);
    expect((await login(reset.body.temporaryPassword)).status).toBe(401);
    await page.context().close();
  });

  it('offers single sign-on with the configured label when the API has it on', async () => {
    const page = await newPage();
    await page.goto(`${suite.baseUrl}/`);
    const sso = page.locator('[data-testid=sso]');
    await sso.waitFor();
    expect(await sso.innerText()).toBe(SSO.OIDC_LABEL);
    expect(await sso.getAttribute('href')).toBe('/auth/oidc/login');
    await page.context().close();
  });

  it('serves Swagger UI under its own policy, without violations', async () => {
    const page = await newPage();
    const response = await page.goto(`${suite.baseUrl}/docs`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    await page.waitForSelector('.opblock');
    await page.context().close();
  });
});

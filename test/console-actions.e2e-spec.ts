import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { checkA11y, logInConsole, newConsolePage, overflow, PHONE, SCREENSHOTS } from './utils/console-browser';
import { eventually } from './utils/test-stack';
import { useConsoleSuite } from './utils/console-suite';

/**
 * Every step by clicking, as the person whose turn it is: advisory staff create a programme in the
 * console and assign the survey, the surveyor submits findings, staff close the survey, submit a draft
 * and open a consultation, and the invitee gives an opinion. Each page shows exactly the actions the
 * API lists for its reader, forms come from the payload schemas (client-side checks and the API's
 * refusals shown next to their field), a double click on "send" has one effect (one audit event),
 * forms open with the focus inside and close with Escape, every page passes axe-core with no serious
 * or critical violation and fits a phone's width. Screenshots go to test-artifacts/screenshots/.
 */
describe('console: every action in the browser (browser e2e)', () => {
  const suite = useConsoleSuite();
  const id = `console-actions-${randomUUID().slice(0, 8)}`;
  const TITLE = 'Chương trình hành động về kinh tế số cấp xã';

  /** The action names the API lists for the person now. */
  async function listed(username: string): Promise<string[]> {
    const res = await suite.stack
      .http()
      .get(`/programmes/${id}/available-actions`)
      .set(await suite.auth(username));
    expect(res.status).toBe(200);
    return (res.body.actions as Array<{ name: string }>).map((a) => a.name).sort();
  }

  /** How many audit events the action left. */
  async function auditCount(action: string): Promise<number> {
    const res = await suite.stack
      .http()
      .get(`/programmes/${id}/audit?limit=200`)
      .set(await suite.auth('chuyenvien.hg'));
    return (res.body.items as Array<{ action: string }>).filter((a) => a.action === action).length;
  }

  /** Shows the buttons of exactly the listed actions, checks the page (axe, phone width) and keeps a picture. */
  async function showsExactly(page: Page, username: string, shot: string): Promise<string[]> {
    const expected = await listed(username);
    await eventually(
      async () => {
        const shown = await page
          .locator('[data-testid=actions] button[data-action]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
        return JSON.stringify(shown.sort()) === JSON.stringify(expected);
      },
      `the console to show exactly ${expected.join(', ')} to ${username}`,
    );
    await checkPage(page, shot);
    return expected;
  }

  async function checkPage(page: Page, shot: string): Promise<void> {
    await checkA11y(page, shot);
    await page.screenshot({ path: path.join(SCREENSHOTS, `actions-${shot}.png`), fullPage: true });
    const wide = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await checkA11y(page, `${shot} (phone)`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `actions-${shot}-phone.png`), fullPage: true });
    await page.setViewportSize(wide);
  }

  async function asPerson(username: string): Promise<Page> {
    const page = await newConsolePage(suite.browser, suite.violations);
    await logInConsole(page, suite.baseUrl, username);
    await page.goto(`${suite.baseUrl}/#/programme/${id}`);
    await page.waitForSelector('[data-testid=programme-title]');
    return page;
  }

  /** Opens the action's form by its button; the focus moves into it. */
  async function open(page: Page, action: string) {
    await page.click(`[data-testid=actions] button[data-action=${action}]`);
    const form = page.locator(`[data-testid=form-${action}]`);
    await form.waitFor();
    expect(await form.evaluate((f) => f.contains(f.ownerDocument.activeElement))).toBe(true);
    return form;
  }

  /** People pickers: the offered people to tick, or (when none are offered) ids one per line. */
  async function choosePeople(page: Page, action: string, field: string, ids: string[]) {
    const form = page.locator(`[data-testid=form-${action}]`);
    const boxes = form.locator(`input[type=checkbox][name="${field}"]`);
    if ((await boxes.count()) > 0)
      for (const person of ids) await boxes.locator(`xpath=self::*[@value="${person}"]`).check();
    else await form.locator(`textarea[name="${field}"]`).fill(ids.join('\n'));
  }

  async function sent(page: Page, action: string) {
    await page.locator(`[data-testid=form-${action}]`).waitFor({ state: 'detached' });
    await page.waitForSelector('[data-testid=action-notice]');
  }

  /** The error text the field points at through aria-describedby. */
  async function fieldError(page: Page, action: string, name: string): Promise<string> {
    const field = page.locator(`[data-testid=form-${action}] [name="${name}"]`).first();
    await page.waitForSelector(`[data-testid=form-${action}] [name="${name}"][aria-describedby]`);
    const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
    const texts = await Promise.all(ids.map((d) => page.locator(`[id="${d}"]`).innerText()));
    return texts.join(' ');
  }

  it('creates a programme in the browser, with field errors next to their fields', async () => {
    const page = await newConsolePage(suite.browser, suite.violations);
    await logInConsole(page, suite.baseUrl, 'chuyenvien.hg');
    await page.click('a[href="#/programmes/new"]');
    const form = page.locator('[data-testid=form-createProgramme]');
    await form.waitFor();
    await checkPage(page, 'create-programme');
    await form.locator('[name=title]').fill('ab');
    await form.locator('[name=term]').fill('2020');
    await page.click('[data-testid=form-createProgramme-send]');
    expect(await fieldError(page, 'createProgramme', 'title')).toContain('3');
    expect(await fieldError(page, 'createProgramme', 'term')).toContain('định dạng');
    expect(await fieldError(page, 'createProgramme', 'issuingUnitId')).toContain('Cần nhập');
    await checkA11y(page, 'create-programme with errors');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'actions-create-programme-errors.png'), fullPage: true });

    await form.locator('[name=id]').fill(id);
    await form.locator('[name=templateId]').selectOption('action-programme');
    await form.locator('[name=title]').fill(TITLE);
    await form.locator('[name=issuingUnitId]').fill('hg-tu');
    await form.locator('[name=memberInChargeId]').fill('hg-pbt');
    await form.locator('[name=fieldGroup]').fill('digital');
    await form.locator('[name=term]').fill('2020-2025');
    await page.click('[data-testid=form-createProgramme-send]');
    await page.waitForSelector(`[data-testid=programme-title]:has-text("${TITLE}")`);
    expect(page.url()).toContain(`#/programme/${id}`);
    await page.context().close();
  });

  it('takes it through the survey: only the listed actions show, Escape closes, a double click acts once', async () => {
    const staff = await asPerson('chuyenvien.hg');
    expect(await showsExactly(staff, 'chuyenvien.hg', 'survey-staff')).toContain('assignSurveyors');
    await open(staff, 'assignSurveyors');
    await staff.keyboard.press('Escape');
    await staff.locator('[data-testid=form-assignSurveyors]').waitFor({ state: 'detached' });
    expect(await staff.evaluate("document.activeElement?.getAttribute('data-action')")).toBe('assignSurveyors');
    await open(staff, 'assignSurveyors');
    await choosePeople(staff, 'assignSurveyors', 'surveyorIds', ['hg-skhdt-gd']);
    await checkPage(staff, 'assign-surveyors-form');
    await staff.dblclick('[data-testid=form-assignSurveyors-send]');
    await sent(staff, 'assignSurveyors');
    await eventually(async () => (await auditCount('assignSurveyors')) >= 1, 'the assignment in the audit trail');
    expect(await auditCount('assignSurveyors')).toBe(1);

    const surveyor = await asPerson('gd.skhdt.hg');
    expect(await showsExactly(surveyor, 'gd.skhdt.hg', 'survey-surveyor')).toEqual(['submitSurveyFindings']);
    await open(surveyor, 'submitSurveyFindings');
    await surveyor.fill('[data-testid=form-submitSurveyFindings] [name=text]', 'Nhiều xã chưa có hạ tầng số.');
    await surveyor.click('[data-testid=form-submitSurveyFindings-send]');
    await sent(surveyor, 'submitSurveyFindings');
    await surveyor.context().close();

    await staff.reload();
    await showsExactly(staff, 'chuyenvien.hg', 'survey-closing');
    await open(staff, 'closeSurvey');
    await staff.click('[data-testid=form-closeSurvey-send]');
    await sent(staff, 'closeSurvey');
    await staff.context().close();
  });

  it('submits a draft and opens a consultation, with the API’s refusal shown next to its field', async () => {
    const staff = await asPerson('chuyenvien.hg');
    expect(await showsExactly(staff, 'chuyenvien.hg', 'drafting')).toContain('submitDraft');
    await open(staff, 'submitDraft');
    await staff.fill('[data-testid=form-submitDraft] [name=text]', 'Dự thảo: phát triển hạ tầng số tại các xã.');
    await staff.click('[data-testid=form-submitDraft-send]');
    expect(await fieldError(staff, 'submitDraft', 'changeNote')).toContain('Cần nhập');
    await staff.fill('[data-testid=form-submitDraft] [name=changeNote]', 'Dự thảo lần 1');
    await staff.click('[data-testid=form-submitDraft-send]');
    await sent(staff, 'submitDraft');

    await showsExactly(staff, 'chuyenvien.hg', 'drafted');
    await open(staff, 'openConsultation');
    await choosePeople(staff, 'openConsultation', 'inviteeIds', ['hg-stc-gd']);
    // A deadline already past passes the form's checks; the programme refuses it, next to the field.
    await staff.fill('[data-testid=form-openConsultation] [name=deadline]', '2020-01-01T08:00');
    await staff.click('[data-testid=form-openConsultation-send]');
    expect(await fieldError(staff, 'openConsultation', 'deadline')).toMatch(/deadline/);
    await checkPage(staff, 'open-consultation-refused');
    const next = new Date(Date.now() + 10 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
    await staff.fill('[data-testid=form-openConsultation] [name=deadline]', next);
    await staff.click('[data-testid=form-openConsultation-send]');
    await sent(staff, 'openConsultation');
    await staff.context().close();
  });

  it('lets the invitee read the draft and give an opinion, after which it is no longer offered', async () => {
    const invitee = await asPerson('gd.stc.hg');
    await invitee.waitForSelector('[data-testid=consultation]');
    expect(await showsExactly(invitee, 'gd.stc.hg', 'consultation-invitee')).toContain('submitOpinion');
    await expect(invitee.locator('[data-testid=silent]').innerText()).resolves.toMatch(/\S/);
    await open(invitee, 'submitOpinion');
    await invitee.fill(
      '[data-testid=form-submitOpinion] [name=text]',
      'Đề nghị bổ sung nguồn lực cho các xã vùng sâu.',
    );
    await invitee.dblclick('[data-testid=form-submitOpinion-send]');
    await sent(invitee, 'submitOpinion');
    await eventually(async () => (await auditCount('submitOpinion')) >= 1, 'the opinion in the audit trail');
    expect(await auditCount('submitOpinion')).toBe(1);
    expect(await listed('gd.stc.hg')).not.toContain('submitOpinion');
    await showsExactly(invitee, 'gd.stc.hg', 'consultation-answered');

    await invitee.click(`a[href="#/programme/${id}/audit"]`);
    await invitee.waitForSelector('[data-testid=audit] tr[data-action=submitOpinion]');
    await checkPage(invitee, 'audit-trail');
    await invitee.context().close();
  });
});

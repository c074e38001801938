import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Page } from 'playwright-core';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { asSeededPeople } from './utils/authorization-fixtures';
import { checkA11y, logInConsole, newConsolePage, overflow, PHONE, SCREENSHOTS } from './utils/console-browser';
import { useConsoleSuite } from './utils/console-suite';
import { eventually } from './utils/test-stack';

/**
 * The console's renaming and split forms in Debian's Chromium against the real stack, all by clicking
 * as Hậu Giang's administrator: a renaming refused for a code in use (shown beside the code, nothing
 * written), then made, the new row named as asked and the old one kept as its predecessor; a split
 * refused while no work goes elsewhere (shown under the unit's open work, nothing written), then made
 * with one task sent to a second unit: that task goes there, the rest of the work to the default
 * successor. Each is checked on the page, through the API and in the read model.
 */
describe('console: renaming and splitting units (browser e2e)', () => {
  const suite = useConsoleSuite();
  const r = randomUUID().slice(0, 6);
  const R = r.toUpperCase();
  const ADMIN = 'admin.hg';

  const q = (sql: string, params: unknown[] = []) => suite.stack.dataSource.query(sql, params);
  const http = () => suite.stack.http();
  const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

  /** Units of this file under the province, valid from 2025-07-01, each `[id, name, kind, parentId]`. */
  async function addUnits(rows: Array<[string, string, string, string]>) {
    for (const [id, name, kind, parentId] of rows)
      await q(
        `INSERT INTO org_unit (id, code, name, kind, parent_id, valid_from, status)
         VALUES ($1, upper($1), $2, $3, $4, '2025-07-01', 'ACTIVE')`,
        [id, name, kind, parentId],
      );
  }

  /** The restructuring page as the administrator, the form of `mode` open. */
  async function openForm(mode: 'RENAME' | 'SPLIT', testId: string) {
    const page = await newConsolePage(suite.browser, suite.violations);
    await logInConsole(page, suite.baseUrl, ADMIN);
    await page.click('nav a[href="#/admin/units"]');
    await page.click('.admin-nav a:has-text("Sắp xếp đơn vị")');
    await page.click(`[data-testid=mode-${mode}]`);
    return { page, form: page.locator(`[data-testid=${testId}]`) };
  }

  /** Waits for the accepted change on the page to be done: the one change naming `unitId`, by its id. */
  async function doneChange(page: Page, unitId: string): Promise<string> {
    await page.waitForSelector('[data-testid=restructuring][data-status=DONE]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=restructuring-status]').innerText()).toBe('Hoàn tất');
    const rows = await q(`SELECT change_id FROM org_change_unit WHERE unit_id = $1`, [unitId]);
    expect(rows).toHaveLength(1);
    await page.waitForSelector(
      `[data-testid=restructurings] tr[data-change-id="${rows[0].change_id}"][data-status=DONE]`,
    );
    return rows[0].change_id;
  }

  const changesNaming = async (unitId: string) =>
    (await q(`SELECT 1 FROM org_change_unit WHERE unit_id = $1 OR successor_id = $1`, [unitId])).length;

  it('renames a unit: a code in use is refused beside the field, then the new row succeeds the old one', async () => {
    const [unit, child] = [`rn-${r}`, `rn-c-${r}`];
    const [oldName, newName, newCode] = [`Ban Tuyên giáo ${R}`, `Ban Tuyên giáo và Dân vận ${R}`, `BTGDV-${R}`];
    await addUnits([
      [unit, oldName, 'ADVISORY_BOARD', 'hg-tu'],
      [child, `Phòng Lý luận chính trị ${R}`, 'DEPARTMENT', unit],
    ]);
    const { page, form } = await openForm('RENAME', 'rename-form');
    await form.locator('select[name=unitId]').selectOption(unit);
    // The name starts from the current one; the admin writes the new one over it.
    expect(await form.locator('input[name=name]').inputValue()).toBe(oldName);
    await form.locator('input[name=name]').fill(newName);
    await form.locator('input[name=code]').fill('HG-TU');
    await form.locator('textarea[name=reason]').fill(`Quyết định hợp nhất Ban Tuyên giáo và Ban Dân vận ${R}`);
    expect(await form.locator('input[name=effectiveDate]').inputValue()).toBe(vnToday());
    await form.locator('[data-testid=submit-rename]').click();
    const codeError = form.locator('[data-field=code]');
    await codeError.waitFor();
    expect(await codeError.innerText()).toMatch(/code HG-TU of new unit .* is already used by Tỉnh ủy Hậu Giang/);
    expect(await form.locator('input[name=code]').getAttribute('aria-invalid')).toBe('true');
    expect(await changesNaming(unit)).toBe(0);
    expect(await q(`SELECT 1 FROM org_unit WHERE name = $1`, [newName])).toHaveLength(0);

    await form.locator('input[name=code]').fill(newCode);
    await form.locator('[data-testid=submit-rename]').click();
    await doneChange(page, unit);
    const detail = page.locator('[data-testid=restructuring]');
    expect(await detail.innerText()).toContain(`${oldName} → ${newName}`);
    expect(await detail.locator('[data-testid=reparented]').innerText()).toContain(`Phòng Lý luận chính trị ${R}`);
    await checkA11y(page, 'admin-restructuring-rename.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-restructuring-rename.png'), fullPage: true });

    // The API: the old row ended yesterday as MERGED into the new one, which has the new name and code.
    const [old] = await q(`SELECT successor_id FROM org_unit WHERE id = $1`, [unit]);
    const headers = await suite.auth(ADMIN);
    const renamed = await http().get(`/admin/units/${old.successor_id}`).set(headers);
    expect(renamed.status).toBe(200);
    expect(renamed.body.unit).toMatchObject({
      name: newName,
      code: newCode,
      kind: 'ADVISORY_BOARD',
      parentId: 'hg-tu',
      status: 'ACTIVE',
      validFrom: vnToday(),
    });
    const before = await http().get(`/admin/units/${unit}`).set(headers);
    expect(before.body.unit).toMatchObject({ name: oldName, status: 'MERGED', successorId: old.successor_id });
    expect(await q(`SELECT parent_id FROM org_unit WHERE id = $1`, [child])).toEqual([{ parent_id: old.successor_id }]);
    await page.context().close();
  }, 120_000);

  it('splits a unit: with no work sent elsewhere it is refused, then one task goes to a second unit and the rest to the default successor', async () => {
    const [unit, into, other] = [`sp-a-${r}`, `sp-b-${r}`, `sp-c-${r}`];
    await addUnits([
      [unit, `Sở Giáo dục, Khoa học và Công nghệ ${R}`, 'DEPARTMENT', 'hg-tu'],
      [into, `Sở Giáo dục và Đào tạo ${R}`, 'DEPARTMENT', 'hg-tu'],
      [other, `Sở Khoa học và Công nghệ ${R}`, 'DEPARTMENT', 'hg-tu'],
    ]);
    const director = `sp-gd-${r}`;
    await q(
      `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields)
       VALUES ($1, $1, $2, 'Giám đốc Sở', $3, $4, '{HEAD,KEY_CADRE}', '{}')`,
      [director, `Trần Minh Khoa ${R}`, await hashPassword(DEMO_PASSWORD), unit],
    );
    // The department's open work: a programme it issues (in survey) and two tasks of the province's
    // programme it carries; a programme it closed long ago is no open work.
    const { auth, act } = asSeededPeople(suite.stack);
    const own = `console-sp-own-${r}`;
    const created = await http()
      .post('/programmes')
      .set(await auth(ADMIN))
      .send({
        id: own,
        templateId: 'action-programme',
        title: `Chương trình phát triển khoa học công nghệ ${R}`,
        issuingUnitId: unit,
        memberInChargeId: director,
        fieldGroup: 'economy',
        term: '2025-2030',
      });
    expect(created.status).toBe(201);
    await q(
      `INSERT INTO programme (id, title, template_id, template_version, phase, issuing_unit_id, member_in_charge_id, field_group, term, workflow_id, created_by)
       VALUES ($1, 'Chương trình đã kết thúc', 'action-programme', 1, 'CLOSED', $2, $3, 'economy', '2020-2025', $4, $3)`,
      [`${own}-closed`, unit, director, `programme/${own}-closed`],
    );
    const province = `console-sp-${r}`;
    await http()
      .post('/programmes')
      .set(await auth('chuyenvien.hg'))
      .send({
        id: province,
        templateId: 'action-programme',
        title: `Chương trình đổi mới giáo dục ${R}`,
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'economy',
        term: '2025-2030',
      })
      .expect(201);
    await eventually(
      async () => (await q(`SELECT 1 FROM programme WHERE id = ANY($1)`, [[own, province]])).length === 2,
      'the programmes in the read model',
    );
    const cv = 'chuyenvien.hg';
    await act(cv, province, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
    await act('gd.skhdt.hg', province, 'submitSurveyFindings', { text: 'Cơ sở vật chất trường học còn thiếu.' });
    await act(cv, province, 'closeSurvey', {});
    await act(cv, province, 'submitDraft', { documentRef: 'DT-05/VPTU', changeNote: 'Dự thảo lần 1' });
    await act(cv, province, 'openConsultation', {
      inviteeIds: ['hg-stc-gd'],
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await act('gd.stc.hg', province, 'submitOpinion', { text: 'Nhất trí.' });
    await act(cv, province, 'closeConsultation', {});
    await act(cv, province, 'submitForApproval', {});
    await act('bithu.hg', province, 'approve', { note: 'Thông qua' });
    const task = (code: string, title: string, days: number) => ({
      code,
      title: `${title} ${R}`,
      responsibleUnitId: unit,
      responsiblePersonId: director,
      coordinatingUnitIds: [],
      dueAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    });
    await act(cv, province, 'issue', {
      documentNumber: `${R}-CTr/TU`,
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [],
      tasks: [task('T1', 'Phát triển hệ sinh thái khởi nghiệp', 60), task('T2', 'Kiên cố hóa trường lớp', 90)],
      solutions: ['Huy động nguồn lực xã hội'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee: null,
    });
    const [t1, t2] = [`${province}/T1`, `${province}/T2`];
    await eventually(
      async () => (await q(`SELECT 1 FROM task WHERE id = ANY($1)`, [[t1, t2]])).length === 2,
      'the tasks in the read model',
    );

    const { page, form } = await openForm('SPLIT', 'split-form');
    await form.locator('select[name=unitId]').selectOption(unit);
    const rowOf = (id: string) => form.locator(`[data-item-id="${id}"]`);
    await rowOf(t2).waitFor();
    // The unit's open work, each row with the unit taking it; the closed programme is not among it.
    expect(await rowOf(own).innerText()).toContain(`Chương trình phát triển khoa học công nghệ ${R}`);
    expect(await rowOf(t1).innerText()).toContain(`T1 — Phát triển hệ sinh thái khởi nghiệp ${R}`);
    expect(await form.locator('[data-item-id]').count()).toBe(3);
    expect(await rowOf(`${own}-closed`).count()).toBe(0);
    await form.locator('select[name=successorId]').selectOption(into);
    await form.locator('textarea[name=reason]').fill(`Quyết định chia tách Sở ${R}`);

    // Everything to the default successor is a merger, not a split: refused, shown with the work, nothing written.
    await form.locator('[data-testid=submit-split]').click();
    const itemsError = form.locator('[data-field=items]');
    await itemsError.waitFor();
    expect(await itemsError.innerText()).toContain('a split needs items that send work to a second unit');
    expect(await changesNaming(unit)).toBe(0);
    expect(await q(`SELECT status FROM org_unit WHERE id = $1`, [unit])).toEqual([{ status: 'ACTIVE' }]);
    await checkA11y(page, 'admin-restructuring-split-form.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-restructuring-split-form.png'), fullPage: true });
    // The rows of work, each with its choice of unit, fit a phone's width.
    await page.setViewportSize(PHONE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });

    // T1 goes to the science department; the programme and T2 to the default successor.
    await rowOf(t1).locator('select').selectOption(other);
    await form.locator('[data-testid=submit-split]').click();
    const changeId = await doneChange(page, unit);
    const detail = page.locator('[data-testid=restructuring]');
    expect(await detail.locator('[data-testid=restructuring-items]').innerText()).toContain(
      `${t1} → Sở Khoa học và Công nghệ ${R}`,
    );
    await checkA11y(page, 'admin-restructuring-split.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-restructuring-split.png'), fullPage: true });

    const change = await http()
      .get(`/organisation/restructurings/${changeId}`)
      .set(await auth(ADMIN));
    expect(change.body).toMatchObject({
      kind: 'SPLIT',
      status: 'DONE',
      units: [{ unitId: unit, successorId: into }],
      items: [{ kind: 'TASK', id: t1, successorId: other, responsiblePersonId: null }],
    });
    expect(await q(`SELECT status, successor_id FROM org_unit WHERE id = $1`, [unit])).toEqual([
      { status: 'SPLIT', successor_id: into },
    ]);
    expect(
      await q(`SELECT id, responsible_unit_id, original_responsible_unit_id FROM task WHERE id = ANY($1) ORDER BY id`, [
        [t1, t2],
      ]),
    ).toEqual([
      { id: t1, responsible_unit_id: other, original_responsible_unit_id: unit },
      { id: t2, responsible_unit_id: into, original_responsible_unit_id: unit },
    ]);
    expect(await q(`SELECT id, issuing_unit_id FROM programme WHERE id LIKE $1 ORDER BY id`, [`${own}%`])).toEqual([
      { id: own, issuing_unit_id: into },
      { id: `${own}-closed`, issuing_unit_id: unit },
    ]);
    // The task's own workflow says so too.
    const live = await http()
      .get(`/tasks/${encodeURIComponent(t1)}`)
      .set(await auth(ADMIN));
    expect(live.status).toBe(200);
    expect(live.body.task.responsibleUnitId).toBe(other);
    expect(live.body.live?.state.responsibleUnitId).toBe(other);
    // The director moved with the unit to its default successor.
    expect(await q(`SELECT unit_id FROM person WHERE id = $1`, [director])).toEqual([{ unit_id: into }]);
    await page.context().close();
  }, 240_000);
});

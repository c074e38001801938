import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { Page } from 'playwright-core';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import {
  checkA11y,
  DOWNLOADS,
  logInConsole,
  newConsolePage,
  overflow,
  PHONE,
  SCREENSHOTS,
} from './utils/console-browser';
import { eventually } from './utils/test-stack';
import { useConsoleSuite } from './utils/console-suite';

/**
 * The console's administration of the organisation in Debian's Chromium against the real stack: a
 * provincial administrator creates a unit (after the API refused a first try, shown next to the field)
 * and a person, gives them a position and an account, and the new person logs in; imports a file (the
 * template downloaded, a bad file's problems shown, a good file applied); hands a leaving cadre's
 * duties to a successor in one submit, which the successor then finds in their work list. Each step
 * is checked on the page and in the API or the database.
 */
describe('console: the organisation (browser e2e)', () => {
  const suite = useConsoleSuite();
  const r = randomUUID().slice(0, 6);
  const R = r.toUpperCase();
  const ADMIN = 'admin.hg';

  const newPage = (viewport?: { width: number; height: number }) =>
    newConsolePage(suite.browser, suite.violations, viewport);
  const logIn = (page: Page, username: string, password?: string) =>
    logInConsole(page, suite.baseUrl, username, password);
  const q = (sql: string, params: unknown[] = []) => suite.stack.dataSource.query(sql, params);
  const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

  /** Opens an administration page from the nav, the way an administrator gets there. */
  async function openAdmin(page: Page, tab: string) {
    await page.click('nav a[href="#/admin/units"]');
    await page.click(`.admin-nav a:has-text("${tab}")`);
  }

  it('creates a unit and a person, gives a position and an account, and the new person logs in', async () => {
    // A district committee abolished on 1 July 2025, its commune successor: shown ended, with it.
    await q(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, valid_from, valid_to, status, successor_id) VALUES
         ($1, $1, 'Đảng ủy xã Vị Thủy ' || $3::text, 'COMMUNE_COMMITTEE', 'hg-tu', '2025-07-01', NULL, 'ACTIVE', NULL),
         ($2, $2, 'Huyện ủy Vị Thủy ' || $3::text, 'DISTRICT_COMMITTEE', 'hg-tu', '2004-01-01', '2025-06-30', 'ABOLISHED', $1)`,
      [`${R}-XVT`, `${R}-HVT`, R],
    );
    const page = await newPage();
    await logIn(page, ADMIN);
    await page.click('nav a[href="#/admin/units"]');
    const province = page.locator('button[aria-label="Mở Tỉnh ủy Hậu Giang"]');
    await province.focus();
    await page.keyboard.press('Enter');
    const ended = page.locator(`li[data-unit-id="${R}-HVT"]`);
    await ended.waitFor();
    expect(await ended.getAttribute('class')).toBe('ended');
    expect(await ended.locator('[data-testid=successor]').innerText()).toBe(`Đảng ủy xã Vị Thủy ${R}`);
    expect(await page.locator(`li[data-unit-id="${R}-XVT"]`).getAttribute('class')).toBeNull();

    // A first try ends before it starts: the API's refusal is shown beside that field, nothing is written.
    const code = `${R}-XTH`;
    const unitName = `Đảng ủy xã Tân Hòa ${R}`;
    await page.click('[data-testid=new-unit]');
    const form = page.locator('[data-testid=unit-form]');
    await form.locator('input[name=code]').fill(code);
    await form.locator('input[name=name]').fill(unitName);
    await form.locator('select[name=kind]').selectOption('COMMUNE_COMMITTEE');
    await form.locator('select[name=parentId]').selectOption('hg-tu');
    await form.locator('input[name=validFrom]').fill('2025-07-01');
    await form.locator('input[name=validTo]').fill('2025-01-01');
    await form.locator('button[type=submit]').click();
    const validToError = form.locator('[data-field=validTo]');
    await validToError.waitFor();
    expect(await validToError.innerText()).toContain('is before validFrom');
    expect(await form.locator('input[name=validTo]').getAttribute('aria-invalid')).toBe('true');
    expect(await q(`SELECT 1 FROM org_unit WHERE code = $1`, [code])).toHaveLength(0);

    await form.locator('input[name=validTo]').fill('');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector(`[data-testid=notice]:has-text("${unitName}")`);
    const [unit] = await q(`SELECT id, parent_id, kind, valid_from::text FROM org_unit WHERE code = $1`, [code]);
    expect(unit).toMatchObject({ parent_id: 'hg-tu', kind: 'COMMUNE_COMMITTEE', valid_from: '2025-07-01' });
    await page.locator(`li[data-unit-id="${unit.id}"]`).waitFor();
    await checkA11y(page, 'admin-units.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-units.png'), fullPage: true });

    // A person in the new unit, their position as its secretary, their account.
    await openAdmin(page, 'Cán bộ');
    await page.click('[data-testid=new-person]');
    const personForm = page.locator('[data-testid=person-form]');
    const fullName = `Lê Thị Hồng Nhung ${R}`;
    await personForm.locator('input[name=fullName]').fill(fullName);
    await personForm.locator('select[name=unitId]').selectOption(unit.id);
    await personForm.locator('button[type=submit]').click();
    await page.waitForSelector(`[data-testid=person-name]:has-text("${fullName}")`);
    const personId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
    expect(await q(`SELECT unit_id FROM person WHERE id = $1`, [personId])).toEqual([{ unit_id: unit.id }]);

    const positionForm = page.locator('[data-testid=position-form]');
    await positionForm.locator('select[name=unitId]').selectOption(unit.id);
    await positionForm.locator('input[name=title]').fill('Bí thư Đảng ủy xã');
    await positionForm.locator('input[name=roles][value=HEAD]').check();
    await positionForm.locator('input[name=roles][value=KEY_CADRE]').check();
    await positionForm.locator('select[name=seat]').selectOption('HEAD');
    await positionForm.locator('button[type=submit]').click();
    const position = page.locator('[data-testid=positions] tbody tr', { hasText: 'Bí thư Đảng ủy xã' });
    await position.waitFor();
    expect(await position.innerText()).toContain('hiện giữ');
    const positions = await q(`SELECT unit_id, seat, roles, ends_on FROM position WHERE person_id = $1`, [personId]);
    expect(positions).toEqual([{ unit_id: unit.id, seat: 'HEAD', roles: expect.any(Array), ends_on: null }]);
    expect([...positions[0].roles].sort()).toEqual(['HEAD', 'KEY_CADRE']);

    const username = `nhung.${r}`;
    await page.fill('[data-testid=account-form] input[name=username]', username);
    await page.click('[data-testid=account-form] button[type=submit]');
    const temporary = await page.locator('[data-testid=temporary-password]').innerText();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.waitForSelector(`[data-testid=account-state]:has-text("${username}")`);
    await checkA11y(page, 'admin-person.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-person.png'), fullPage: true });
    expect(await q(`SELECT username, must_change_password FROM person WHERE id = $1`, [personId])).toEqual([
      { username, must_change_password: true },
    ]);

    // The new person logs in with the temporary password and must choose their own first.
    const theirs = await newPage();
    await logIn(theirs, username, temporary);
    const chosen = `Đồng lúa Tân Hòa mùa nước nổi ${r}`;
    await theirs.fill('input[name=currentPassword]', temporary);
    await theirs.fill('input[name=newPassword]', chosen);
    await theirs.fill('input[name=repeatPassword]', chosen);
    await theirs.click('[data-testid=change-password] button[type=submit]');
    await theirs.waitForSelector(`[data-testid=who]:has-text("${fullName}")`);
    await theirs.waitForSelector('[data-testid=change-password]', { state: 'detached' });
    const me = await suite.stack.http().post('/auth/login').send({ username, password: chosen });
    expect(me.status).toBe(200);
    expect(me.body.principal).toMatchObject({ personId, unitId: unit.id });
    expect([...me.body.principal.roles].sort()).toEqual(['HEAD', 'KEY_CADRE']);
    // They administer nothing: no way into the administration.
    expect(await theirs.locator('nav a[href="#/admin/units"]').count()).toBe(0);
    await theirs.context().close();
    await page.context().close();

    // The API document lets a temporary password be null: it is then generated, as when absent.
    const other = await suite.stack
      .http()
      .post('/admin/people')
      .set(await suite.auth(ADMIN))
      .send({ fullName: `Trần Văn Null ${R}`, unitId: unit.id });
    const account = await suite.stack
      .http()
      .post(`/admin/accounts/${other.body.id}`)
      .set(await suite.auth(ADMIN))
      .send({ username: `null.${r}`, temporaryPassword: null });
    expect(account.status).toBe(201);
    expect(account.body.temporaryPassword.length).toBeGreaterThanOrEqual(12);
  });

  it('imports a file: the template downloads, a bad file lists its problems, a good file is applied', async () => {
    const page = await newPage();
    await logIn(page, ADMIN);
    await openAdmin(page, 'Nhập từ tệp');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=template-xlsx]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(DOWNLOADS, `template-${r}.xlsx`);
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(zip.file('xl/workbook.xml')).not.toBeNull();
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('Đơn vị');

    const csv = (rows: string[][]) =>
      Buffer.from(['code,name,kind,parentCode,validFrom,validTo', ...rows.map((row) => row.join(','))].join('\n'));
    const choose = (name: string, buffer: Buffer) =>
      page.setInputFiles('input[type=file]', { name, mimeType: 'text/csv', buffer });

    // A row under a parent that does not exist: its problem is listed, apply stays off, nothing is written.
    await choose('sai.csv', csv([[`${R}-B1`, 'Chi bộ Thử nghiệm', 'GRASSROOTS_ORGANISATION', `${R}-KHONG`, '', '']]));
    await page.click('[data-testid=import-form] button[type=submit]');
    const problems = page.locator('[data-testid=import-problems] tbody tr');
    await problems.first().waitFor();
    expect(await problems.count()).toBe(1);
    const problem = await problems.first().innerText();
    expect(problem).toContain(`unknown unit code ${R}-KHONG`);
    expect(problem).toContain('2');
    expect(await page.locator('[data-testid=apply-import]').isDisabled()).toBe(true);
    expect(await q(`SELECT 1 FROM org_unit WHERE code LIKE $1`, [`${R}-B%`])).toHaveLength(0);

    const good = csv([
      [`${R}-G1`, 'Đảng ủy xã Long Bình', 'COMMUNE_COMMITTEE', 'HG-TU', '01/07/2025', ''],
      [`${R}-G2`, 'Chi bộ ấp Long An', 'GRASSROOTS_ORGANISATION', `${R}-G1`, '2025-07-01', ''],
    ]);
    await choose('dung.csv', good);
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForSelector('[data-testid=import-report] .notice');
    const rows = page.locator('[data-testid=import-rows] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toContain('Tạo mới');
    expect(await q(`SELECT 1 FROM org_unit WHERE code LIKE $1`, [`${R}-G%`])).toHaveLength(0);
    await checkA11y(page, 'admin-import.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-import.png'), fullPage: true });
    await page.click('[data-testid=apply-import]');
    await page.waitForSelector('[data-testid=import-applied]:has-text("Tạo mới 2")');
    expect(
      await q(
        `SELECT u.code, p.code AS parent FROM org_unit u JOIN org_unit p ON p.id = u.parent_id
         WHERE u.code LIKE $1 ORDER BY u.code`,
        [`${R}-G%`],
      ),
    ).toEqual([
      { code: `${R}-G1`, parent: 'HG-TU' },
      { code: `${R}-G2`, parent: `${R}-G1` },
    ]);

    // The same file again: every row unchanged.
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForSelector('[data-testid=import-report]');
    expect(await page.locator('[data-testid=import-rows] tbody tr[data-outcome=unchanged]').count()).toBe(2);
    await page.context().close();
  });

  async function act(id: string, username: string, action: string, payload: Record<string, unknown>) {
    const res = await suite.stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(await suite.auth(username))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** A programme of Hậu Giang issued with one task that `responsiblePersonId` carries for the finance department. */
  async function issueWithTask(id: string, responsiblePersonId: string) {
    const created = await suite.stack
      .http()
      .post('/programmes')
      .set(await suite.auth('chuyenvien.hg'))
      .send({
        id,
        templateId: 'action-programme',
        title: `Chương trình chuyển đổi số ${id}`,
        issuingUnitId: 'hg-tu',
        memberInChargeId: 'hg-pbt',
        fieldGroup: 'digital',
        term: '2025-2030',
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
    await act(id, 'gd.skhdt.hg', 'submitSurveyFindings', { text: 'Hạ tầng số cấp xã còn thiếu.' });
    await act(id, 'chuyenvien.hg', 'closeSurvey', {});
    await act(id, 'chuyenvien.hg', 'submitDraft', { documentRef: 'DT-02/VPTU', changeNote: 'Dự thảo lần 1' });
    await act(id, 'chuyenvien.hg', 'openConsultation', {
      inviteeIds: ['hg-stc-gd'],
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await act(id, 'gd.stc.hg', 'submitOpinion', { text: 'Nhất trí với dự thảo.' });
    await act(id, 'chuyenvien.hg', 'closeConsultation', {});
    await act(id, 'chuyenvien.hg', 'submitForApproval', {});
    await act(id, 'bithu.hg', 'approve', { note: 'Thông qua' });
    await act(id, 'chuyenvien.hg', 'issue', {
      documentNumber: `${R}-CTr/TU`,
      issuedOn: new Date().toISOString().slice(0, 10),
      targets: [],
      tasks: [
        {
          code: 'T1',
          title: `Số hóa hồ sơ một cửa cấp xã ${R}`,
          responsibleUnitId: 'hg-stc',
          responsiblePersonId,
          coordinatingUnitIds: [],
          dueAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        },
      ],
      solutions: ['Đầu tư hạ tầng'],
      resources: ['Ngân sách tỉnh'],
      steeringCommittee: null,
    });
  }

  it("hands a leaving cadre's duties to the successor in one submit, and the successor finds them in their work list", async () => {
    const leaving = `rot-x-${r}`;
    const successor = `rot-s-${r}`;
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [id, name] of [
      [leaving, `Phạm Văn Rời ${R}`],
      [successor, `Đỗ Thị Kế ${R}`],
    ])
      await q(
        `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields)
         VALUES ($1, $1, $2, 'Chuyên viên', $3, 'hg-stc', '{STAFF}', '{}')`,
        [id, name, hash],
      );
    const programmeId = `console-rot-${r}`;
    const taskId = `${programmeId}/T1`;
    await issueWithTask(programmeId, leaving);
    await eventually(async () => {
      const res = await suite.stack
        .http()
        .get(`/organisation/people/${leaving}/duties`)
        .set(await suite.auth(ADMIN));
      return res.body.groups?.some((g: { kind: string }) => g.kind === 'TASK_RESPONSIBLE');
    }, 'the task among the leaving cadre’s duties');

    const page = await newPage();
    await logIn(page, ADMIN);
    await page.goto(`${suite.baseUrl}/#/admin/people/${leaving}`);
    await page.click('a:has-text("Rời vị trí")');
    const duty = page.locator('[data-duty-kind=TASK_RESPONSIBLE]');
    await duty.waitFor();
    expect(await duty.innerText()).toContain(`Số hóa hồ sơ một cửa cấp xã ${R}`);
    await page.selectOption('select[name=successorPersonId]', successor);
    await page.fill('textarea[name=reason]', 'Luân chuyển sang Văn phòng Tỉnh ủy');
    // Two clicks, one request id: one transfer, one move per duty.
    await page.dblclick('[data-testid=transfer]');
    const result = page.locator('[data-testid=transfer-result]');
    await result.waitFor();
    const moved = result.locator('tr[data-outcome=MOVED]', { hasText: `Số hóa hồ sơ một cửa cấp xã ${R}` });
    expect(await moved.innerText()).toContain('Đã chuyển');
    await checkA11y(page, 'admin-rotation.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-rotation.png'), fullPage: true });
    expect(await q(`SELECT status FROM duty_transfer WHERE person_id = $1`, [leaving])).toEqual([{ status: 'DONE' }]);
    await eventually(
      async () =>
        (await q(`SELECT responsible_person_id FROM task WHERE id = $1`, [taskId]))[0]?.responsible_person_id ===
        successor,
      'the task read model naming the successor',
    );
    const transferred = async () =>
      (
        await q(`SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND action = 'duties.transferred'`, [
          taskId,
        ])
      )[0].n;
    await eventually(async () => (await transferred()) > 0, 'the move in the task history');
    expect(await transferred()).toBe(1);
    await page.context().close();

    // The document lets the successor unit be null (none given): the refusal now is only that nothing is left.
    const again = await suite.stack
      .http()
      .post(`/organisation/people/${leaving}/duties/transfer`)
      .set(await suite.auth(ADMIN))
      .send({ requestId: randomUUID(), successorPersonId: successor, successorUnitId: null, reason: 'Lần hai' });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body.message)).not.toContain('unknown successor unit');

    const theirs = await newPage();
    await logIn(theirs, successor);
    await theirs.click('a[href="#/my"]');
    const row = theirs.locator(`tr[data-task-id="${taskId}"]`);
    await eventually(async () => {
      await theirs.reload();
      await theirs.waitForSelector('[data-testid=who]');
      await theirs.waitForLoadState('networkidle');
      return (await row.count()) === 1;
    }, 'the task in the successor’s work list');
    expect(await row.innerText()).toContain(`Số hóa hồ sơ một cửa cấp xã ${R}`);
    await theirs.context().close();
  });

  it("merges a unit by clicking: one change for a double click, and the successor's overview lists the predecessor's programme", async () => {
    // Two communes of Hậu Giang, each with its secretary; the first has a programme running.
    const [from, into] = [`mg-a-${r}`, `mg-b-${r}`];
    const [fromName, intoName] = [`Đảng ủy xã Hỏa Lựu ${R}`, `Đảng ủy phường Vị Tân ${R}`];
    const [fromHead, intoHead] = [`mg-a-bt-${r}`, `mg-b-bt-${r}`];
    await q(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, valid_from, status) VALUES
         ($1, upper($1), $2, 'COMMUNE_COMMITTEE', 'hg-tu', '2025-07-01', 'ACTIVE'),
         ($3, upper($3), $4, 'COMMUNE_COMMITTEE', 'hg-tu', '2025-07-01', 'ACTIVE')`,
      [from, fromName, into, intoName],
    );
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [id, unitId, name] of [
      [fromHead, from, `Nguyễn Văn Lựu ${R}`],
      [intoHead, into, `Huỳnh Thị Tân ${R}`],
    ])
      await q(
        `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields)
         VALUES ($1, $1, $2, 'Bí thư Đảng ủy', $3, $4, '{HEAD,KEY_CADRE}', '{}')`,
        [id, name, hash, unitId],
      );
    const programmeId = `console-mg-${r}`;
    const created = await suite.stack
      .http()
      .post('/programmes')
      .set(await suite.auth(ADMIN))
      .send({
        id: programmeId,
        templateId: 'action-programme',
        title: `Chương trình xây dựng xã nông thôn mới ${R}`,
        issuingUnitId: from,
        memberInChargeId: fromHead,
        fieldGroup: 'economy',
        term: '2025-2030',
      });
    expect(created.status).toBe(201);
    await eventually(
      async () => (await q(`SELECT 1 FROM programme WHERE id = $1`, [programmeId])).length === 1,
      'the programme read model',
    );
    const supervised = async () => {
      const res = await suite.stack
        .http()
        .get('/supervision/programmes?pageSize=100')
        .set(await suite.auth(intoHead));
      expect(res.status).toBe(200);
      return res.body.items.map((p: { id: string }) => p.id);
    };
    const programmeLink = (page: Page) =>
      page.locator(`[data-testid=programmes-table] a[data-programme-id="${programmeId}"]`);

    // Before: the successor's secretary supervises only their own commune.
    expect(await supervised()).not.toContain(programmeId);
    const theirs = await newPage();
    await logIn(theirs, intoHead);
    await theirs.waitForSelector('[data-testid=programmes-table]');
    await theirs.waitForLoadState('networkidle');
    expect(await programmeLink(theirs).count()).toBe(0);

    const page = await newPage();
    await logIn(page, ADMIN);
    await openAdmin(page, 'Sắp xếp đơn vị');
    const form = page.locator('[data-testid=merger-form]');
    await form.locator('select[name=predecessor]').selectOption(from);
    // A unit cannot succeed itself: the refusal is shown next to the successor, and nothing is written.
    await form.locator('select[name=successorId]').selectOption(from);
    await form.locator('textarea[name=reason]').fill(`Nghị quyết sắp xếp đơn vị hành chính cấp xã ${R}`);
    await form.locator('[data-testid=submit-merger]').click();
    const successorError = form.locator('[data-field=successorId]');
    await successorError.waitFor();
    expect(await successorError.innerText()).toContain('cannot be succeeded by');
    expect(await form.locator('select[name=successorId]').getAttribute('aria-invalid')).toBe('true');
    const changesOf = async () =>
      (await q(`SELECT change_id, successor_id FROM org_change_unit WHERE unit_id = $1`, [from])) as Array<{
        change_id: string;
        successor_id: string;
      }>;
    expect(await changesOf()).toEqual([]);

    // Two clicks, one request id: one change, which takes effect today and reaches the programme.
    await form.locator('select[name=successorId]').selectOption(into);
    expect(await form.locator('input[name=effectiveDate]').inputValue()).toBe(vnToday());
    await form.locator('[data-testid=submit-merger]').dblclick();
    const detail = page.locator('[data-testid=restructuring]');
    await detail.waitFor();
    await page.waitForSelector('[data-testid=restructuring][data-status=DONE]', { timeout: 60_000 });
    expect(await detail.locator('[data-testid=restructuring-status]').innerText()).toBe('Hoàn tất');
    // The second click was no second request refused as a busy unit: the form shows no problem.
    expect(await form.locator('[role=alert]').count()).toBe(0);
    expect(await detail.innerText()).toContain(`${fromName} → ${intoName}`);
    expect(Number(await detail.locator('[data-testid=restructuring-progress]').innerText())).toBeGreaterThanOrEqual(1);
    expect(await detail.locator('[data-testid=moved-people]').innerText()).toContain(fromHead);
    const changes = await changesOf();
    expect(changes).toEqual([{ change_id: expect.any(String), successor_id: into }]);
    const listed = page.locator(`[data-testid=restructurings] tr[data-change-id="${changes[0].change_id}"]`);
    await page.waitForSelector(
      `[data-testid=restructurings] tr[data-change-id="${changes[0].change_id}"][data-status=DONE]`,
    );
    expect(await listed.innerText()).toContain('Hợp nhất');
    await checkA11y(page, 'admin-restructuring.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-restructuring.png'), fullPage: true });
    expect(await q(`SELECT status, successor_id FROM org_unit WHERE id = $1`, [from])).toEqual([
      { status: 'MERGED', successor_id: into },
    ]);
    expect(
      await q(`SELECT issuing_unit_id, original_issuing_unit_id FROM programme WHERE id = $1`, [programmeId]),
    ).toEqual([{ issuing_unit_id: into, original_issuing_unit_id: from }]);
    const res = await suite.stack
      .http()
      .get(`/programmes/${programmeId}`)
      .set(await suite.auth(intoHead));
    expect(res.status).toBe(200);
    expect(res.body.live.state.setup.issuingUnitId).toBe(into);

    // After: the successor's overview lists the programme the predecessor issued.
    expect(await supervised()).toContain(programmeId);
    await theirs.reload();
    await theirs.waitForSelector('[data-testid=programmes-table]');
    await programmeLink(theirs).waitFor();
    expect(await programmeLink(theirs).innerText()).toContain(`Chương trình xây dựng xã nông thôn mới ${R}`);
    await theirs.context().close();

    // The end of a level, by keyboard: each district committee with the unit taking its work.
    const [district, ward] = [`mg-h-${r}`, `mg-p-${r}`];
    await q(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, valid_from, status) VALUES
         ($1, upper($1), 'Huyện ủy Long Mỹ ' || $3::text, 'DISTRICT_COMMITTEE', 'hg-tu', '2004-01-01', 'ACTIVE'),
         ($2, upper($2), 'Đảng ủy xã Long Trị ' || $3::text, 'COMMUNE_COMMITTEE', $1, '2004-01-01', 'ACTIVE')`,
      [district, ward, R],
    );
    await page.reload();
    await page.focus('[data-testid=mode-ABOLISH_LEVEL]');
    await page.keyboard.press('Enter');
    const abolish = page.locator('[data-testid=abolish-form]');
    const row = abolish.locator(`[data-unit-id="${district}"]`);
    await row.waitFor();
    expect(await abolish.locator('select[name=level]').inputValue()).toBe('DISTRICT_COMMITTEE');
    // Its province takes its work unless the admin names another unit: here, its ward.
    expect(await row.locator('select').inputValue()).toBe('hg-tu');
    for (const other of await abolish.locator('input[name=include]').all())
      if ((await other.getAttribute('value')) !== district) await other.uncheck();
    await row.locator('select').selectOption(ward);
    await abolish.locator('textarea[name=reason]').fill(`Kết thúc hoạt động cấp huyện ${R}`);
    await abolish.locator('[data-testid=submit-abolish]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=restructuring][data-status=DONE]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=reparented]').innerText()).toContain(`Đảng ủy xã Long Trị ${R}`);
    expect(
      await q(`SELECT id, status, successor_id, parent_id FROM org_unit WHERE id = ANY($1) ORDER BY id`, [
        [district, ward],
      ]),
    ).toEqual([
      { id: district, status: 'ABOLISHED', successor_id: ward, parent_id: 'hg-tu' },
      { id: ward, status: 'ACTIVE', successor_id: null, parent_id: 'hg-tu' },
    ]);
    // Nothing else of the level ended: the other districts were left out of the change.
    expect(
      await q(
        `SELECT unit_id FROM org_change_unit WHERE change_id = (SELECT change_id FROM org_change_unit WHERE unit_id = $1)`,
        [district],
      ),
    ).toEqual([{ unit_id: district }]);
    await page.context().close();
  }, 180_000);

  it('fits a phone screen', async () => {
    const page = await newPage(PHONE);
    await logIn(page, ADMIN);
    for (const route of [
      '#/admin/units',
      '#/admin/people',
      '#/admin/import',
      '#/admin/people/hg-stc-gd',
      '#/admin/restructurings',
    ]) {
      await page.goto(`${suite.baseUrl}/${route}`);
      await page.waitForSelector('.admin-nav');
      await page.waitForLoadState('networkidle');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    }
    await checkA11y(page, 'admin-person-phone.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-person-phone.png'), fullPage: true });
    await page.goto(`${suite.baseUrl}/#/admin/restructurings`);
    await page.click('[data-testid=mode-ABOLISH_LEVEL]');
    await page.locator('[data-testid=abolish-form] [data-unit-id=hg-vithanh] select').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await checkA11y(page, 'admin-restructuring-phone.png');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-restructuring-phone.png'), fullPage: true });
    await page.context().close();
  });
});

import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * The organisation import over HTTP on the real stack: the templates download and parse back; a
 * good workbook (filled into the downloaded template) creates every unit, person and position in
 * one apply, and applying it again changes nothing (counts and the rows themselves); a bad file's
 * dry run names every problem (an unknown person, an unknown parent, a cycle, a taken seat, a unit
 * outside the admin's province) and neither it nor the refused apply changes anything.
 */
describe('organisation import (e2e)', () => {
  let stack: TestStack;
  let system: string;
  let provincial: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  // Codes of this run only: the database is shared with other files.
  const P = `T${randomBytes(3).toString('hex').toUpperCase()}`;
  const p = P.toLowerCase();
  const Q = `${P}Q`;

  type Rows = { units?: unknown[][]; people?: unknown[][]; positions?: unknown[][] };
  const SHEETS = { units: 'Đơn vị', people: 'Cán bộ', positions: 'Chức vụ' } as const;
  let template: Buffer;

  /** The downloaded template with its sample rows replaced by `rows`. */
  async function workbook(rows: Rows): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    for (const [kind, sheetName] of Object.entries(SHEETS)) {
      const ws = wb.getWorksheet(sheetName)!;
      ws.getRow(2).values = [];
      (rows[kind as keyof Rows] ?? []).forEach((r, i) => (ws.getRow(i + 2).values = r as ExcelJS.CellValue[]));
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  const upload = (token: string, route: 'dry-run' | 'apply', file: Buffer, name = 'to-chuc.xlsx') =>
    stack.http().post(`/admin/organisation/import/${route}`).set(auth(token)).attach('file', file, name);

  /** Every row this run's imports may touch, whole (timestamps included: an unchanged row keeps them). */
  async function snapshot() {
    const q = (sql: string, prefix: string) => stack.dataSource.query(sql, [`${prefix}%`]);
    return {
      units: await q(`SELECT * FROM org_unit WHERE code LIKE $1 ORDER BY code`, P),
      people: await q(`SELECT * FROM person WHERE id LIKE $1 ORDER BY id`, p),
      positions: await q(`SELECT * FROM position WHERE person_id LIKE $1 ORDER BY person_id, starts_on`, p),
    };
  }

  async function admin(id: string, role: 'SYSTEM_ADMIN' | 'ADMIN', unitId: string): Promise<string> {
    await stack.dataSource.query(
      `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields)
       VALUES ($1, $1, $2, 'Quản trị', $3, $4, $5, '{}')`,
      [id, `Quản trị thử ${id}`, await hashPassword(DEMO_PASSWORD), unitId, [role]],
    );
    return stack.login(id);
  }

  const GOOD: Rows = {
    units: [
      [`${P}-TU`, `Tỉnh ủy Thử nghiệm ${P}`, 'PROVINCIAL_COMMITTEE', '', '01/01/2004', ''],
      [`${P}-VP`, 'Văn phòng Tỉnh ủy', 'ADVISORY_BOARD', `${P}-TU`, '2004-01-01', ''],
      [`${P}-CS1`, 'Đảng bộ cơ sở Khối Doanh nghiệp', 'GRASSROOTS_ORGANISATION', `${P}-TU`, '01/01/2010', ''],
      [`${P}-CS2`, 'Chi bộ Công ty Cấp nước', 'GRASSROOTS_ORGANISATION', `${P}-CS1`, '01/01/2012', ''],
      [`${P}-XA`, 'Đảng ủy xã Vị Thủy', 'COMMUNE_COMMITTEE', `${P}-TU`, '01/07/2025', ''],
      [`${Q}-TU`, `Tỉnh ủy Láng giềng ${P}`, 'PROVINCIAL_COMMITTEE', '', '01/01/2004', ''],
    ],
    people: [
      [`${p}-bithu`, '', 'Nguyễn Văn Thử', `${P}-TU`, 'Bí thư Tỉnh ủy', `${p}.bithu@example.invalid`],
      [`${p}-cvp`, '', 'Trần Thị Ánh Tuyết', `${P}-VP`, 'Chánh Văn phòng', ''],
    ],
    positions: [
      [
        `${p}-bithu`,
        `${P}-TU`,
        'Bí thư Tỉnh ủy',
        'HEAD',
        'HEAD; STANDING_COMMITTEE; KEY_CADRE',
        'Xây dựng Đảng',
        '15/10/2020',
        '',
        '',
      ],
      [`${p}-cvp`, `${P}-VP`, 'Chánh Văn phòng Tỉnh ủy', 'CHAIR', 'ADVISORY_STAFF; STAFF', '', '2020-10-15', '', ''],
    ],
  };

  beforeAll(async () => {
    stack = await startTestStack();
    system = await admin(`${p}-sysadmin`, 'SYSTEM_ADMIN', 'hg-tu');
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('gives administrators the templates, which parse back: sheets, Vietnamese headers, English notes, CSV with BOM', async () => {
    const staff = await stack.login('chuyenvien.hg');
    expect((await stack.http().get('/admin/organisation/import/template.xlsx').set(auth(staff))).status).toBe(403);
    const res = await stack
      .http()
      .get('/admin/organisation/import/template.xlsx')
      .set(auth(system))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    template = res.body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Đơn vị', 'Cán bộ', 'Chức vụ', 'Danh mục']);
    const units = wb.getWorksheet('Đơn vị')!;
    expect(units.getRow(1).values).toEqual([
      undefined,
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại đơn vị',
      'Mã đơn vị cấp trên',
      'Hiệu lực từ ngày',
      'Hiệu lực đến ngày',
    ]);
    expect(String(units.getCell('B1').note)).toMatch(/^name/);

    const csv = await stack.http().get('/admin/organisation/import/template-positions.csv').set(auth(system));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="template-positions.csv"; filename*=UTF-8''template-positions.csv`,
    );
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFMã cán bộ (person),Mã đơn vị (unitCode),Chức vụ (title),Vị trí một người giữ (seat),Vai trò (roles),Lĩnh vực phụ trách (fields),Từ ngày (startsOn),Đến ngày (endsOn),Lý do kết thúc (endReason)',
    );
    expect((await stack.http().get('/admin/organisation/import/template-secrets.csv').set(auth(system))).status).toBe(
      400,
    );

    // The untouched templates themselves are read without a problem (their sample rows are data).
    const dry = await upload(system, 'dry-run', template);
    expect(dry.status).toBe(200);
    expect(dry.body.problems).toEqual([]);
    expect(dry.body.counts.units).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const csvDry = await upload(system, 'dry-run', Buffer.from(csv.text, 'utf8'), 'mau.xlsx');
    expect(csvDry.body).toMatchObject({ format: 'csv', ok: false });
    expect(csvDry.body.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Mã cán bộ',
        message: expect.stringMatching(/^unknown person mau-bithu/),
      }),
    ]);
  });

  it('refuses what is not a spreadsheet, with a 400 naming why, and an upload without a file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]);
    const res = await upload(system, 'dry-run', png, 'to-chuc.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/neither XLSX nor/);
    const text = await upload(system, 'apply', Buffer.from('ten,tuoi\nAn,30\n'), 'to-chuc.xlsx');
    expect(text.status).toBe(400);
    expect(text.body.message).toMatch(/headers are not those of any template/);
    const none = await stack.http().post('/admin/organisation/import/apply').set(auth(system)).send({});
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/multipart\/form-data/);
  });

  it('applies a good file in one go, and applying it again changes nothing', async () => {
    const before = await snapshot();
    expect(before.units).toEqual([]);
    const file = await workbook(GOOD);

    const dry = await upload(system, 'dry-run', file);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, problems: [], format: 'xlsx' });
    expect(dry.body.counts).toEqual({
      units: { created: 6, updated: 0, unchanged: 0 },
      people: { created: 2, updated: 0, unchanged: 0 },
      positions: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(await snapshot()).toEqual(before); // the dry run wrote nothing

    const applied = await upload(system, 'apply', file);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      checksum: dry.body.checksum,
      format: 'xlsx',
      rows: 10,
      counts: dry.body.counts,
    });
    const after = await snapshot();
    expect(after.units.map((u: { code: string }) => u.code).sort()).toEqual(
      [`${P}-CS1`, `${P}-CS2`, `${P}-TU`, `${P}-VP`, `${P}-XA`, `${Q}-TU`].sort(),
    );
    const cs2 = after.units.find((u: { code: string }) => u.code === `${P}-CS2`);
    const cs1 = after.units.find((u: { code: string }) => u.code === `${P}-CS1`);
    expect(cs2).toMatchObject({ parent_id: cs1.id, name: 'Chi bộ Công ty Cấp nước' });
    const [{ from }] = await stack.dataSource.query(`SELECT valid_from::text AS from FROM org_unit WHERE id = $1`, [
      cs2.id,
    ]);
    expect(from).toBe('2012-01-01');
    expect(after.people.map((x: { id: string; full_name: string }) => [x.id, x.full_name])).toEqual([
      [`${p}-bithu`, 'Nguyễn Văn Thử'],
      [`${p}-cvp`, 'Trần Thị Ánh Tuyết'],
      [`${p}-sysadmin`, `Quản trị thử ${p}-sysadmin`],
    ]);
    const tu = after.units.find((u: { code: string }) => u.code === `${P}-TU`);
    expect(after.positions).toEqual([
      expect.objectContaining({
        person_id: `${p}-bithu`,
        unit_id: tu.id,
        seat: 'HEAD',
        roles: ['HEAD', 'STANDING_COMMITTEE', 'KEY_CADRE'],
        fields: ['Xây dựng Đảng'],
        ends_on: null,
      }),
      expect.objectContaining({ person_id: `${p}-cvp`, seat: 'CHAIR', roles: ['ADVISORY_STAFF', 'STAFF'] }),
    ]);
    // The person's record follows their current position (the organisation's own rule ran).
    expect(after.people[0]).toMatchObject({ unit_id: tu.id, roles: ['HEAD', 'STANDING_COMMITTEE', 'KEY_CADRE'] });

    const [audit] = await stack.dataSource.query(
      `SELECT * FROM admin_audit WHERE act = 'org.import' AND person_id = $1 ORDER BY id DESC LIMIT 1`,
      [`${p}-sysadmin`],
    );
    expect(audit).toMatchObject({ status: 200, summary: { checksum: dry.body.checksum, counts: dry.body.counts } });

    const again = await upload(system, 'apply', file);
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({
      units: { created: 0, updated: 0, unchanged: 6 },
      people: { created: 0, updated: 0, unchanged: 2 },
      positions: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(await snapshot()).toEqual(after);

    // Only what differs is updated: a renamed unit and an ended position.
    const changed = await workbook({
      ...GOOD,
      units: GOOD.units!.map((u) => (u[0] === `${P}-VP` ? [u[0], 'Văn phòng Tỉnh ủy (mới)', ...u.slice(2)] : u)),
      positions: [GOOD.positions![0], [...GOOD.positions![1].slice(0, 7), '30/06/2025', 'Nghỉ hưu']],
    });
    const update = await upload(system, 'apply', changed);
    expect(update.status).toBe(200);
    expect(update.body.counts).toEqual({
      units: { created: 0, updated: 1, unchanged: 5 },
      people: { created: 0, updated: 0, unchanged: 2 },
      positions: { created: 0, updated: 1, unchanged: 1 },
    });
    const [ended] = await stack.dataSource.query(
      `SELECT ends_on::text, end_reason FROM position WHERE person_id = $1`,
      [`${p}-cvp`],
    );
    expect(ended).toEqual({ ends_on: '2025-06-30', end_reason: 'Nghỉ hưu' });
    expect((await upload(system, 'apply', changed)).body.counts.positions).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it("lists every row's problem for a provincial admin's bad file, and neither the dry run nor the apply changes anything", async () => {
    const [tu] = await stack.dataSource.query(`SELECT id FROM org_unit WHERE code = $1`, [`${P}-TU`]);
    provincial = await admin(`${p}-admin`, 'ADMIN', tu.id);
    const bad = await workbook({
      units: [
        [`${P}-CS1`, 'Đảng bộ cơ sở Khối Doanh nghiệp', 'GRASSROOTS_ORGANISATION', `${P}-CS2`, '01/01/2010', ''],
        [`${P}-MOI`, 'Ban mới', 'ADVISORY_BOARD', `${P}-KHONG`, '', ''],
        [`${P}-NGOAI`, 'Văn phòng tỉnh bạn', 'ADVISORY_BOARD', `${Q}-TU`, '', ''],
        [`${P}-UBKT`, 'Ủy ban Kiểm tra Tỉnh ủy', 'INSPECTION_COMMISSION', `${P}-TU`, '01/01/2004', ''],
      ],
      people: [[`${p}-pbt`, '', 'Lê Hoàng Phúc', `${P}-TU`, 'Phó Bí thư', '']],
      positions: [
        [`${p}-khong-co`, `${P}-TU`, 'Ủy viên Ban Thường vụ', '', 'STANDING_COMMITTEE', '', '01/01/2021', '', ''],
        [`${p}-pbt`, `${P}-TU`, 'Bí thư Tỉnh ủy', 'HEAD', 'HEAD', '', '01/01/2024', '', ''],
        [`${p}-pbt`, `${P}-UBKT`, 'Chủ nhiệm Ủy ban Kiểm tra', 'CHAIR', 'INSPECTOR', '', '=TODAY()', '', ''],
      ],
    });
    const before = await snapshot();

    const dry = await upload(provincial, 'dry-run', bad);
    expect(dry.status).toBe(200);
    expect(dry.body.ok).toBe(false);
    const problems: Array<{ sheet: string; row: number; column: string | null; message: string }> = dry.body.problems;
    const at = (sheet: string, row: number) => problems.filter((x) => x.sheet === sheet && x.row === row);
    expect(at('Đơn vị', 2)).toEqual([expect.objectContaining({ message: expect.stringMatching(/makes a cycle/) })]);
    expect(at('Đơn vị', 3)).toEqual([
      expect.objectContaining({
        column: 'Mã đơn vị cấp trên',
        message: expect.stringMatching(new RegExp(`^unknown unit code ${P}-KHONG`)),
      }),
    ]);
    expect(at('Đơn vị', 4)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/outside the province you administer/) }),
    ]);
    expect(at('Chức vụ', 2)).toEqual([
      expect.objectContaining({
        column: 'Mã cán bộ',
        message: expect.stringMatching(new RegExp(`^unknown person ${p}-khong-co`)),
      }),
    ]);
    expect(at('Chức vụ', 3)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/HEAD seat .* is held by Nguyễn Văn Thử/) }),
    ]);
    expect(at('Chức vụ', 4)).toEqual([
      expect.objectContaining({ column: 'Từ ngày', message: expect.stringMatching(/formula/) }),
    ]);
    expect(problems).toHaveLength(6);
    // The good rows say what applying would do.
    expect(dry.body.counts).toMatchObject({ units: { created: 1 }, people: { created: 1 } });
    expect(await snapshot()).toEqual(before);

    const apply = await upload(provincial, 'apply', bad);
    expect(apply.status).toBe(400);
    expect(apply.body.report.problems).toEqual(problems);
    expect(apply.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Chức vụ, row 2, Mã cán bộ: unknown person/)]),
    );
    expect(await snapshot()).toEqual(before); // not even the good rows
    const [refused] = await stack.dataSource.query(
      `SELECT status, error FROM admin_audit WHERE act = 'org.import' AND person_id = $1 ORDER BY id DESC LIMIT 1`,
      [`${p}-admin`],
    );
    expect(refused).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^BadRequestException: Đơn vị, row 2: /),
    });
  });

  it("lets a provincial admin re-import their province's rows unchanged, but not rows of another province", async () => {
    const mine = await workbook({ units: GOOD.units!.slice(0, 5), people: GOOD.people });
    const res = await upload(provincial, 'apply', mine);
    expect(res.status).toBe(200);
    // The office was renamed by the previous test: the provincial admin's file names it as before.
    expect(res.body.counts.units).toEqual({ created: 0, updated: 1, unchanged: 4 });
    const theirs = await upload(provincial, 'dry-run', await workbook({ units: GOOD.units!.slice(5) }));
    expect(theirs.body.problems).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/outside the province you administer/) }),
    ]);
  });
});

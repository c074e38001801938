import { randomUUID } from 'node:crypto';
import { DEMO_RESOLUTIONS, seedResolutions } from '../apps/api/src/seed/seed-resolutions';
import { resolutionProvince } from './utils/resolution-fixtures';

/**
 * The resolution registry over HTTP on the real stack: its entries, each bad input (400 naming the
 * problem, nothing changed), the demo entries and the province boundary. The test runs in a province of
 * its own (test/utils/resolution-fixtures.ts, where its entries are listed).
 */
describe('resolution registry (e2e)', () => {
  const province = resolutionProvince();
  const { P, unit, person, ids, prog, get, post, patch, entry, create, registrySize, row } = province;

  beforeAll(() => province.start(), 180_000);

  afterAll(async () => {
    await province.close();
  });

  describe('the registry', () => {
    it('keeps each entry with its level, year, issuer and what it implements', async () => {
      const res = await get(person.cv, `/resolutions/${ids.a}`);
      expect(res.status).toBe(200);
      expect(res.body.resolution).toMatchObject({
        number: '05-NQ/TU',
        kind: 'RESOLUTION',
        level: 'PROVINCIAL',
        year: 2022,
        signedOn: '2022-06-01',
        issuerName: 'Tỉnh ủy Thử nghiệm',
        memberInChargeId: person.tv,
        memberInChargeName: 'Lê Văn Tâm',
        status: 'IN_FORCE',
        implementsId: ids.tw,
      });
      expect(res.body.implements.map((r: { id: string }) => r.id)).toEqual([ids.tw]);
      expect(res.body.implements[0]).toMatchObject({
        level: 'CENTRAL',
        issuerName: 'Bộ Chính trị',
        externalBody: 'POLITBURO',
      });
      expect(res.body.implementedBy.map((r: { number: string }) => r.number)).toEqual(['05-ĐA/TU', '02-NQ/ĐU']);
      expect(res.body.programmes.map((p: { id: string }) => p.id).sort()).toEqual([prog.p1, prog.p3].sort());
      const f = await get(person.cv, `/resolutions/${ids.f}`);
      expect(f.body.resolution.level).toBe('COMMUNE');
    });

    it('lists with filters, paged', async () => {
      const byYear = await get(person.cv, `/resolutions?issuingUnitId=${unit.tu}&year=2022`);
      expect(byYear.status).toBe(200);
      expect(byYear.body.items.map((r: { number: string }) => r.number).sort()).toEqual(['05-NQ/TU', '05-ĐA/TU']);
      const projects = await get(person.cv, `/resolutions?issuingUnitId=${unit.tu}&kind=PROJECT&pageSize=1`);
      expect([projects.body.total, projects.body.items.length, projects.body.items[0].number]).toEqual([
        2,
        1,
        '06-ĐA/TU',
      ]);
      const tv2 = await get(person.cv, `/resolutions?memberInChargeId=${person.tv2}`);
      expect(tv2.body.items.map((r: { number: string }) => r.number)).toEqual(['06-ĐA/TU', '10-NQ/TU']);
      const commune = await get(
        person.cv,
        `/resolutions?level=COMMUNE&fieldGroup=human-resources&issuingUnitId=${unit.xa}`,
      );
      expect(commune.body.items.map((r: { id: string }) => r.id)).toEqual([ids.f]);
      const bad = await get(person.cv, '/resolutions?kind=LAW&year=1800');
      expect(bad.status).toBe(400);
      expect(bad.body.message.join(' ')).toMatch(/kind must be one of/);
    });

    it('lets the committee correct an entry and end it, refusing what makes no sense', async () => {
      const res = await patch(person.tv, `/resolutions/${ids.e}`, {
        title: 'Về tăng cường kỷ luật, kỷ cương hành chính',
      });
      expect(res.status).toBe(200);
      expect(res.body.resolution.title).toBe('Về tăng cường kỷ luật, kỷ cương hành chính');
      const status = (who: string, id: string, body: object) => post(who, `/resolutions/${id}/status`, body);
      expect((await status(person.cv, ids.e, { status: 'REPLACED' })).body.message).toMatch(/needs replacedById/);
      expect((await status(person.cv, ids.e, { status: 'EXPIRED', replacedById: ids.c })).status).toBe(400);
      expect((await status(person.cv, ids.d, { status: 'REPLACED', replacedById: ids.e })).body.message).toMatch(
        /older/,
      );
      expect((await row(ids.e)).status).toBe('IN_FORCE');
      const replaced = await status(person.cv, ids.e, { status: 'REPLACED', replacedById: ids.c });
      expect(replaced.status).toBe(200);
      expect(replaced.body.resolution).toMatchObject({ status: 'REPLACED', replacedById: ids.c });
      expect(replaced.body.replacedBy.number).toBe('06-ĐA/TU');
      const again = await status(person.cv, ids.e, { status: 'EXPIRED' });
      expect([again.status, again.body.message]).toEqual([
        409,
        '01-CT/TU is REPLACED already; an ended entry stays ended',
      ]);
    });

    it('lets only a system admin change a central entry', async () => {
      const byProvince = await patch(person.cv, `/resolutions/${ids.tw}`, { fieldGroup: 'regional-development' });
      expect(byProvince.status).toBe(403);
      const bySystem = await patch(person.sys, `/resolutions/${ids.tw}`, { fieldGroup: 'regional-development' });
      expect([bySystem.status, bySystem.body.resolution?.fieldGroup]).toEqual([200, 'regional-development']);
    });
  });

  describe('bad input: 400 naming the problem, nothing changed', () => {
    const refused = async (who: string, method: 'post' | 'patch', path: string, body: object, message: RegExp) => {
      const before = await registrySize();
      const res = await (method === 'post' ? post : patch)(who, path, body);
      expect([res.status, String(res.body.message)]).toEqual([400, expect.stringMatching(message)]);
      expect(await registrySize()).toBe(before);
    };

    it('an unknown resolution', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '11-NQ/TU', implementsId: 'khong-co' }),
        /unknown implemented entry khong-co/,
      );
      // Another province's entry is unknown to this one.
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '11-NQ/TU', implementsId: ids.other }),
        /unknown implemented entry/,
      );
    });

    it('a cycle in "implements"', async () => {
      await refused(
        person.cv,
        'patch',
        `/resolutions/${ids.a}`,
        { implementsId: ids.b },
        /would make a cycle: it already implements 05-NQ\/TU/,
      );
      await refused(person.cv, 'patch', `/resolutions/${ids.a}`, { implementsId: ids.a }, /cannot implement itself/);
      expect((await row(ids.a)).implements_id).toBe(ids.tw);
      // A province cannot implement its commune's entry, nor a central one a provincial one.
      await refused(
        person.cv,
        'patch',
        `/resolutions/${ids.d}`,
        { implementsId: ids.f },
        /not .* or a committee above it/,
      );
    });

    it('a duplicate number for the same body', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: ' 05- nq/tu ' }),
        /duplicate number 05-NQ\/TU for Tỉnh ủy Thử nghiệm/,
      );
      await refused(person.cv, 'patch', `/resolutions/${ids.c}`, { number: '05-ĐA/TU' }, /duplicate number 05-ĐA\/TU/);
      // The same number from another body is another document.
      const commune = await create(
        person.xaBt,
        entry({ number: '05-NQ/TU', issuingUnitId: unit.xa, signedOn: '2024-01-05' }),
      );
      expect(commune).not.toBe(ids.a);
      await province.stack().dataSource.query('DELETE FROM resolution WHERE id = $1', [commune]);
    });

    it("a resolution of a unit outside the caller's province, or of no unit (even for a system admin)", async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '12-NQ/TU', issuingUnitId: unit.other }),
        /issuing unit \S+ is not a unit of your province \(Tỉnh ủy Thử nghiệm\)/,
      );
      for (const who of [person.cv, person.sys])
        await refused(
          who,
          'post',
          '/resolutions',
          entry({ number: '12-NQ/TU', issuingUnitId: 'khong-co-don-vi' }),
          /unknown issuing unit khong-co-don-vi/,
        );
    });

    it('no or two issuing bodies, a bad number, a date in the future', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', externalBody: 'POLITBURO' }),
        /exactly one issuing body/,
      );
      await refused(person.cv, 'post', '/resolutions', entry({ number: 'NQ/TU' }), /not a document number/);
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', signedOn: '2999-01-01' }),
        /in the future/,
      );
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', memberInChargeId: person.otherCv }),
        /outside/,
      );
    });

    it("a programme naming an unknown entry, another province's, or one issued below it", async () => {
      const programme = (resolutionId: string) => ({
        id: `${P}-bad-${randomUUID().slice(0, 6)}`,
        templateId: 'drill',
        title: 'Chương trình hành động thực hiện nghị quyết',
        issuingUnitId: unit.tu,
        memberInChargeId: person.tv,
        fieldGroup: 'economy',
        term: '2020-2025',
        resolutionId,
      });
      for (const [resolutionId, message] of [
        ['khong-co', /unknown resolution khong-co/],
        [ids.other, /unknown resolution/],
        [ids.f, /not Tỉnh ủy Thử nghiệm or a committee above it/],
      ] as const) {
        const body = programme(resolutionId);
        const res = await post(person.cv, '/programmes', body);
        expect([res.status, String(res.body.message)]).toEqual([400, expect.stringMatching(message)]);
        expect((await get(person.cv, `/programmes/${body.id}`)).status).toBe(404);
      }
      const mismatch = await post(person.cv, '/programmes', { ...programme(ids.b), implementsResolution: '99-NQ/TU' });
      expect([mismatch.status, mismatch.body.message]).toEqual([
        400,
        expect.stringMatching(/taken from the registry entry \(05-ĐA\/TU\)/),
      ]);
    });
  });

  describe('demo data', () => {
    it("seeds the central documents and the provinces' thematic entries once, linked by lineage", async () => {
      // Other files of the run (the demo cascade, the console) may have seeded them already: either way
      // every demo entry is there afterwards, once, and seeding again adds nothing.
      const ids = DEMO_RESOLUTIONS.map((r) => r.id);
      const stored = async () =>
        (
          await province.stack().dataSource.query(`SELECT count(*)::int AS n FROM resolution WHERE id = ANY($1)`, [ids])
        )[0].n;
      const before = await stored();
      expect(await seedResolutions(province.stack().dataSource)).toBe(DEMO_RESOLUTIONS.length - before);
      expect(await stored()).toBe(DEMO_RESOLUTIONS.length);
      expect(await seedResolutions(province.stack().dataSource)).toBe(0);
      const kl = await get(person.cv, '/resolutions/tw-kl-01-2021');
      expect(kl.body.implements.map((r: { number: string }) => r.number)).toEqual(['05-CT/TW']);
      const hg = await province
        .stack()
        .dataSource.query(
          `SELECT number FROM resolution WHERE issuing_unit_id = 'hg-tu' AND implements_id = 'hg-nq-05-2022' ORDER BY signed_on`,
        );
      expect(hg.map((r: { number: string }) => r.number)).toEqual(['05-ĐA/TU', '06-ĐA/TU']);
    });
  });

  describe('the province boundary', () => {
    it("hides one province's entries from another and refuses its writes", async () => {
      expect((await get(person.otherCv, `/resolutions/${ids.a}`)).status).toBe(404);
      const list = await get(person.otherCv, '/resolutions?pageSize=100&year=2022');
      const seen = list.body.items.map((r: { id: string }) => r.id);
      expect(seen).toContain(ids.tw);
      expect(seen).not.toContain(ids.a);
      const before = await row(ids.a);
      expect((await patch(person.otherCv, `/resolutions/${ids.a}`, { title: 'Sửa trái phép' })).status).toBe(404);
      expect((await post(person.otherCv, `/resolutions/${ids.a}/status`, { status: 'EXPIRED' })).status).toBe(404);
      expect(await row(ids.a)).toEqual(before);
    });

    it('lets the commune read the province above but not write it; staff write nothing', async () => {
      expect((await get(person.xaBt, `/resolutions/${ids.a}`)).status).toBe(200);
      expect((await patch(person.xaBt, `/resolutions/${ids.a}`, { title: 'Sửa của cấp dưới' })).status).toBe(403);
      expect((await post(person.vt, '/resolutions', entry({ number: '20-NQ/TU' }))).status).toBe(403);
    });
  });
});

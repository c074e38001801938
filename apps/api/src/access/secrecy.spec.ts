import { Role } from '@app/domain';
import { SqlParams } from '../common/sql-params';
import { restrictedFrom } from './scope-sql';
import { contentReader, readsRestrictedContent, RestrictedProgrammePeople } from './secrecy';
import { person, UNITS } from './test-units';

const PROVINCE_PROGRAMME: RestrictedProgrammePeople = {
  issuingUnitId: 'hg-tu',
  memberInChargeId: 'p-member',
  issuingHeadId: 'p-issuing-head',
  readerIds: ['p-named'],
};

const reads = (p: ReturnType<typeof person>) => readsRestrictedContent(contentReader(p, UNITS), PROVINCE_PROGRAMME);

describe('secret tier: who reads a restricted programme', () => {
  it("its issuing committee's leaders: the head of the issuing unit, its Standing Committee, the member in charge, the issuing head", () => {
    expect(reads(person('hg-tu', Role.HEAD))).toBe(true);
    expect(reads(person('hg-btv', Role.STANDING_COMMITTEE))).toBe(true);
    expect(reads({ ...person('hg-skhdt', Role.STAFF), personId: 'p-member' })).toBe(true);
    expect(reads({ ...person('hg-vt', Role.STAFF), personId: 'p-issuing-head' })).toBe(true);
  });

  it('its named readers', () => {
    expect(reads({ ...person('hg-skhdt', Role.STAFF), personId: 'p-named' })).toBe(true);
  });

  it('no one else: supervisors of other committees, inspectors, advisory staff, heads below, admins', () => {
    expect(reads(person('hg-vt', Role.HEAD))).toBe(false);
    expect(reads(person('hg-vt', Role.STANDING_COMMITTEE))).toBe(false);
    expect(reads(person('hg-tu', Role.INSPECTOR))).toBe(false);
    expect(reads(person('hg-tu', Role.ADVISORY_STAFF))).toBe(false);
    expect(reads(person('hg-skhdt', Role.HEAD))).toBe(false);
    expect(reads(person('lc-tu', Role.HEAD, Role.STANDING_COMMITTEE))).toBe(false);
    expect(reads(person('hg-tu', Role.ADMIN))).toBe(false);
  });

  it("a Standing Committee member leads the programmes of their committee's own units, not those of committees below", () => {
    expect(contentReader(person('hg-btv', Role.STANDING_COMMITTEE), UNITS).ledUnitIds).toEqual(
      ['hg-bcsd', 'hg-btv', 'hg-skhdt', 'hg-tu'].sort(),
    );
    expect(contentReader(person('hg-vt', Role.HEAD), UNITS).ledUnitIds).toEqual(['hg-vt']);
    expect(contentReader(person('hg-tu', Role.ADMIN), UNITS).ledUnitIds).toEqual([]);
  });
});

describe('restrictedFrom (SQL)', () => {
  it('withholds every restricted programme when nobody is said to read', () => {
    const params = new SqlParams();
    expect(restrictedFrom(undefined, 'p.id', params)).toBe(
      'EXISTS (SELECT 1 FROM restricted_programme rp WHERE rp.programme_id = p.id)',
    );
    expect(params.values).toEqual([]);
  });

  it("spares the reader's own: named, led by unit, member in charge, issuing head or steering committee", () => {
    const params = new SqlParams();
    const sql = restrictedFrom({ personId: 'p-1', ledUnitIds: ['hg-tu'] }, 't.programme_id', params);
    expect(sql).toContain('pr.programme_id = t.programme_id AND pr.person_id = $1');
    expect(sql).toContain('lp.issuing_unit_id = ANY($2::text[])');
    expect(sql).toContain("lp.snapshot -> 'setup' ->> 'issuingHeadId' = $1");
    expect(sql).toContain("lp.snapshot #>> '{issuance,steeringCommittee,headId}' = $1");
    expect(params.values).toEqual(['p-1', ['hg-tu']]);
  });
});

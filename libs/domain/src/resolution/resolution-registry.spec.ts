import { countBy, CountedItem } from './registry-counts';
import {
  documentNumberProblem,
  ExternalBody,
  implementsProblem,
  levelOf,
  normaliseDocumentNumber,
  RegistryNode,
  ResolutionKind,
  ResolutionLevel,
  ResolutionStatus,
  signedOnProblem,
  statusChangeProblem,
  termYears,
} from './resolution-registry';

const node = (id: string, over: Partial<RegistryNode> = {}): RegistryNode => ({
  id,
  number: id.toUpperCase(),
  level: ResolutionLevel.PROVINCIAL,
  signedOn: '2022-06-01',
  status: ResolutionStatus.IN_FORCE,
  implementsId: null,
  ...over,
});

describe('document numbers', () => {
  it('keeps one spelling of a number', () => {
    expect(normaliseDocumentNumber(' 01- kl / tw ')).toBe('01-KL/TW');
    expect(normaliseDocumentNumber('05-đa/tu')).toBe('05-ĐA/TU');
    expect(normaliseDocumentNumber('202/2025/QH15')).toBe('202/2025/QH15');
  });

  it('accepts numbers as written and names what is wrong with others', () => {
    for (const ok of ['13-NQ/TW', '05-ĐA/TU', '123-CTr/TU', '202/2025/QH15', '01-KL/TW'])
      expect(documentNumberProblem(normaliseDocumentNumber(ok), 50)).toBeNull();
    expect(documentNumberProblem('NQ/TW', 50)).toMatch(/not a document number/);
    expect(documentNumberProblem('12345', 50)).toMatch(/not a document number/);
    expect(documentNumberProblem('1', 50)).toMatch(/3-50 characters/);
    expect(documentNumberProblem(`1-${'A'.repeat(60)}`, 50)).toMatch(/3-50 characters/);
  });
});

describe('level of an issuing body', () => {
  it('is central for a central body, provincial for the province, commune below it', () => {
    expect(levelOf({ externalBody: ExternalBody.POLITBURO })).toBe(ResolutionLevel.CENTRAL);
    expect(levelOf({ unitId: 'hg-btv' }, { committeeId: 'hg-tu', provinceId: 'hg-tu' })).toBe(
      ResolutionLevel.PROVINCIAL,
    );
    expect(levelOf({ unitId: 'hg-vithanh' }, { committeeId: 'hg-vithanh', provinceId: 'hg-tu' })).toBe(
      ResolutionLevel.COMMUNE,
    );
    expect(() => levelOf({ unitId: 'x' })).toThrow(/needed/);
  });
});

describe('implements (lineage)', () => {
  const links = new Map<string, string | null>([
    ['tw', null],
    ['tu', 'tw'],
    ['xa', 'tu'],
  ]);
  const parentOf = (id: string) => links.get(id) ?? null;
  const tw = node('tw', { level: ResolutionLevel.CENTRAL, signedOn: '2022-04-02' });
  const tu = node('tu', { implementsId: 'tw' });
  const xa = node('xa', { level: ResolutionLevel.COMMUNE, signedOn: '2022-09-01', implementsId: 'tu' });

  it('lets an entry implement one at its level or above, signed before it', () => {
    expect(implementsProblem(tu, tw, parentOf)).toBeNull();
    expect(implementsProblem(xa, tu, parentOf)).toBeNull();
    expect(implementsProblem(node('tu2'), tu, parentOf)).toBeNull();
  });

  it('refuses itself, a lower level and a later date', () => {
    expect(implementsProblem(tu, tu, parentOf)).toMatch(/cannot implement itself/);
    expect(implementsProblem(tu, xa, parentOf)).toMatch(/own level or above/);
    expect(implementsProblem(node('old', { signedOn: '2021-01-01' }), tu, parentOf)).toMatch(/signed later/);
  });

  it('refuses a cycle, naming the entry already below', () => {
    // tw (central) re-pointed at a central entry that implements tw through another central entry.
    const c1 = node('c1', { level: ResolutionLevel.CENTRAL, signedOn: '2023-01-01' });
    const chain = new Map<string, string | null>([
      ['c1', 'tw'],
      ['tw', null],
    ]);
    const twLater = { ...tw, signedOn: '2024-01-01' };
    expect(implementsProblem(twLater, c1, (id) => chain.get(id) ?? null)).toMatch(
      /would make a cycle: it already implements TW/,
    );
  });
});

describe('status changes', () => {
  const a = node('a');
  const b = node('b', { signedOn: '2023-01-01' });

  it('ends an entry in force: replaced by a newer entry in force, or expired', () => {
    expect(statusChangeProblem(a, ResolutionStatus.REPLACED, b)).toBeNull();
    expect(statusChangeProblem(a, ResolutionStatus.EXPIRED, null)).toBeNull();
  });

  it('refuses what would make no sense, as invalid input or as a conflict', () => {
    expect(statusChangeProblem(a, ResolutionStatus.REPLACED, null)?.reason).toMatch(/needs replacedById/);
    expect(statusChangeProblem(a, ResolutionStatus.REPLACED, a)?.reason).toMatch(/cannot replace itself/);
    expect(statusChangeProblem(b, ResolutionStatus.REPLACED, a)?.reason).toMatch(/older/);
    expect(
      statusChangeProblem(a, ResolutionStatus.REPLACED, { ...b, status: ResolutionStatus.EXPIRED })?.reason,
    ).toMatch(/only an entry in force/);
    expect(statusChangeProblem(a, ResolutionStatus.EXPIRED, b)?.kind).toBe('INVALID');
    expect(statusChangeProblem({ ...a, status: ResolutionStatus.EXPIRED }, ResolutionStatus.REPLACED, b)).toEqual({
      kind: 'CONFLICT',
      reason: 'A is EXPIRED already; an ended entry stays ended',
    });
    expect(statusChangeProblem(a, ResolutionStatus.IN_FORCE, null)?.kind).toBe('CONFLICT');
  });
});

describe('dates and terms', () => {
  it('takes a real date between 1930 and today', () => {
    expect(signedOnProblem('2021-08-26', '2025-01-01')).toBeNull();
    expect(signedOnProblem('2021-02-30', '2025-01-01')).toMatch(/not a calendar date/);
    expect(signedOnProblem('1929-12-31', '2025-01-01')).toMatch(/before 1930/);
    expect(signedOnProblem('2025-01-02', '2025-01-01')).toMatch(/in the future/);
  });

  it('spells out the years of a term', () => {
    expect(termYears('2020-2025')).toEqual({ years: [2020, 2021, 2022, 2023, 2024, 2025] });
    expect(termYears('2025-2020')).toEqual({ problem: 'term 2025-2020 ends before it starts' });
    expect(termYears('2000-2025')).toEqual({ problem: 'term 2000-2025 spans more than 10 years' });
    expect(termYears('2020')).toEqual({ problem: 'term 2020 must look like 2020-2025' });
    expect(termYears('0000-0001')).toEqual({ problem: 'term 0000-0001 must lie between 1930 and 2100' });
  });
});

describe('counting', () => {
  const item = (over: Partial<CountedItem>): CountedItem => ({
    subject: 'resolution',
    year: 2021,
    kind: ResolutionKind.RESOLUTION,
    level: ResolutionLevel.PROVINCIAL,
    fieldGroup: 'economy',
    memberInChargeId: 'hg-pbt',
    ...over,
  });
  const items = [
    item({}),
    item({ year: 2022, kind: ResolutionKind.PROJECT, memberInChargeId: null }),
    item({ year: 2022, fieldGroup: 'agriculture', memberInChargeId: 'hg-tv1' }),
    item({ subject: 'programme', year: 2022, kind: null }),
    item({ year: 2019 }), // outside the term: not counted
  ];
  const years = [2020, 2021, 2022];

  it('lists every year of the term, zeros included, with kinds apart', () => {
    const { rows, total } = countBy(items, 'year', years);
    expect(rows.map((r) => [r.key, r.resolutions, r.programmes])).toEqual([
      ['2020', 0, 0],
      ['2021', 1, 0],
      ['2022', 2, 1],
    ]);
    expect(rows[2].resolutionsByKind.PROJECT).toBe(1);
    expect(total.resolutions).toBe(3);
    expect(total.programmes).toBe(1);
    expect(total.resolutionsByKind.RESOLUTION).toBe(2);
  });

  it('lists members in charge and field groups that have something, none last', () => {
    expect(countBy(items, 'memberInCharge', years).rows.map((r) => [r.key, r.resolutions, r.programmes])).toEqual([
      ['hg-pbt', 1, 1],
      ['hg-tv1', 1, 0],
      [null, 1, 0],
    ]);
    expect(countBy(items, 'fieldGroup', years).rows.map((r) => r.key)).toEqual(['agriculture', 'economy']);
    const byKind = countBy(items, 'kind', years).rows;
    expect(byKind.find((r) => r.key === 'PROJECT')?.resolutions).toBe(1);
    expect(byKind.find((r) => r.key === null)?.programmes).toBe(1);
    expect(countBy(items, 'level', years).rows.map((r) => r.key)).toEqual(['CENTRAL', 'PROVINCIAL', 'COMMUNE']);
  });
});

import { PERIOD_BOUND, periodBound } from './audit-period';

describe('audit period filters', () => {
  it('reads a day in Vietnam time, a `to` day whole', () => {
    expect(periodBound('2026-03-01', 'from').toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(periodBound('2026-03-01', 'to').toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });

  it('reads a time as given, or in Vietnam time without a zone', () => {
    expect(periodBound('2026-03-01T08:30:00Z', 'from').toISOString()).toBe('2026-03-01T08:30:00.000Z');
    expect(periodBound('2026-03-01T08:30', 'to').toISOString()).toBe('2026-03-01T01:30:00.000Z');
    expect(periodBound('2026-03-01T08:30:00.5-05:00', 'to').toISOString()).toBe('2026-03-01T13:30:00.500Z');
  });

  it("counts a day past its month's end on into the next month, so every admitted value is a bound", () => {
    expect(periodBound('2026-02-30', 'from').toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(periodBound('2024-02-29', 'to').toISOString()).toBe('2024-02-29T17:00:00.000Z');
    expect(() => periodBound('yesterday', 'from')).toThrow(/not a period bound/);
  });

  it('accepts only days and times of this era', () => {
    for (const ok of ['2026-03-01', '1999-12-31T23:59', '2026-03-01T08:30:00.123+07:00', '2026-03-01T08:30Z'])
      expect(PERIOD_BOUND.test(ok)).toBe(true);
    for (const bad of ['0000-01-01', '20260301', '2026-13-01', '2026-03-01T24:00', '2026-03-01 08:30', 'yesterday'])
      expect(PERIOD_BOUND.test(bad)).toBe(false);
  });
});

import {
  addIsoDuration,
  isIsoDuration,
  parseIsoDuration,
  subtractIsoDuration,
  VN_OFFSET_MS,
  vnDateOf,
} from './iso-duration';

const ZERO = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

/** An instant given as a wall-clock time in Asia/Ho_Chi_Minh (UTC+7). */
const vn = (localIso: string) => new Date(`${localIso}+07:00`);

describe('parseIsoDuration', () => {
  it.each([
    ['P3M', { ...ZERO, months: 3 }],
    ['PT30S', { ...ZERO, seconds: 30 }],
    ['P1Y2M10DT2H30M', { ...ZERO, years: 1, months: 2, days: 10, hours: 2, minutes: 30 }],
    ['P5Y', { ...ZERO, years: 5 }],
    ['P2W', { ...ZERO, weeks: 2 }],
    ['P30D', { ...ZERO, days: 30 }],
    ['PT0S', ZERO],
    ['PT1.5S', { ...ZERO, seconds: 1.5 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
  ])('parses %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
    expect(isIsoDuration(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', '3M', 'P1YT', 'p3m', 'P-1M', 'P1.5Y', 'PT1H2', 'P3M ', ' P3M', 'T30S', 'P1M2Y', 'PT1.2345S'])(
    'rejects %j',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(RangeError);
      expect(isIsoDuration(text)).toBe(false);
    },
  );

  it('names the offending text in the error', () => {
    expect(() => parseIsoDuration('3M')).toThrow('"3M" is not an ISO-8601 duration');
  });

  it('isIsoDuration is false for non-strings', () => {
    expect(isIsoDuration(3)).toBe(false);
    expect(isIsoDuration(null)).toBe(false);
    expect(isIsoDuration(undefined)).toBe(false);
    expect(isIsoDuration({ months: 3 })).toBe(false);
  });
});

describe('addIsoDuration', () => {
  it('VN offset is seven hours', () => {
    expect(VN_OFFSET_MS).toBe(25_200_000);
  });

  it('adds three months keeping the VN wall-clock time', () => {
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'P3M').toISOString()).toBe('2024-04-15T02:00:00.000Z');
  });

  it('clamps 31 January + P1M to the end of February in a leap year (2024)', () => {
    const from = vn('2024-01-31T09:00:00');
    expect(addIsoDuration(from, 'P1M').toISOString()).toBe(vn('2024-02-29T09:00:00').toISOString());
  });

  it('clamps 31 January + P1M to 28 February in a common year (2025)', () => {
    expect(addIsoDuration(vn('2025-01-31T09:00:00'), 'P1M').toISOString()).toBe(
      vn('2025-02-28T09:00:00').toISOString(),
    );
  });

  it('clamps using the VN calendar date, not the UTC one', () => {
    // 2024-01-30T17:30Z is already 31 January 00:30 in Ha Noi.
    const from = new Date('2024-01-30T17:30:00Z');
    const out = addIsoDuration(from, 'P1M');
    expect(vnDateOf(out)).toBe('2024-02-29');
    expect(out.toISOString()).toBe('2024-02-28T17:30:00.000Z');
  });

  it('clamps 31 August + P1M to 30 September', () => {
    expect(addIsoDuration(vn('2024-08-31T00:00:00'), 'P1M').toISOString()).toBe(
      vn('2024-09-30T00:00:00').toISOString(),
    );
  });

  it('29 February + P1Y lands on 28 February of the next year', () => {
    expect(addIsoDuration(vn('2024-02-29T08:00:00'), 'P1Y').toISOString()).toBe(
      vn('2025-02-28T08:00:00').toISOString(),
    );
  });

  it('rolls months over the year end', () => {
    expect(addIsoDuration(vn('2024-11-15T08:00:00'), 'P3M').toISOString()).toBe(
      vn('2025-02-15T08:00:00').toISOString(),
    );
  });

  it('adds clock parts exactly', () => {
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT30S').toISOString()).toBe('2024-01-15T02:00:30.000Z');
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT2H30M').toISOString()).toBe('2024-01-15T04:30:00.000Z');
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT1.5S').toISOString()).toBe('2024-01-15T02:00:01.500Z');
  });

  it('adds days and weeks across a month end', () => {
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'P30D').toISOString()).toBe('2024-02-14T02:00:00.000Z');
    expect(addIsoDuration(new Date('2024-02-25T02:00:00Z'), 'P1W').toISOString()).toBe('2024-03-03T02:00:00.000Z');
  });

  it('adds a combined duration: calendar part first, then clock part', () => {
    // 15 Jan + 1Y2M → 15 Mar 2025, + 10D → 25 Mar, + 2h30m.
    expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'P1Y2M10DT2H30M').toISOString()).toBe(
      '2025-03-25T04:30:00.000Z',
    );
  });

  it('accepts a parsed duration object and a numeric instant', () => {
    const from = Date.parse('2024-01-15T02:00:00Z');
    expect(addIsoDuration(from, { ...ZERO, months: 1 }).toISOString()).toBe('2024-02-15T02:00:00.000Z');
  });

  it('does not mutate the input date', () => {
    const from = new Date('2024-01-15T02:00:00Z');
    addIsoDuration(from, 'P1Y');
    expect(from.toISOString()).toBe('2024-01-15T02:00:00.000Z');
  });

  describe('times multiplier', () => {
    it('multiplies the months from the original date (no cumulative clamping drift)', () => {
      const from = vn('2024-01-31T10:00:00');
      expect(addIsoDuration(from, 'P1M', 1).toISOString()).toBe(vn('2024-02-29T10:00:00').toISOString());
      expect(addIsoDuration(from, 'P1M', 2).toISOString()).toBe(vn('2024-03-31T10:00:00').toISOString());
      expect(addIsoDuration(from, 'P1M', 3).toISOString()).toBe(vn('2024-04-30T10:00:00').toISOString());
    });

    it('P3M × 4 is one year; P3M × 20 is five years', () => {
      const from = new Date('2024-01-15T02:00:00Z');
      expect(addIsoDuration(from, 'P3M', 4).toISOString()).toBe('2025-01-15T02:00:00.000Z');
      expect(addIsoDuration(from, 'P3M', 20).toISOString()).toBe(addIsoDuration(from, 'P5Y').toISOString());
      expect(addIsoDuration(from, 'P3M', 20).toISOString()).toBe('2029-01-15T02:00:00.000Z');
    });

    it('multiplies clock parts', () => {
      expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT2M', 3).toISOString()).toBe(
        '2024-01-15T02:06:00.000Z',
      );
    });

    it('times 0 returns the same instant', () => {
      expect(addIsoDuration(new Date('2024-01-15T02:00:00Z'), 'P1Y2M10DT2H30M', 0).toISOString()).toBe(
        '2024-01-15T02:00:00.000Z',
      );
    });
  });

  describe('negative (subtract)', () => {
    it('subtracts days for a "remind 7 days before" offset', () => {
      expect(subtractIsoDuration(new Date('2024-03-10T02:00:00Z'), 'P7D').toISOString()).toBe(
        '2024-03-03T02:00:00.000Z',
      );
    });

    it('31 March − P1M clamps to 29 February 2024', () => {
      expect(subtractIsoDuration(vn('2024-03-31T00:00:00'), 'P1M').toISOString()).toBe(
        vn('2024-02-29T00:00:00').toISOString(),
      );
    });

    it('subtracts months across the year start', () => {
      expect(addIsoDuration(vn('2024-01-15T08:00:00'), 'P2M', -1).toISOString()).toBe(
        vn('2023-11-15T08:00:00').toISOString(),
      );
    });

    it('subtracts clock parts', () => {
      expect(subtractIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT30S').toISOString()).toBe(
        '2024-01-15T01:59:30.000Z',
      );
    });

    it('PT0S before a deadline is the deadline itself', () => {
      expect(subtractIsoDuration(new Date('2024-01-15T02:00:00Z'), 'PT0S').toISOString()).toBe(
        '2024-01-15T02:00:00.000Z',
      );
    });
  });
});

describe('vnDateOf', () => {
  it('17:30Z is already the next day in Viet Nam', () => {
    expect(vnDateOf(new Date('2024-01-15T17:30:00Z'))).toBe('2024-01-16');
  });

  it('16:59:59Z is still the same day in Viet Nam', () => {
    expect(vnDateOf(new Date('2024-01-15T16:59:59Z'))).toBe('2024-01-15');
  });

  it('17:00Z is exactly VN midnight of the next day', () => {
    expect(vnDateOf(new Date('2024-01-15T17:00:00Z'))).toBe('2024-01-16');
  });

  it('crosses a year end and accepts a number', () => {
    expect(vnDateOf(Date.parse('2024-12-31T18:00:00Z'))).toBe('2025-01-01');
  });
});

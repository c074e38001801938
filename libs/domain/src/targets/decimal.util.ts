import { MAX_DECIMAL_FRACTION_DIGITS, MAX_DECIMAL_INTEGER_DIGITS } from '../limits';

/**
 * Target values are decimals kept as strings end to end (Postgres `numeric`), never floats.
 * Comparison scales both sides to the same number of fractional digits and compares BigInts.
 */
const DECIMAL = new RegExp(`^-?\\d{1,${MAX_DECIMAL_INTEGER_DIGITS}}(\\.\\d{1,${MAX_DECIMAL_FRACTION_DIGITS}})?$`);

export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

function split(value: string): { negative: boolean; int: string; frac: string } {
  if (!isDecimal(value)) throw new RangeError(`"${value}" is not a decimal number such as 7.5`);
  const negative = value.startsWith('-');
  const [int, frac = ''] = value.replace('-', '').split('.');
  return { negative, int, frac };
}

/** -1, 0 or 1, like a comparator. */
export function compareDecimal(a: string, b: string): number {
  const x = split(a);
  const y = split(b);
  const scale = Math.max(x.frac.length, y.frac.length);
  const toBig = (p: { negative: boolean; int: string; frac: string }) => {
    const digits = BigInt(p.int + p.frac.padEnd(scale, '0'));
    return p.negative ? -digits : digits;
  };
  const d = toBig(x) - toBig(y);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

import { isDecimal } from './decimal.util';

/**
 * Exact arithmetic on decimal text (Postgres `numeric` on the wire): sums for relative goals
 * ("0.5 above the national average") and percentages for shares of an annual estimate. BigInt only.
 */

interface Scaled {
  digits: bigint;
  scale: number;
}

function scaled(value: string): Scaled {
  if (!isDecimal(value)) throw new RangeError(`"${value}" is not a decimal number such as 7.5`);
  const negative = value.startsWith('-');
  const [int, frac = ''] = value.replace('-', '').split('.');
  const digits = BigInt(int + frac);
  return { digits: negative ? -digits : digits, scale: frac.length };
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** Decimal text of digits × 10^-scale, without trailing fractional zeros ("7.50" → "7.5", "2.0" → "2"). */
function text(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const abs = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}

/** a + b, exactly. */
export function addDecimal(a: string, b: string): string {
  const x = scaled(a);
  const y = scaled(b);
  const scale = Math.max(x.scale, y.scale);
  return text(x.digits * pow10(scale - x.scale) + y.digits * pow10(scale - y.scale), scale);
}

/** Integer division rounding half away from zero. */
function roundedDivide(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/** value / whole × 100, rounded half away from zero to `fractionDigits` (e.g. 5830 of 14800 → "39.4"); null when whole is 0. */
export function percentOf(value: string, whole: string, fractionDigits = 1): string | null {
  const v = scaled(value);
  const w = scaled(whole);
  if (w.digits === 0n) return null;
  // value/whole = (v.d / 10^v.s) / (w.d / 10^w.s); times 100 and 10^fractionDigits, as one integer division.
  const num = v.digits * pow10(w.scale) * 100n * pow10(fractionDigits);
  const den = w.digits * pow10(v.scale);
  return text(roundedDivide(num, den), fractionDigits);
}

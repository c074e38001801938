import type { TargetGoal } from '@app/domain';

/** A target's goal as a document states it: "≥ 7", "7–7,5", "Có". */
export function goalText(goal: TargetGoal | Record<string, unknown>): string {
  const g = goal as TargetGoal;
  switch (g.comparator) {
    case 'AT_LEAST':
      return `≥ ${g.goal}`;
    case 'AT_MOST':
      return `≤ ${g.goal}`;
    case 'RANGE':
      return `${g.goal}–${g.goalHigh}`;
    case 'YES_NO':
      return g.goal === '1' ? 'Có' : 'Không';
    case 'RANK':
      return `Tốp ${g.goal} (${g.group ?? ''})`;
    case 'RELATIVE':
      return `≥ ${g.reference ?? ''} ${g.goal.startsWith('-') ? '−' : '+'} ${g.goal.replace(/^-/, '')}`;
    default:
      return String(g.goal ?? '');
  }
}

/** "Tỉnh ủy Hậu Giang" → "Hậu Giang": the place line names the locality, not the body. */
export function placeOf(committeeName: string): string {
  return committeeName
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)\s+/i, '')
    .trim();
}

/** File names stay ASCII: "Sơ kết năm" → "so-ket-nam". */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "12/03/2026": a day in Vietnam time, as documents write it. */
export function vnDay(iso: string | Date): string {
  const vn = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const dd = String(vn.getUTCDate()).padStart(2, '0');
  const mm = String(vn.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${vn.getUTCFullYear()}`;
}

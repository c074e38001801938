/**
 * The resolution registry's pure rules: what an entry is (kind, level, status, issuing body), how its
 * number is written, and what makes a change to its lineage or status acceptable. No I/O: the API
 * reads the rows it needs and asks here, so the same rule holds wherever an entry is written.
 */

/** What kind of document an entry is (GLOSSARY: one `Resolution` entity with a kind). */
export enum ResolutionKind {
  RESOLUTION = 'RESOLUTION',
  DIRECTIVE = 'DIRECTIVE',
  CONCLUSION = 'CONCLUSION',
  DECISION = 'DECISION',
  REGULATION = 'REGULATION',
  PLAN = 'PLAN',
  PROJECT = 'PROJECT',
}
export const RESOLUTION_KINDS: readonly ResolutionKind[] = Object.values(ResolutionKind);
export const RESOLUTION_KIND_VI: Record<ResolutionKind, string> = {
  RESOLUTION: 'Nghị quyết',
  DIRECTIVE: 'Chỉ thị',
  CONCLUSION: 'Kết luận',
  DECISION: 'Quyết định',
  REGULATION: 'Quy định',
  PLAN: 'Kế hoạch',
  PROJECT: 'Đề án',
};

/** Where an entry was issued: by a central body, a province, or a committee below the province. */
export enum ResolutionLevel {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  COMMUNE = 'COMMUNE',
}
export const RESOLUTION_LEVELS: readonly ResolutionLevel[] = Object.values(ResolutionLevel);
/** Higher levels first: an entry implements one at its own level or above. */
const LEVEL_RANK: Record<ResolutionLevel, number> = { CENTRAL: 0, PROVINCIAL: 1, COMMUNE: 2 };
export const RESOLUTION_LEVEL_VI: Record<ResolutionLevel, string> = {
  CENTRAL: 'Trung ương',
  PROVINCIAL: 'Cấp tỉnh',
  COMMUNE: 'Cấp xã',
};

export enum ResolutionStatus {
  IN_FORCE = 'IN_FORCE',
  REPLACED = 'REPLACED',
  EXPIRED = 'EXPIRED',
}
export const RESOLUTION_STATUSES: readonly ResolutionStatus[] = Object.values(ResolutionStatus);
export const RESOLUTION_STATUS_VI: Record<ResolutionStatus, string> = {
  IN_FORCE: 'Còn hiệu lực',
  REPLACED: 'Đã được thay thế',
  EXPIRED: 'Hết hiệu lực',
};

/** Central bodies that issue documents and are no unit in the product. */
export enum ExternalBody {
  CENTRAL_COMMITTEE = 'CENTRAL_COMMITTEE',
  POLITBURO = 'POLITBURO',
  SECRETARIAT = 'SECRETARIAT',
  NATIONAL_ASSEMBLY = 'NATIONAL_ASSEMBLY',
  GOVERNMENT = 'GOVERNMENT',
  PRIME_MINISTER = 'PRIME_MINISTER',
}
export const EXTERNAL_BODIES: readonly ExternalBody[] = Object.values(ExternalBody);
export const EXTERNAL_BODY_VI: Record<ExternalBody, string> = {
  CENTRAL_COMMITTEE: 'Ban Chấp hành Trung ương',
  POLITBURO: 'Bộ Chính trị',
  SECRETARIAT: 'Ban Bí thư',
  NATIONAL_ASSEMBLY: 'Quốc hội',
  GOVERNMENT: 'Chính phủ',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
};

/** A document number as written: digits first, then letters, dashes, slashes or dots (`13-NQ/TW`, `202/2025/QH15`). */
export const MIN_DOCUMENT_NUMBER_LENGTH = 3;
export const DOCUMENT_NUMBER_PATTERN = /^[0-9]{1,5}[-/.\p{L}0-9]*[\p{L}][-/.\p{L}0-9]*$/u;
/** The registry's earliest date: the Party's founding year. */
export const MIN_SIGNED_ON = '1930-01-01';
/** A field group is a short label (a managed list of field groups replaces it later). */
export const FIELD_GROUP_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/;

/**
 * The number as the registry keeps it: trimmed, spaces around its dashes and slashes dropped, letters
 * upper-cased (`01- KL/TW` and `01-kl/tw` are the same number as `01-KL/TW`).
 */
export function normaliseDocumentNumber(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/\s*([-/.])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .toLocaleUpperCase('vi');
}

/** Why a number cannot be a document number, or null when it can. */
export function documentNumberProblem(number: string, maxLength: number): string | null {
  if (number.length < MIN_DOCUMENT_NUMBER_LENGTH || number.length > maxLength)
    return `number must be ${MIN_DOCUMENT_NUMBER_LENGTH}-${maxLength} characters`;
  if (!DOCUMENT_NUMBER_PATTERN.test(number))
    return `number ${number} is not a document number as written (e.g. 13-NQ/TW, 05-ĐA/TU, 202/2025/QH15)`;
  return null;
}

/** The issuing body of an entry: one of the product's units, or a central body outside it. */
export type IssuingBody = { unitId: string; externalBody?: null } | { unitId?: null; externalBody: ExternalBody };

/**
 * The level an entry has from its issuing body: a central body is CENTRAL; a unit whose committee is
 * the province's own committee is PROVINCIAL; a committee below the province is COMMUNE.
 */
export function levelOf(body: IssuingBody, unit?: { committeeId: string; provinceId: string }): ResolutionLevel {
  if (body.externalBody) return ResolutionLevel.CENTRAL;
  if (!unit) throw new Error(`the committee and province of ${body.unitId} are needed for its level`);
  return unit.committeeId === unit.provinceId ? ResolutionLevel.PROVINCIAL : ResolutionLevel.COMMUNE;
}

/** An entry as the lineage and status rules see it. */
export interface RegistryNode {
  id: string;
  number: string;
  level: ResolutionLevel;
  signedOn: string;
  status: ResolutionStatus;
  implementsId: string | null;
}

/**
 * Why `entry` may not implement `higher`, or null when it may: not itself, not an entry below it in
 * level, not one signed after it, and never a cycle (`parentOf` walks the existing "implements" links).
 */
export function implementsProblem(
  entry: Pick<RegistryNode, 'id' | 'number' | 'level' | 'signedOn'>,
  higher: RegistryNode,
  parentOf: (id: string) => string | null,
): string | null {
  if (higher.id === entry.id) return `${entry.number} cannot implement itself`;
  if (LEVEL_RANK[higher.level] > LEVEL_RANK[entry.level])
    return `a ${entry.level} entry cannot implement ${higher.number}, which is ${higher.level}: an entry implements one at its own level or above`;
  if (higher.signedOn > entry.signedOn)
    return `${entry.number} (signed ${entry.signedOn}) cannot implement ${higher.number}, signed later (${higher.signedOn})`;
  const path = [higher.id];
  const seen = new Set<string>(path);
  for (let up = parentOf(higher.id); up !== null; up = parentOf(up)) {
    if (up === entry.id)
      return `implementing ${higher.number} would make a cycle: it already implements ${entry.number}`;
    if (seen.has(up)) break; // an existing loop (never written by this rule) stops the walk
    seen.add(up);
  }
  return null;
}

/**
 * Why an entry may not go from its status to `to` (with `replacement` for REPLACED), or null when it
 * may. Only an entry in force ends: replaced by another entry in force, or expired. An ended entry
 * stays ended, so "replaced by" links never loop.
 */
export function statusChangeProblem(
  entry: Pick<RegistryNode, 'id' | 'number' | 'status' | 'signedOn'>,
  to: ResolutionStatus,
  replacement: Pick<RegistryNode, 'id' | 'number' | 'status' | 'signedOn'> | null,
): { kind: 'INVALID' | 'CONFLICT'; reason: string } | null {
  if (entry.status !== ResolutionStatus.IN_FORCE)
    return { kind: 'CONFLICT', reason: `${entry.number} is ${entry.status} already; an ended entry stays ended` };
  if (to === ResolutionStatus.IN_FORCE) return { kind: 'CONFLICT', reason: `${entry.number} is in force already` };
  if (to === ResolutionStatus.EXPIRED)
    return replacement ? { kind: 'INVALID', reason: 'replacedById is given only with status REPLACED' } : null;
  if (!replacement)
    return { kind: 'INVALID', reason: 'status REPLACED needs replacedById, the entry that replaces it' };
  if (replacement.id === entry.id) return { kind: 'INVALID', reason: `${entry.number} cannot replace itself` };
  if (replacement.status !== ResolutionStatus.IN_FORCE)
    return {
      kind: 'INVALID',
      reason: `${replacement.number} is ${replacement.status}: only an entry in force replaces another`,
    };
  if (replacement.signedOn < entry.signedOn)
    return {
      kind: 'INVALID',
      reason: `${replacement.number} (signed ${replacement.signedOn}) is older than ${entry.number} (signed ${entry.signedOn}) and cannot replace it`,
    };
  return null;
}

/** Why a signing date is not acceptable (`today` as YYYY-MM-DD in Vietnam), or null. */
export function signedOnProblem(signedOn: string, today: string): string | null {
  const parsed = new Date(`${signedOn}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(signedOn) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== signedOn
  )
    return `signedOn ${signedOn} is not a calendar date (YYYY-MM-DD)`;
  if (signedOn < MIN_SIGNED_ON) return `signedOn ${signedOn} is before ${MIN_SIGNED_ON}`;
  if (signedOn > today) return `signedOn ${signedOn} is in the future`;
  return null;
}

/** The years of a term written `2020-2025`, or a reason it is not one (at most 10 years, in order). */
export function termYears(term: string): { years: number[] } | { problem: string } {
  const m = /^(\d{4})-(\d{4})$/.exec(term);
  if (!m) return { problem: `term ${term} must look like 2020-2025` };
  const [from, to] = [Number(m[1]), Number(m[2])];
  if (from < 1930 || to > 2100) return { problem: `term ${term} must lie between 1930 and 2100` };
  if (to < from) return { problem: `term ${term} ends before it starts` };
  if (to - from > 10) return { problem: `term ${term} spans more than 10 years` };
  return { years: Array.from({ length: to - from + 1 }, (_, i) => from + i) };
}

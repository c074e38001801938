/**
 * From a payload's JSON Schema to the fields of its form, and back from the form's values to the
 * payload: pure code (no DOM, no React), so what a form shows and sends is unit-tested. Paths use
 * the API's own notation (`targets.0.code`), so its 400 messages land on the field they name.
 */
import type { JsonSchema } from './extract-schemas';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'list'
  | 'table'
  | 'object'
  | 'map'
  | 'document';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  /** Where the value sits in the payload, rows as `*`: `targets.*.code`. */
  path: string;
  kind: FieldKind;
  required: boolean;
  /** A list or a single value naming people (a picker when choices are known). */
  people?: boolean;
  /** A select whose values are numbers (an integer offered as choices). */
  numeric?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  /** The allowed values: an enumeration's, or the ones the API offered for this field. */
  options?: Choice[];
  /** An object's fields, or a table's columns. */
  fields?: FieldSpec[];
}

/** Values offered per field (`choices` of an available action), keyed by field name or `*` path. */
export type Choices = Record<string, unknown>;

/** Text longer than this gets a text area. */
export const TEXTAREA_FROM = 200;

const PERSON_NAMES = new Set([
  'inviteeIds',
  'surveyorIds',
  'audienceIds',
  'memberIds',
  'readerIds',
  'headId',
  'memberInChargeId',
  'onBehalfOf',
]);
/** Whether a field names people by id (inviteeIds, toPersonId…). */
export const namesPeople = (name: string): boolean => PERSON_NAMES.has(name) || /[pP]ersonIds?$/.test(name);

function dateKind(name: string, s: JsonSchema): FieldKind | null {
  if (s.format === 'date' || /On$/.test(name)) return 'date';
  if (s.format === 'date-time' || /At$/.test(name) || name === 'deadline') return 'datetime';
  return null;
}

/** The offered choices as value/label pairs, whatever shape the API gives them in. */
export function normaliseChoices(raw: unknown): Choice[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((c) => {
    if (typeof c !== 'object' || c === null) return { value: String(c), label: String(c) };
    const o = c as Record<string, unknown>;
    const value = o.value ?? o.id ?? o.personId ?? o.code ?? o.seq ?? o.no ?? '';
    const label = o.labelVi ?? o.label ?? o.name ?? o.fullName ?? o.title ?? value;
    return { value: String(value), label: label === value ? String(value) : `${String(label)}` };
  });
}

function choicesFor(choices: Choices | undefined, name: string, path: string): Choice[] | undefined {
  if (!choices) return undefined;
  return normaliseChoices(choices[path] ?? choices[path.replace(/\.\*\./g, '.')] ?? choices[name]);
}

function enumOptions(values: unknown[]): Choice[] {
  const seen = [...new Set(values.filter((v) => v !== null && v !== '').map(String))];
  return seen.map((v) => ({ value: v, label: v }));
}

function fieldOf(name: string, s: JsonSchema, required: boolean, path: string, choices?: Choices): FieldSpec {
  const base: FieldSpec = { name, path, kind: 'text', required };
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern'] as const)
    if (s[k] !== undefined) (base as unknown as Record<string, unknown>)[k] = s[k];
  const offered = choicesFor(choices, name, path);
  if (s.type === 'array') {
    const items = s.items ?? { type: 'string' };
    if (items.type === 'object' || items.properties)
      return { ...base, kind: 'table', fields: fieldsOf(items, choices, `${path}.*`) };
    return { ...base, kind: 'list', people: namesPeople(name), options: offered };
  }
  if (s.type === 'object' || s.properties) {
    // A map with offered keys (a value per target) gets one row per key, labelled.
    if (!s.properties || Object.keys(s.properties).length === 0) return { ...base, kind: 'map', options: offered };
    return { ...base, kind: 'object', fields: fieldsOf(s, choices, path) };
  }
  if (name === 'documentId') return { ...base, kind: 'document' };
  if (s.enum) return { ...base, kind: 'select', options: offered ?? enumOptions(s.enum) };
  if (s.type === 'boolean') return { ...base, kind: 'boolean' };
  if (s.type === 'integer' || s.type === 'number')
    return offered ? { ...base, kind: 'select', numeric: true, options: offered } : { ...base, kind: s.type };
  if (offered) return { ...base, kind: 'select', options: offered, people: namesPeople(name) };
  const date = dateKind(name, s);
  if (date) return { ...base, kind: date };
  return { ...base, kind: (s.maxLength ?? 0) > TEXTAREA_FROM ? 'textarea' : 'text', people: namesPeople(name) };
}

/** The fields of a schema's properties, in the schema's order. */
export function fieldsOf(schema: JsonSchema, choices?: Choices, prefix = ''): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) =>
    fieldOf(name, s, required.has(name), prefix ? `${prefix}.${name}` : name, choices),
  );
}

export type Value = string | boolean | Value[] | { [k: string]: Value } | Array<[string, string]>;
export type Values = Record<string, Value>;

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the `datetime-local` input shows it, in Vietnam's time (UTC+7). */
export function toLocalInput(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + 7 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
/** A `datetime-local` value, read as Vietnam's time, as an ISO 8601 instant with its offset. */
export const fromLocalInput = (v: string): string => (v.length === 16 ? `${v}:00+07:00` : v);

/** The value a field starts with: the prefill when there is one, else empty. */
export function initialValue(f: FieldSpec, prefill: unknown): Value {
  switch (f.kind) {
    case 'boolean':
      return prefill === true;
    case 'list':
      return Array.isArray(prefill) ? prefill.map(String) : [];
    case 'table':
      return Array.isArray(prefill) ? prefill.map((row) => initialValues(f.fields ?? [], row)) : [];
    case 'object':
      return initialValues(f.fields ?? [], prefill);
    case 'map': {
      const given: Array<[string, string]> =
        prefill && typeof prefill === 'object'
          ? Object.entries(prefill as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)])
          : [];
      if (!f.options) return given;
      const keys = new Set(f.options.map((o) => o.value));
      const byKey = new Map(given);
      return [
        ...f.options.map((o): [string, string] => [o.value, byKey.get(o.value) ?? '']),
        ...given.filter(([k]) => !keys.has(k)),
      ];
    }
    case 'datetime':
      return typeof prefill === 'string' ? toLocalInput(prefill) : '';
    default:
      return prefill === undefined || prefill === null ? '' : String(prefill);
  }
}

export function initialValues(fields: FieldSpec[], prefill: unknown): Values {
  const source = (prefill && typeof prefill === 'object' ? prefill : {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f.name, initialValue(f, source[f.name])]));
}

/** An empty table row of the table's columns. */
export const emptyRow = (table: FieldSpec): Values => initialValues(table.fields ?? [], {});

const blankList = (v: Value) => (v as string[]).map((s) => s.trim()).filter(Boolean);

/** Whether a value counts as absent (an optional field left so is not sent). */
export function isEmpty(f: FieldSpec, v: Value | undefined): boolean {
  if (v === undefined) return true;
  switch (f.kind) {
    case 'boolean':
      return false;
    case 'list':
      return blankList(v).length === 0;
    case 'table':
    case 'map':
      return (v as unknown[]).length === 0;
    case 'object':
      return (f.fields ?? []).every((c) => c.kind === 'boolean' || isEmpty(c, (v as Values)[c.name]));
    default:
      return String(v).trim() === '';
  }
}

function payloadValue(f: FieldSpec, v: Value): unknown {
  switch (f.kind) {
    case 'boolean':
      return v === true;
    case 'integer':
    case 'number':
      return Number(v);
    case 'datetime':
      return fromLocalInput(String(v));
    case 'list':
      return blankList(v);
    case 'table':
      return (v as Values[]).map((row) => toPayload(f.fields ?? [], row));
    case 'object':
      return toPayload(f.fields ?? [], v as Values);
    case 'map':
      // Offered keys left blank are not sent (no value for that target).
      return Object.fromEntries(
        (v as Array<[string, string]>)
          .filter(([k, x]) => k.trim() && (!f.options || x.trim()))
          .map(([k, x]) => [k.trim(), f.options ? x.trim() : x]),
      );
    case 'select':
      return f.numeric ? Number(v) : String(v);
    default:
      return String(v);
  }
}

/** The payload the form's values make: optional fields left empty are not sent; lists lose blank lines. */
export function toPayload(fields: FieldSpec[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (!f.required && isEmpty(f, v)) continue;
    if (v === undefined) continue;
    out[f.name] = payloadValue(f, v);
  }
  return out;
}

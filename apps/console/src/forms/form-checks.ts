/**
 * What is wrong with a form's values before it is sent (the schema's own rules: required, lengths,
 * ranges, list sizes, patterns), and where the API's 400 messages belong: `payload.targets.0.code must
 * be…` goes next to the field `targets.0.code`. Pure code, unit-tested.
 */
import { FieldSpec, isEmpty, Value, Values } from './form-model';

export type Rule =
  'required' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems' | 'pattern' | 'number';

export interface Problem {
  rule: Rule;
  limit?: number;
}

/** Problems by concrete field path (`targets.0.code`). */
export type ProblemsByPath = Record<string, Problem[]>;

function checkOne(f: FieldSpec, v: Value | undefined, path: string, out: ProblemsByPath): void {
  const add = (p: Problem): void => {
    out[path] = [...(out[path] ?? []), p];
  };
  if (isEmpty(f, v)) {
    // A required object left empty: its own required fields say what is missing.
    if (f.kind === 'object') {
      if (f.required) checkAll(f.fields ?? [], (v ?? {}) as Values, out, path);
      return;
    }
    // A list may be empty unless it has a minimum size; any other required value must be there.
    const many = f.kind === 'table' || f.kind === 'map' || f.kind === 'list';
    if (f.required && !many) add({ rule: 'required' });
    else if (many && f.minItems) add({ rule: 'minItems', limit: f.minItems });
    return;
  }
  switch (f.kind) {
    case 'list': {
      const n = (v as string[]).filter((s) => s.trim()).length;
      if (f.minItems !== undefined && n < f.minItems) add({ rule: 'minItems', limit: f.minItems });
      if (f.maxItems !== undefined && n > f.maxItems) add({ rule: 'maxItems', limit: f.maxItems });
      return;
    }
    case 'table': {
      const rows = v as Values[];
      if (f.minItems !== undefined && rows.length < f.minItems) add({ rule: 'minItems', limit: f.minItems });
      if (f.maxItems !== undefined && rows.length > f.maxItems) add({ rule: 'maxItems', limit: f.maxItems });
      rows.forEach((row, i) => checkAll(f.fields ?? [], row, out, `${path}.${i}`));
      return;
    }
    case 'object':
      checkAll(f.fields ?? [], v as Values, out, path);
      return;
    case 'integer':
    case 'number': {
      const n = Number(v);
      if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) return add({ rule: 'number' });
      if (f.minimum !== undefined && n < f.minimum) add({ rule: 'minimum', limit: f.minimum });
      if (f.maximum !== undefined && n > f.maximum) add({ rule: 'maximum', limit: f.maximum });
      return;
    }
    case 'boolean':
    case 'map':
      return;
    default: {
      const s = String(v);
      if (f.minLength !== undefined && s.length < f.minLength) add({ rule: 'minLength', limit: f.minLength });
      if (f.maxLength !== undefined && s.length > f.maxLength) add({ rule: 'maxLength', limit: f.maxLength });
      if (f.pattern && f.kind === 'text' && !new RegExp(f.pattern).test(s)) add({ rule: 'pattern' });
    }
  }
}

/** Every problem of the values, by field path; empty when the form may be sent. */
export function checkAll(fields: FieldSpec[], values: Values, out: ProblemsByPath = {}, prefix = ''): ProblemsByPath {
  for (const f of fields) checkOne(f, values[f.name], prefix ? `${prefix}.${f.name}` : f.name, out);
  return out;
}

/** Every concrete path the values give the fields (rows numbered): where a message may land. */
export function fieldPaths(fields: FieldSpec[], values: Values, prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const v = values[f.name];
    if (f.kind === 'object') return [path, ...fieldPaths(f.fields ?? [], (v ?? {}) as Values, path)];
    if (f.kind === 'map' && f.options)
      return [path, ...((v ?? []) as Array<[string, string]>).map(([k]) => `${path}.${k}`)];
    if (f.kind === 'table')
      return [path, ...((v ?? []) as Values[]).flatMap((row, i) => fieldPaths(f.fields ?? [], row, `${path}.${i}`))];
    return [path];
  });
}

/** The path a message names: `payload.targets[0].code must…` → `targets.0.code` (null when it names none). */
export function pathOfMessage(message: string): string | null {
  const m = /^(?:payload\.)?([A-Za-z_][\w]*(?:(?:\.\w+)|(?:\[\d+\]))*)(?=[\s:]|$)/.exec(message.trim());
  return m ? m[1].replace(/\[(\d+)\]/g, '.$1') : null;
}

/** A message without the `payload.` its path starts with. */
export const withoutPayloadPrefix = (message: string): string => message.trim().replace(/^payload\./, '');

export interface PlacedMessages {
  /** Messages by the field path they belong to. */
  byPath: Record<string, string[]>;
  /** Messages that name no field of the form (shown above the buttons). */
  general: string[];
}

/** Puts each of the API's messages next to the deepest field of the form its path names. */
export function placeMessages(messages: string[], paths: string[]): PlacedMessages {
  const placed: PlacedMessages = { byPath: {}, general: [] };
  const known = [...paths].sort((a, b) => b.length - a.length);
  for (const message of messages) {
    const path = pathOfMessage(message);
    const target = path && known.find((k) => path === k || path.startsWith(`${k}.`));
    if (target) placed.byPath[target] = [...(placed.byPath[target] ?? []), withoutPayloadPrefix(message)];
    else placed.general.push(message);
  }
  return placed;
}

import { ChangeEvent, ReactNode, useState } from 'react';
import type { ActionTexts } from './action-texts';
import { Choice, emptyRow, FieldSpec, Value, Values } from './form-model';

/** What every field of one form shares: its id, the problems by path, texts, and how a file is uploaded. */
export interface FieldContext {
  formId: string;
  errors: Record<string, string[]>;
  texts: ActionTexts;
  upload?: (file: File) => Promise<{ id: string; fileName: string }>;
}

interface FieldProps {
  spec: FieldSpec;
  /** The concrete path (`targets.0.code`). */
  path: string;
  value: Value;
  onChange: (v: Value) => void;
  ctx: FieldContext;
  /** Inside a table row: the label is for screen readers only and names the row. */
  row?: number;
}

export const domId = (formId: string, path: string): string => `${formId}-${path.replace(/[^\w-]/g, '-')}`;

const INPUT_TYPES: Partial<Record<FieldSpec['kind'], string>> = {
  text: 'text',
  date: 'date',
  datetime: 'datetime-local',
  integer: 'number',
  number: 'number',
};

/** One field of a schema form, whatever its kind: the one place form markup is written. */
export function Field({ spec, path, value, onChange, ctx, row }: FieldProps) {
  const { texts } = ctx;
  const id = domId(ctx.formId, path);
  const errors = ctx.errors[path] ?? [];
  const hint = spec.kind === 'list' && !spec.options ? texts.x(spec.people ? 'personIdsHint' : 'onePerLine') : null;
  const describedBy = [errors.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const a11y = {
    id,
    name: path,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': spec.required || undefined,
  };
  const label = texts.fieldLabel(spec.name);
  const caption = (
    <span className={row === undefined ? undefined : 'sr-only'}>
      {row === undefined ? label : `${texts.x('row')} ${row + 1}: ${label}`}
      {spec.required && row === undefined && <span aria-hidden="true"> *</span>}
    </span>
  );
  const below = (
    <>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errors.length > 0 && (
        <span className="field-error error" id={`${id}-error`} data-field={path}>
          {errors.join(' ')}
        </span>
      )}
    </>
  );
  const text = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(e.target.value);
  const group = (body: ReactNode) => (
    <fieldset className="form-group" aria-describedby={describedBy || undefined} data-path={path}>
      <legend>
        {label}
        {spec.required && <span aria-hidden="true"> *</span>}
      </legend>
      {body}
      {below}
    </fieldset>
  );

  switch (spec.kind) {
    case 'boolean':
      return (
        <div className="check-field">
          <label className="check">
            <input {...a11y} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            {caption}
          </label>
          {below}
        </div>
      );
    case 'select':
      return (
        <label>
          {caption}
          <select {...a11y} value={String(value)} onChange={text}>
            <option value="">{texts.x('choose')}</option>
            {spec.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {texts.optionLabel(o.value, o.label)}
              </option>
            ))}
          </select>
          {below}
        </label>
      );
    case 'textarea':
      return (
        <label>
          {caption}
          <textarea {...a11y} value={String(value)} onChange={text} />
          {below}
        </label>
      );
    case 'list':
      if (spec.options) {
        const chosen = value as string[];
        return group(
          <div className="choices">
            {spec.options.map((o) => (
              <label key={o.value} className="check">
                <input
                  type="checkbox"
                  name={path}
                  value={o.value}
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                  }
                />
                {o.label}
              </label>
            ))}
          </div>,
        );
      }
      return (
        <label>
          {caption}
          <textarea
            {...a11y}
            value={(value as string[]).join('\n')}
            onChange={(e) => onChange(e.target.value.split('\n'))}
          />
          {below}
        </label>
      );
    case 'document':
      return (
        <DocumentInput
          a11y={a11y}
          caption={caption}
          below={below}
          value={String(value)}
          onChange={onChange}
          ctx={ctx}
        />
      );
    case 'object':
      return group(
        <SubFields fields={spec.fields ?? []} path={path} values={value as Values} onChange={onChange} ctx={ctx} />,
      );
    case 'map':
      return group(
        spec.options ? (
          <KeyedRows
            path={path}
            options={spec.options}
            rows={value as Array<[string, string]>}
            onChange={onChange}
            ctx={ctx}
          />
        ) : (
          <MapRows path={path} rows={value as Array<[string, string]>} onChange={onChange} ctx={ctx} />
        ),
      );
    case 'table':
      return group(<TableRows spec={spec} path={path} rows={value as Values[]} onChange={onChange} ctx={ctx} />);
    default:
      return (
        <label>
          {caption}
          <input
            {...a11y}
            type={INPUT_TYPES[spec.kind] ?? 'text'}
            step={spec.kind === 'integer' ? 1 : spec.kind === 'number' ? 'any' : undefined}
            value={String(value)}
            onChange={text}
          />
          {below}
        </label>
      );
  }
}

function SubFields(props: {
  fields: FieldSpec[];
  path: string;
  values: Values;
  onChange: (v: Value) => void;
  ctx: FieldContext;
  row?: number;
}) {
  const { fields, path, values, onChange, ctx, row } = props;
  return (
    <div className="sub-fields">
      {fields.map((f) => (
        <Field
          key={f.name}
          spec={f}
          path={`${path}.${f.name}`}
          value={values[f.name]}
          onChange={(v) => onChange({ ...values, [f.name]: v })}
          ctx={ctx}
          row={row}
        />
      ))}
    </div>
  );
}

function TableRows(props: {
  spec: FieldSpec;
  path: string;
  rows: Values[];
  onChange: (v: Value) => void;
  ctx: FieldContext;
}) {
  const { spec, path, rows, onChange, ctx } = props;
  const columns = spec.fields ?? [];
  const set = (i: number, row: Value) => onChange(rows.map((r, j) => (j === i ? (row as Values) : r)));
  return (
    <>
      <div className="table-wrap" tabIndex={0}>
        <table className="form-table" data-table={path}>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c) => (
                <th key={c.name} scope="col">
                  {ctx.texts.fieldLabel(c.name)}
                  {c.required && <span aria-hidden="true"> *</span>}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{ctx.texts.x('removeRow')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {columns.map((c) => (
                  <td key={c.name}>
                    <Field
                      spec={c}
                      path={`${path}.${i}.${c.name}`}
                      value={r[c.name]}
                      onChange={(v) => set(i, { ...r, [c.name]: v })}
                      ctx={ctx}
                      row={i}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    {ctx.texts.x('removeRow')} {i + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="secondary"
        data-add-row={path}
        onClick={() => onChange([...rows, emptyRow(spec)])}
      >
        {ctx.texts.x('addRow')}
      </button>
    </>
  );
}

function MapRows(props: {
  path: string;
  rows: Array<[string, string]>;
  onChange: (v: Value) => void;
  ctx: FieldContext;
}) {
  const { path, rows, onChange, ctx } = props;
  const set = (i: number, k: string, v: string) => onChange(rows.map((r, j) => (j === i ? [k, v] : r)));
  const id = domId(ctx.formId, path);
  return (
    <>
      {rows.map(([k, v], i) => (
        <div key={i} className="map-row">
          <label>
            <span className="sr-only">{`${ctx.texts.x('row')} ${i + 1}: `}</span>
            {ctx.texts.x('key')}
            <input id={`${id}-${i}-key`} value={k} onChange={(e) => set(i, e.target.value, v)} />
          </label>
          <label>
            <span className="sr-only">{`${ctx.texts.x('row')} ${i + 1}: `}</span>
            {ctx.texts.x('value')}
            <input id={`${id}-${i}-value`} value={v} onChange={(e) => set(i, k, e.target.value)} />
          </label>
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {ctx.texts.x('removeRow')} {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, ['', '']])}>
        {ctx.texts.x('addRow')}
      </button>
    </>
  );
}

/** A value for each offered key (a value per target), labelled with the key's name; the path is `values.GRDP`. */
function KeyedRows(props: {
  path: string;
  options: Choice[];
  rows: Array<[string, string]>;
  onChange: (v: Value) => void;
  ctx: FieldContext;
}) {
  const { path, options, rows, onChange, ctx } = props;
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const set = (i: number, v: string) => onChange(rows.map((r, j) => (j === i ? [r[0], v] : r)));
  return (
    <div className="keyed-rows">
      {rows.map(([k, v], i) => {
        const at = `${path}.${k}`;
        const id = domId(ctx.formId, at);
        const errors = ctx.errors[at] ?? [];
        return (
          <label key={k}>
            {labels.get(k) ?? k} <span className="hint">({k})</span>
            <input
              id={id}
              name={at}
              value={v}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={errors.length ? `${id}-error` : undefined}
              onChange={(e) => set(i, e.target.value)}
            />
            {errors.length > 0 && (
              <span className="field-error error" id={`${id}-error`} data-field={at}>
                {errors.join(' ')}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}

/** A file chosen here is uploaded at once; the field then holds the stored document's id. */
function DocumentInput(props: {
  a11y: Record<string, unknown>;
  caption: ReactNode;
  below: ReactNode;
  value: string;
  onChange: (v: Value) => void;
  ctx: FieldContext;
}) {
  const { a11y, caption, below, value, onChange, ctx } = props;
  const [state, setState] = useState<{ busy: boolean; name?: string; error?: string }>({ busy: false });
  async function chosen(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file || !ctx.upload) return;
    setState({ busy: true });
    try {
      const doc = await ctx.upload(file);
      onChange(doc.id);
      setState({ busy: false, name: doc.fileName });
    } catch (err) {
      setState({ busy: false, error: (err as Error).message });
    }
  }
  return (
    <label>
      {caption} ({ctx.texts.x('file')})
      <input {...a11y} type="file" accept=".docx,.pdf,.odt" disabled={state.busy || !ctx.upload} onChange={chosen} />
      {value && (
        <span className="hint" data-document-id={value}>
          {ctx.texts.x('uploaded')}: {state.name ?? value}
        </span>
      )}
      {state.error && <span className="error">{state.error}</span>}
      {below}
    </label>
  );
}

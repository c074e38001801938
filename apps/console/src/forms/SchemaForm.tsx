import { FormEvent, KeyboardEvent, ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, requestId } from '../api';
import { useActionTexts } from './action-texts';
import type { JsonSchema } from './extract-schemas';
import { checkAll, fieldPaths, placeMessages } from './form-checks';
import { Choices, fieldsOf, initialValue, initialValues, toPayload, Values } from './form-model';
import { Field, FieldContext } from './Field';
import './forms.css';

export interface SchemaFormProps {
  /** The payload's schema (references resolved, as in generated/action-schemas.json). */
  schema: JsonSchema;
  /** Names the form in ids and test hooks (the action's name). */
  formKey: string;
  title: string;
  prefill?: unknown;
  choices?: Choices;
  /** Sends the payload with the form's request id (the same on every retry of this form). */
  submit: (payload: Record<string, unknown>, requestId: string) => Promise<unknown>;
  onDone: (result: unknown) => void;
  onClose?: () => void;
  upload?: FieldContext['upload'];
  /** Extra controls above the fields, given a way to fill fields from a payload (an import). */
  tools?: (fill: (payload: Record<string, unknown>) => void) => ReactNode;
  submitLabel?: string;
}

/**
 * Any payload's form, built from its schema: fields, client-side checks from the schema, the API's
 * 400 messages placed next to the field they name, one request id per opened form and a send button
 * that stays disabled while the request is in flight (a double click sends once).
 */
export function SchemaForm(props: SchemaFormProps) {
  const { schema, formKey, title, prefill, choices, submit, onDone, onClose, upload, tools } = props;
  const texts = useActionTexts();
  const fields = useMemo(() => fieldsOf(schema, choices), [schema, choices]);
  const [values, setValues] = useState<Values>(() => initialValues(fields, prefill));
  const [rid] = useState(requestId);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const formId = `form-${formKey}`;

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid=true], fieldset[data-invalid=true]')?.focus();
  }, [errors]);

  function fill(payload: Record<string, unknown>) {
    setValues((v) => {
      const next = { ...v };
      for (const f of fields) if (f.name in payload) next[f.name] = initialValue(f, payload[f.name]);
      return next;
    });
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    const found = checkAll(fields, values);
    if (Object.keys(found).length) {
      setErrors(Object.fromEntries(Object.entries(found).map(([p, list]) => [p, list.map(texts.problem)])));
      setGeneral([texts.x('formHasProblems')]);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setErrors({});
    setGeneral([]);
    try {
      const result = await submit(toPayload(fields, values), rid);
      inFlight.current = false;
      setBusy(false);
      onDone(result);
    } catch (err) {
      inFlight.current = false;
      setBusy(false);
      if (err instanceof ApiError && err.status === 400) {
        const placed = placeMessages(err.problems, fieldPaths(fields, values));
        setErrors(placed.byPath);
        setGeneral(placed.general.length ? placed.general : [texts.x('formHasProblems')]);
      } else setGeneral([(err as Error).message]);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && onClose) {
      e.stopPropagation();
      onClose();
    }
  }

  const ctx: FieldContext = { formId, errors, texts, upload };
  return (
    <form
      ref={form}
      className="schema-form"
      aria-labelledby={`${formId}-title`}
      noValidate
      data-testid={formId}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <h3 id={`${formId}-title`}>{title}</h3>
      {tools?.(fill)}
      {fields.map((f) => (
        <Field
          key={f.name}
          spec={f}
          path={f.name}
          value={values[f.name]}
          onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
          ctx={ctx}
        />
      ))}
      {general.length > 0 && (
        <div className="error" role="alert" data-testid={`${formId}-errors`}>
          {general.map((g, i) => (
            <p key={i}>{g}</p>
          ))}
        </div>
      )}
      <div className="row-actions">
        <button type="submit" disabled={busy} data-testid={`${formId}-send`}>
          {busy ? texts.x('sending') : (props.submitLabel ?? texts.x('send'))}
        </button>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {texts.x('close')}
          </button>
        )}
      </div>
    </form>
  );
}

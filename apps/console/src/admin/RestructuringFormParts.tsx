import { ReactNode, useRef, useState } from 'react';
import { api, requestId, Schemas } from '../api';
import { useAdminI18n } from './admin-texts';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, problemsByField, Unit, unitLabel } from './org-data';

/*
 * What every restructuring form shares: the request and its refusals by field, the date and the
 * reason, a choice of unit, the submit row.
 */

/** A restructuring as the API answers it. */
export type Change = Schemas['RestructuringResponse'];
export type RestructuringBody = Omit<Schemas['CreateRestructuringDto'], 'requestId'>;
/** A form's fields and the refusals each one shows: by the sentence's lead word first, then by pattern. */
export type Fields = ReadonlyArray<[string, RegExp]>;

/** The refusals every restructuring form places: the date, the reason; the rest by each form. */
const COMMON_FIELDS: Fields = [
  ['effectiveDate', /effectiveDate|does not exist yet on/],
  ['reason', /^reason\b/],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A unit as the API's sentences name it: its name, or its id. */
export const naming = (u: Pick<Unit, 'id' | 'name'>) => new RegExp(`${escape(u.name)}|\\b${escape(u.id)}\\b`);
/**
 * Where a form that ends one unit (a split, a renaming) shows the refusals about it: under its choice.
 * `shape` is the kind's own sentence about how many units it names.
 */
export const refusalsOfUnit = (unit: Pick<Unit, 'id' | 'name'>, shape: RegExp): Fields => [
  ['unitId', /^units?\b|unknown unit|already (being )?restructured/i],
  ['unitId', shape],
  ['unitId', naming(unit)],
];
/** An id (a programme's, a task's) as a sentence names it, whole. */
export const namingId = (id: string) => new RegExp(`(^|\\s)${escape(id)}(\\s|,|$)`);

/**
 * One restructuring request: its request id is kept until the API accepts it (a double click, or a
 * retry after a refusal or a lost answer, makes one change), then a new one is drawn for the next.
 */
export function useRestructuringRequest(onDone: (change: Change) => void) {
  const request = useRef(requestId());
  const sending = useRef(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  async function send(body: RestructuringBody, fields: Fields) {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setProblems({});
    try {
      const change = await api.post('/organisation/restructurings', { body: { ...body, requestId: request.current } });
      request.current = requestId();
      onDone(change);
    } catch (err) {
      setProblems(problemsByField(err, [...COMMON_FIELDS, ...fields]));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }
  return { problems, busy, send };
}

/** The effective date and the reason, which every restructuring states. */
export function DateAndReason(props: {
  form: string;
  problems: FieldProblems;
  date: string;
  reason: string;
  onDate: (v: string) => void;
  onReason: (v: string) => void;
}) {
  const { a } = useAdminI18n();
  const { form: F, problems } = props;
  return (
    <>
      <label>
        {a('effectiveDate')}
        <input
          type="date"
          name="effectiveDate"
          value={props.date}
          onChange={(e) => props.onDate(e.target.value)}
          required
          {...invalid(problems, 'effectiveDate', F)}
        />
        <FieldError problems={problems} field="effectiveDate" form={F} />
      </label>
      <label>
        {a('restructuringReason')}
        <textarea
          name="reason"
          value={props.reason}
          onChange={(e) => props.onReason(e.target.value)}
          required
          {...invalid(problems, 'reason', F)}
        />
        <FieldError problems={problems} field="reason" form={F} />
      </label>
    </>
  );
}

/**
 * A labelled choice of one unit among `units`, with the API's problems for `field` under it. `empty`
 * is what the blank choice says (by default "choose", and the choice is required).
 */
export function UnitChoice(props: {
  label: ReactNode;
  name: string;
  units: Unit[];
  value: string;
  onChange: (unitId: string) => void;
  form: string;
  field: string;
  problems: FieldProblems;
  empty?: string;
  className?: string;
}) {
  const { a } = useAdminI18n();
  const { form: F, field, problems } = props;
  return (
    <label className={props.className}>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.empty === undefined}
        {...invalid(problems, field, F)}
      >
        <option value="">{props.empty ?? a('choose')}</option>
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {unitLabel(u)}
          </option>
        ))}
      </select>
      <FieldError problems={problems} field={field} form={F} />
    </label>
  );
}

/** The end of every restructuring form: the problems no field owns, and its submit button. */
export function SubmitRow(props: {
  problems: FieldProblems;
  busy: boolean;
  disabled?: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      <FormError problems={props.problems} />
      <div className="row-actions">
        <button type="submit" disabled={props.busy || props.disabled} data-testid={props.testId}>
          {props.children}
        </button>
      </div>
    </>
  );
}

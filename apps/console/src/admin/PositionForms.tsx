import { FormEvent, useState } from 'react';
import { api, Schemas } from '../api';
import { ALL_SEATS, POSITION_ROLES, SEAT_LABEL_VI } from '../../../../libs/domain/src/org/org-rules';
import { useAdminI18n } from './admin-texts';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, hasEnded, problemsByField, today, Unit, unitLabel } from './org-data';

const POSITION_FIELDS: ReadonlyArray<[string, RegExp]> = [
  ['seat', /seat|holder|held by/i],
  ['unitId', /unit|is valid/i],
  ['title', /title/],
  ['roles', /role/],
  ['fields', /fields/],
  ['endsOn', /endsOn/],
  ['startsOn', /startsOn/],
];

type PositionBody = Schemas['CreatePositionDto'];

/** A new position for the person: unit, title, roles, an optional seat, fields and dates. */
export function AddPositionForm(props: { personId: string; units: Unit[]; onAdded: () => Promise<void> }) {
  const { a, role, lang } = useAdminI18n();
  const empty = { unitId: '', title: '', roles: [] as string[], seat: '', fields: '', startsOn: today(), endsOn: '' };
  const [form, setForm] = useState(empty);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const set =
    (field: 'unitId' | 'title' | 'seat' | 'fields' | 'startsOn' | 'endsOn') => (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [field]: e.target.value }));
  const F = 'position-form';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    try {
      await api.post('/admin/positions', {
        body: {
          personId: props.personId,
          unitId: form.unitId,
          title: form.title.trim(),
          roles: form.roles as PositionBody['roles'],
          seat: (form.seat || null) as PositionBody['seat'],
          fields: form.fields
            .split(';')
            .map((f) => f.trim())
            .filter(Boolean),
          startsOn: form.startsOn,
          endsOn: form.endsOn || null,
        },
      });
      setForm(empty);
      await props.onAdded();
    } catch (err) {
      setProblems(problemsByField(err, POSITION_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form form-grid" onSubmit={submit} data-testid={F}>
      <h3>{a('addPosition')}</h3>
      <label>
        {a('units')}
        <select name="unitId" value={form.unitId} onChange={set('unitId')} required {...invalid(problems, 'unitId', F)}>
          <option value="">{a('choose')}</option>
          {props.units
            .filter((u) => !hasEnded(u))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {unitLabel(u)}
              </option>
            ))}
        </select>
        <FieldError problems={problems} field="unitId" form={F} />
      </label>
      <label>
        {a('title')}
        <input name="title" value={form.title} onChange={set('title')} required {...invalid(problems, 'title', F)} />
        <FieldError problems={problems} field="title" form={F} />
      </label>
      <fieldset className="checks" {...invalid(problems, 'roles', F)}>
        <legend>{a('roles')}</legend>
        {POSITION_ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              name="roles"
              value={r}
              checked={form.roles.includes(r)}
              onChange={(e) =>
                setForm((f) => ({ ...f, roles: e.target.checked ? [...f.roles, r] : f.roles.filter((x) => x !== r) }))
              }
            />
            {role(r)}
          </label>
        ))}
        <FieldError problems={problems} field="roles" form={F} />
      </fieldset>
      <label>
        {a('seat')}
        <select name="seat" value={form.seat} onChange={set('seat')} {...invalid(problems, 'seat', F)}>
          <option value="">{a('noSeat')}</option>
          {ALL_SEATS.map((s) => (
            <option key={s} value={s}>
              {lang === 'en' ? s.replace(/_/g, ' ').toLowerCase() : SEAT_LABEL_VI[s]}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="seat" form={F} />
      </label>
      <label>
        {a('fields')}
        <input name="fields" value={form.fields} onChange={set('fields')} {...invalid(problems, 'fields', F)} />
        <FieldError problems={problems} field="fields" form={F} />
      </label>
      <label>
        {a('startsOn')}
        <input
          type="date"
          name="startsOn"
          value={form.startsOn}
          onChange={set('startsOn')}
          required
          {...invalid(problems, 'startsOn', F)}
        />
        <FieldError problems={problems} field="startsOn" form={F} />
      </label>
      <label>
        {a('endsOn')}
        <input
          type="date"
          name="endsOn"
          value={form.endsOn}
          onChange={set('endsOn')}
          {...invalid(problems, 'endsOn', F)}
        />
        <FieldError problems={problems} field="endsOn" form={F} />
      </label>
      <FormError problems={problems} />
      <button type="submit" disabled={busy}>
        {a('addPosition')}
      </button>
    </form>
  );
}

/** Ends an open position on a day, with its reason. */
export function EndPositionForm(props: { positionId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const { a } = useAdminI18n();
  const [endsOn, setEndsOn] = useState(today());
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const F = 'end-position-form';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    try {
      await api.post('/admin/positions/{id}/end', { path: { id: props.positionId }, body: { endsOn, reason } });
      await props.onDone();
    } catch (err) {
      setProblems(
        problemsByField(err, [
          ['endsOn', /endsOn|before/],
          ['reason', /reason/],
        ]),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form form-grid" onSubmit={submit} data-testid={F}>
      <h3>{a('endPosition')}</h3>
      <label>
        {a('endsOn')}
        <input
          type="date"
          name="endsOn"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          required
          {...invalid(problems, 'endsOn', F)}
        />
        <FieldError problems={problems} field="endsOn" form={F} />
      </label>
      <label>
        {a('endReason')}
        <input
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          {...invalid(problems, 'reason', F)}
        />
        <FieldError problems={problems} field="reason" form={F} />
      </label>
      <FormError problems={problems} />
      <div className="row-actions">
        <button type="submit" disabled={busy}>
          {a('endPosition')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {a('back')}
        </button>
      </div>
    </form>
  );
}

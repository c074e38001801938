import { FormEvent, useMemo, useState } from 'react';
import { api, Schemas } from '../api';
import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';
import { FieldError, FormError, invalid } from './FieldError';
import { FieldProblems, hasEnded, problemsByField, Unit, unitLabel, useUnitKinds, useUnits } from './org-data';

/** Which field each refusal of a unit write concerns (the rest is shown above the buttons). */
const UNIT_FIELDS: ReadonlyArray<[string, RegExp]> = [
  ['code', /\bcode\b/i],
  ['parentId', /parent|cycle|sit under|under /i],
  ['validFrom', /validFrom|must start before/],
  ['validTo', /validTo|new days|outside the unit/],
  ['kind', /\bkind\b|unit kind/i],
  ['name', /\bname\b/],
];

/** The unit tree (ended units greyed, with their successor), and the form to create or edit a unit. */
export function UnitsPage() {
  const { a, date } = useAdminI18n();
  const { units, reload, error } = useUnits();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const children = useMemo(() => {
    const map = new Map<string | null, Unit[]>();
    for (const u of units) {
      const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), u]);
    }
    return map;
  }, [units, byId]);

  const toggle = (id: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function node(u: Unit) {
    const kids = children.get(u.id) ?? [];
    const open = expanded.has(u.id);
    const ended = hasEnded(u);
    const successor = u.successorId ? byId.get(u.successorId) : undefined;
    return (
      <li key={u.id} className={ended ? 'ended' : undefined} data-unit-id={u.id}>
        <div className="tree-row">
          {kids.length > 0 ? (
            <button
              type="button"
              className="secondary tree-toggle"
              aria-expanded={open}
              aria-label={`${open ? a('collapse') : a('expand')} ${u.name}`}
              onClick={() => toggle(u.id)}
            >
              {open ? '−' : '+'}
            </button>
          ) : (
            <span className="tree-toggle" aria-hidden="true" />
          )}
          <span className="tree-name">
            <strong>{u.name}</strong> <span className="when">{u.code}</span>{' '}
            <span className="badge">{u.kindLabelVi}</span>
            {ended && (
              <span className="ended-note">
                {' '}
                ({a('endedUnit')} {date(u.validTo)}
                {successor && (
                  <>
                    {' '}
                    → {a('successor')}: <span data-testid="successor">{successor.name}</span>
                  </>
                )}
                )
              </span>
            )}
          </span>
          <button type="button" className="link" onClick={() => setEditing(u)} aria-label={`${a('edit')} ${u.name}`}>
            {a('edit')}
          </button>
        </div>
        {open && kids.length > 0 && <ul>{kids.map(node)}</ul>}
      </li>
    );
  }

  return (
    <div className="page">
      <AdminNav current="units" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" data-testid="notice" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <UnitForm
          key={editing === 'new' ? 'new' : editing.id}
          unit={editing === 'new' ? null : editing}
          units={units}
          onDone={async (saved) => {
            setEditing(null);
            setNotice(`${a('saved')}: ${saved.name}`);
            if (saved.parentId) setExpanded((s) => new Set(s).add(saved.parentId as string));
            await reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <section className="card">
        <div className="row-actions">
          <h2>{a('unitTree')}</h2>
          <button type="button" onClick={() => setEditing('new')} data-testid="new-unit">
            {a('newUnit')}
          </button>
          <button type="button" className="secondary" onClick={() => setExpanded(new Set(units.map((u) => u.id)))}>
            {a('expandAll')}
          </button>
        </div>
        <ul className="tree" data-testid="unit-tree">
          {(children.get(null) ?? []).map(node)}
        </ul>
      </section>
    </div>
  );
}

type UnitBody = Schemas['CreateUnitDto'];

function UnitForm(props: { unit: Unit | null; units: Unit[]; onDone: (u: Unit) => void; onCancel: () => void }) {
  const { a, lang } = useAdminI18n();
  const kinds = useUnitKinds();
  const { unit } = props;
  const [form, setForm] = useState({
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    kind: unit?.kind ?? '',
    parentId: unit?.parentId ?? '',
    validFrom: unit?.validFrom ?? '',
    validTo: unit?.validTo ?? '',
  });
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  const F = 'unit-form';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    const body = {
      code: form.code.trim(),
      name: form.name.trim(),
      kind: form.kind as UnitBody['kind'],
      parentId: form.parentId,
      validFrom: form.validFrom || null,
      validTo: form.validTo || null,
    };
    try {
      if (unit) {
        // Only what changed: a province keeps its missing parent, an unchanged code is not re-checked.
        const changed = Object.fromEntries(
          Object.entries({ ...body, parentId: body.parentId || null }).filter(
            ([k, v]) => v !== ((unit as Record<string, unknown>)[k] ?? null),
          ),
        );
        props.onDone({ ...unit, ...(await api.patch('/admin/units/{id}', { path: { id: unit.id }, body: changed })) });
      } else {
        const created = await api.post('/admin/units', { body });
        props.onDone({ ...created, depth: 0 });
      }
    } catch (err) {
      setProblems(problemsByField(err, UNIT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const parents = props.units.filter((u) => u.id !== unit?.id && !hasEnded(u));
  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F} aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{unit ? `${a('editUnit')}: ${unit.name}` : a('newUnit')}</h2>
      <label>
        {a('code')}
        <input name="code" value={form.code} onChange={set('code')} required {...invalid(problems, 'code', F)} />
        <FieldError problems={problems} field="code" form={F} />
      </label>
      <label>
        {a('name')}
        <input name="name" value={form.name} onChange={set('name')} required {...invalid(problems, 'name', F)} />
        <FieldError problems={problems} field="name" form={F} />
      </label>
      <label>
        {a('kind')}
        <select name="kind" value={form.kind} onChange={set('kind')} required {...invalid(problems, 'kind', F)}>
          <option value="">{a('choose')}</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {lang === 'en' ? k.labelEn : k.labelVi}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="kind" form={F} />
      </label>
      <label>
        {a('parent')}
        <select name="parentId" value={form.parentId} onChange={set('parentId')} {...invalid(problems, 'parentId', F)}>
          <option value="">{a('noParent')}</option>
          {parents.map((u) => (
            <option key={u.id} value={u.id}>
              {'  '.repeat(u.depth)}
              {unitLabel(u)}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="parentId" form={F} />
      </label>
      <label>
        {a('validFrom')}
        <input
          type="date"
          name="validFrom"
          value={form.validFrom}
          onChange={set('validFrom')}
          {...invalid(problems, 'validFrom', F)}
        />
        <FieldError problems={problems} field="validFrom" form={F} />
      </label>
      <label>
        {a('validTo')}
        <input
          type="date"
          name="validTo"
          value={form.validTo}
          onChange={set('validTo')}
          {...invalid(problems, 'validTo', F)}
        />
        <FieldError problems={problems} field="validTo" form={F} />
      </label>
      <FormError problems={problems} />
      <div className="row-actions">
        <button type="submit" disabled={busy}>
          {a('save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {a('back')}
        </button>
      </div>
    </form>
  );
}

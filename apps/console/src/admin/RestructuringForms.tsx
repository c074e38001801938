import { FormEvent, useMemo, useState } from 'react';
import { useAdminI18n } from './admin-texts';
import { FieldError, invalid } from './FieldError';
import { hasEnded, today, Unit, unitLabel, useUnitKinds } from './org-data';
import {
  Change,
  DateAndReason,
  Fields,
  naming,
  SubmitRow,
  UnitChoice,
  useRestructuringRequest,
} from './RestructuringFormParts';

/** A merger: one or more units ending into one successor from a date. */
export function MergerForm({ units, onDone }: { units: Unit[]; onDone: (change: Change) => void }) {
  const { a } = useAdminI18n();
  const [predecessors, setPredecessors] = useState<string[]>(['']);
  const [successor, setSuccessor] = useState('');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const { problems, busy, send } = useRestructuringRequest((change) => {
    setPredecessors(['']);
    setSuccessor('');
    setReason('');
    onDone(change);
  });
  const active = units.filter((u) => !hasEnded(u));
  const F = 'merger-form';

  function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = active.filter((u) => predecessors.includes(u.id));
    const succ = active.find((u) => u.id === successor);
    void send(
      {
        kind: 'MERGE',
        effectiveDate: date,
        reason: reason.trim(),
        units: predecessors.filter(Boolean).map((unitId) => ({ unitId, successorId: successor })),
      },
      [
        ['successorId', /^successor\b|unknown successor|cannot be succeeded|one successor/i],
        ...(succ ? ([['successorId', naming(succ)]] as Fields) : []),
        ['units', /^units?\b|unknown unit|named twice|is a province|already/i],
        ...chosen.map((u): [string, RegExp] => ['units', naming(u)]),
      ],
    );
  }

  const setAt = (i: number, value: string) => setPredecessors((list) => list.map((v, j) => (j === i ? value : v)));
  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F} aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{a('merger')}</h2>
      <fieldset className="checks">
        <legend>{a('predecessor')}</legend>
        {predecessors.map((value, i) => (
          <div className="row-actions restructuring-unit" key={i}>
            <label className="restructuring-unit">
              {`${a('predecessor')} ${i + 1}`}
              <select
                name="predecessor"
                value={value}
                onChange={(e) => setAt(i, e.target.value)}
                required
                {...invalid(problems, 'units', F)}
              >
                <option value="">{a('choose')}</option>
                {active.map((u) => (
                  <option key={u.id} value={u.id}>
                    {unitLabel(u)}
                  </option>
                ))}
              </select>
            </label>
            {predecessors.length > 1 && (
              <button
                type="button"
                className="secondary"
                aria-label={`${a('remove')} ${a('predecessor')} ${i + 1}`}
                onClick={() => setPredecessors((list) => list.filter((_, j) => j !== i))}
              >
                {a('remove')}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setPredecessors((list) => [...list, ''])}>
          {a('addPredecessor')}
        </button>
        <FieldError problems={problems} field="units" form={F} />
      </fieldset>
      <UnitChoice
        label={a('successorUnitMerge')}
        name="successorId"
        units={active}
        value={successor}
        onChange={setSuccessor}
        form={F}
        field="successorId"
        problems={problems}
      />
      <DateAndReason form={F} problems={problems} date={date} reason={reason} onDate={setDate} onReason={setReason} />
      <SubmitRow problems={problems} busy={busy} testId="submit-merger">
        {a('submitMerger')}
      </SubmitRow>
    </form>
  );
}

/**
 * The end of a level (the district committees on 1 July 2025): every active unit of the kind, each
 * with the unit that takes its open work (its parent unless the admin picks another), from a date.
 */
export function AbolishLevelForm({ units, onDone }: { units: Unit[]; onDone: (change: Change) => void }) {
  const { a, lang } = useAdminI18n();
  const kinds = useUnitKinds();
  const active = useMemo(() => units.filter((u) => !hasEnded(u)), [units]);
  const present = kinds.filter((k) => active.some((u) => u.kind === k.kind));
  const [chosenLevel, setLevel] = useState('');
  // The district level is the one the reform abolished: offered first while any of it is left.
  const level =
    chosenLevel ||
    (present.find((k) => k.kind === 'DISTRICT_COMMITTEE') ?? present.find((k) => k.historical) ?? present[0])?.kind ||
    '';
  const ofLevel = active.filter((u) => u.kind === level);
  const targets = active.filter((u) => u.kind !== level);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const { problems, busy, send } = useRestructuringRequest((change) => {
    setExcluded(new Set());
    setPicked({});
    setReason('');
    onDone(change);
  });
  const F = 'abolish-form';
  const byId = new Map(active.map((u) => [u.id, u]));
  const targetOf = (u: Unit) =>
    picked[u.id] ?? (u.parentId && byId.has(u.parentId) && byId.get(u.parentId)?.kind !== level ? u.parentId : '');
  const rows = ofLevel.filter((u) => !excluded.has(u.id));

  function submit(e: FormEvent) {
    e.preventDefault();
    // A unit's problem is shown on its row: by its name first, then by the name of the unit it goes to.
    const fields: Fields = [
      ['level', /one kind/],
      ...rows.map((u): [string, RegExp] => [`target:${u.id}`, naming(u)]),
      ...rows.flatMap((u): Array<[string, RegExp]> => {
        const t = byId.get(targetOf(u));
        return t ? [[`target:${u.id}`, naming(t)]] : [];
      }),
    ];
    void send(
      {
        kind: 'ABOLISH_LEVEL',
        effectiveDate: date,
        reason: reason.trim(),
        units: rows.map((u) => ({ unitId: u.id, successorId: targetOf(u) })),
      },
      fields,
    );
  }

  const toggle = (id: string) =>
    setExcluded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F} aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{a('abolishLevel')}</h2>
      <label>
        {a('level')}
        <select
          name="level"
          value={level}
          onChange={(e) => {
            setLevel(e.target.value);
            setExcluded(new Set());
            setPicked({});
          }}
          {...invalid(problems, 'level', F)}
        >
          {present.map((k) => (
            <option key={k.kind} value={k.kind}>
              {lang === 'en' ? k.labelEn : k.labelVi}
            </option>
          ))}
        </select>
        <FieldError problems={problems} field="level" form={F} />
      </label>
      <fieldset className="checks abolished-units" data-testid="abolished-units">
        <legend>{a('abolishedUnits')}</legend>
        {ofLevel.length === 0 && <p>{a('noUnitsOfLevel')}</p>}
        {ofLevel.map((u) => {
          const on = !excluded.has(u.id);
          const field = `target:${u.id}`;
          return (
            <div key={u.id} className="abolished-row" data-unit-id={u.id}>
              <label className="check">
                <input type="checkbox" name="include" value={u.id} checked={on} onChange={() => toggle(u.id)} />
                {a('include')}: {unitLabel(u)}
              </label>
              {on && (
                <UnitChoice
                  label={`${a('target')} ${u.name}`}
                  name={`target-${u.id}`}
                  units={targets}
                  value={targetOf(u)}
                  onChange={(unitId) => setPicked((p) => ({ ...p, [u.id]: unitId }))}
                  form={F}
                  field={field}
                  problems={problems}
                />
              )}
            </div>
          );
        })}
      </fieldset>
      <DateAndReason form={F} problems={problems} date={date} reason={reason} onDate={setDate} onReason={setReason} />
      <SubmitRow problems={problems} busy={busy} disabled={rows.length === 0} testId="submit-abolish">
        {a('submitAbolish')}
      </SubmitRow>
    </form>
  );
}

import { FormEvent, useMemo, useState } from 'react';
import { useAdminI18n } from './admin-texts';
import { FieldError } from './FieldError';
import { OpenProgramme, OpenTask, useOpenWork } from './open-work';
import { hasEnded, today, Unit } from './org-data';
import {
  Change,
  DateAndReason,
  Fields,
  naming,
  namingId,
  refusalsOfUnit,
  SubmitRow,
  UnitChoice,
  useRestructuringRequest,
} from './RestructuringFormParts';

type ItemKind = 'PROGRAMME' | 'TASK';
/** One open programme or task of the unit split, as the form lists it. */
interface WorkRow {
  kind: ItemKind;
  id: string;
  label: string;
  detail: string;
}
const keyOf = (kind: ItemKind, id: string) => `${kind}:${id}`;

/**
 * A split: the unit ends from a date, its people and open work going to its default successor, except
 * the programmes and tasks the admin sends to another unit (the change's `items`). The unit's open
 * work is listed as soon as it is chosen, each row with the unit that takes it.
 */
export function SplitForm({ units, onDone }: { units: Unit[]; onDone: (change: Change) => void }) {
  const { a, phase, date: day } = useAdminI18n();
  const active = useMemo(() => units.filter((u) => !hasEnded(u)), [units]);
  const [unitId, setUnitId] = useState('');
  const [successor, setSuccessor] = useState('');
  const [sentTo, setSentTo] = useState<Record<string, string>>({});
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const { work, loading, error } = useOpenWork(unitId);
  const { problems, busy, send } = useRestructuringRequest((change) => {
    setUnitId('');
    setSuccessor('');
    setSentTo({});
    setReason('');
    onDone(change);
  });
  const F = 'split-form';
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  const others = active.filter((u) => u.id !== unitId);

  const programmeRow = (p: OpenProgramme): WorkRow => ({
    kind: 'PROGRAMME',
    id: p.id,
    label: [p.documentNumber, p.title ?? a('restrictedProgramme')].filter(Boolean).join(' — '),
    detail: phase(p.phase),
  });
  const taskRow = (t: OpenTask): WorkRow => {
    const carrier = t.responsibleUnitId !== unitId ? byId.get(t.responsibleUnitId)?.name : undefined;
    return {
      kind: 'TASK',
      id: t.id,
      label: `${t.code} — ${t.title}`,
      detail: [`${a('due')} ${day(t.dueAt)}`, carrier && `${a('responsibleUnit')}: ${carrier}`]
        .filter(Boolean)
        .join('; '),
    };
  };
  const programmes = (work?.programmes ?? []).map(programmeRow);
  const tasks = (work?.tasks ?? []).map(taskRow);
  // An item the admin sent to the default successor after all is no override.
  const items = [...programmes, ...tasks]
    .map((row) => ({ kind: row.kind, id: row.id, successorId: sentTo[keyOf(row.kind, row.id)] ?? '' }))
    .filter((i) => i.successorId && i.successorId !== successor);

  function choose(id: string) {
    setUnitId(id);
    setSentTo({});
    if (id === successor) setSuccessor('');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!unit) return;
    const succ = byId.get(successor);
    // An item's problem names the item: it goes on its row before the sentences about units are matched.
    const fields: Fields = [
      ...items.map((i): [string, RegExp] => [`item:${keyOf(i.kind, i.id)}`, namingId(i.id)]),
      ['items', /^a split needs items/],
      ['successorId', /^successor\b|unknown successor|cannot be succeeded/i],
      ...(succ ? ([['successorId', naming(succ)]] as Fields) : []),
      ...refusalsOfUnit(unit, /split names/),
    ];
    void send(
      {
        kind: 'SPLIT',
        effectiveDate: date,
        reason: reason.trim(),
        units: [{ unitId: unit.id, successorId: successor }],
        items,
      },
      fields,
    );
  }

  const list = (legend: string, rows: WorkRow[]) =>
    rows.length > 0 && (
      <div className="work-list" data-testid={`open-${rows[0].kind.toLowerCase()}s`}>
        <h3>{legend}</h3>
        {rows.map((row) => {
          const key = keyOf(row.kind, row.id);
          return (
            <div key={key} className="work-row" data-item-kind={row.kind} data-item-id={row.id}>
              <span>
                <strong>{row.label}</strong> <span className="when">({row.detail})</span>
              </span>
              <UnitChoice
                label={
                  <>
                    {a('sendTo')}
                    <span className="sr-only"> — {row.label}</span>
                  </>
                }
                name={`sendTo-${key}`}
                units={others}
                value={sentTo[key] ?? ''}
                onChange={(to) => setSentTo((s) => ({ ...s, [key]: to }))}
                form={F}
                field={`item:${key}`}
                problems={problems}
                empty={a('toDefaultSuccessor')}
              />
            </div>
          );
        })}
      </div>
    );

  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F} aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{a('split')}</h2>
      <UnitChoice
        label={a('splitUnit')}
        name="unitId"
        units={active}
        value={unitId}
        onChange={choose}
        form={F}
        field="unitId"
        problems={problems}
      />
      <UnitChoice
        label={a('successorUnitSplit')}
        name="successorId"
        units={others}
        value={successor}
        onChange={setSuccessor}
        form={F}
        field="successorId"
        problems={problems}
      />
      <fieldset className="checks open-work" data-testid="open-work" aria-busy={loading}>
        <legend>{a('openWork')}</legend>
        {!unitId && <p>{a('chooseSplitUnit')}</p>}
        {loading && <p>{a('loadingWork')}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {work && programmes.length + tasks.length === 0 && <p>{a('noOpenWork')}</p>}
        {work && (work.programmesTotal > programmes.length || work.tasksTotal > tasks.length) && (
          <p>{a('moreOpenWork')}</p>
        )}
        {list(a('openProgrammes'), programmes)}
        {list(a('openTasks'), tasks)}
        <FieldError problems={problems} field="items" form={F} />
      </fieldset>
      <DateAndReason form={F} problems={problems} date={date} reason={reason} onDate={setDate} onReason={setReason} />
      <SubmitRow problems={problems} busy={busy} testId="submit-split">
        {a('submitSplit')}
      </SubmitRow>
    </form>
  );
}

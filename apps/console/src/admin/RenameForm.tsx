import { FormEvent, useState } from 'react';
import { useAdminI18n } from './admin-texts';
import { FieldError, invalid } from './FieldError';
import { hasEnded, today, Unit } from './org-data';
import {
  Change,
  DateAndReason,
  Fields,
  refusalsOfUnit,
  SubmitRow,
  UnitChoice,
  useRestructuringRequest,
} from './RestructuringFormParts';

/**
 * A renaming: the unit's new row (same kind and parent, a new name and code) succeeds it from a date,
 * so what was written under the old name keeps it. The new row gets an id drawn here, as the units
 * the console creates do.
 */
export function RenameForm({ units, onDone }: { units: Unit[]; onDone: (change: Change) => void }) {
  const { a } = useAdminI18n();
  const [unitId, setUnitId] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const { problems, busy, send } = useRestructuringRequest((change) => {
    setUnitId('');
    setName('');
    setCode('');
    setReason('');
    onDone(change);
  });
  const active = units.filter((u) => !hasEnded(u));
  const unit = active.find((u) => u.id === unitId);
  const F = 'rename-form';

  function choose(id: string) {
    setUnitId(id);
    // The name is what a renaming usually edits: it starts from the current one.
    setName(active.find((u) => u.id === id)?.name ?? '');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!unit) return;
    const id = crypto.randomUUID();
    const fields: Fields = [
      ['code', /newUnits\.\d+\.code/],
      ['name', /newUnits\.\d+\.name/],
      ...refusalsOfUnit(unit, /renaming names/),
    ];
    void send(
      {
        kind: 'RENAME',
        effectiveDate: date,
        reason: reason.trim(),
        units: [{ unitId: unit.id, successorId: id }],
        newUnits: [{ id, code: code.trim(), name: name.trim(), kind: unit.kind, parentId: unit.parentId }],
      },
      fields,
    );
  }

  return (
    <form className="card form-grid" onSubmit={submit} data-testid={F} aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{a('rename')}</h2>
      <p className="hint">{a('renameNote')}</p>
      <UnitChoice
        label={a('renamedUnit')}
        name="unitId"
        units={active}
        value={unitId}
        onChange={choose}
        form={F}
        field="unitId"
        problems={problems}
      />
      <label>
        {a('newName')}
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          {...invalid(problems, 'name', F)}
        />
        <FieldError problems={problems} field="name" form={F} />
      </label>
      <label>
        {a('newCode')}
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={unit?.code ?? undefined}
          required
          {...invalid(problems, 'code', F)}
        />
        <FieldError problems={problems} field="code" form={F} />
      </label>
      <DateAndReason form={F} problems={problems} date={date} reason={reason} onDate={setDate} onReason={setReason} />
      <SubmitRow problems={problems} busy={busy} testId="submit-rename">
        {a('submitRename')}
      </SubmitRow>
    </form>
  );
}

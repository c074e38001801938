import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { AdminKey, useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';
import { today, useUnits } from './org-data';
import { RenameForm } from './RenameForm';
import { Change } from './RestructuringFormParts';
import { AbolishLevelForm, MergerForm } from './RestructuringForms';
import { SplitForm } from './SplitForm';

/** How often a change not yet done is asked for its progress. */
const POLL_MS = 1500;

/** The four kinds of change, each with its form and the text of its button. */
const FORMS = {
  MERGE: { title: 'merger', Form: MergerForm },
  SPLIT: { title: 'split', Form: SplitForm },
  RENAME: { title: 'rename', Form: RenameForm },
  ABOLISH_LEVEL: { title: 'abolishLevel', Form: AbolishLevelForm },
} as const satisfies Record<Change['kind'], { title: AdminKey; Form: unknown }>;
type Mode = keyof typeof FORMS;

/**
 * Restructuring: a merger, a split, a renaming or the end of a level, each sent with its request id; the changes of the
 * province with their progress (workflows told, skipped) and, once taken effect, what they did.
 */
export function RestructuringPage() {
  const { a } = useAdminI18n();
  const { units, reload: reloadUnits } = useUnits();
  const [mode, setMode] = useState<Mode>('MERGE');
  const [changes, setChanges] = useState<Change[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setChanges((await api.get('/organisation/restructurings')).items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const { Form } = FORMS[mode];
  const done = async (change: Change) => {
    setShown(change.id);
    await load();
  };

  return (
    <div className="page restructuring">
      <AdminNav current="restructurings" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions" role="group" aria-label={a('restructurings')}>
        {(Object.keys(FORMS) as Mode[]).map((m) => (
          <button
            key={m}
            type="button"
            className={mode === m ? undefined : 'secondary'}
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            data-testid={`mode-${m}`}
          >
            {a(FORMS[m].title)}
          </button>
        ))}
      </div>
      <Form units={units} onDone={done} />
      {shown && (
        <ChangeDetail
          key={shown}
          id={shown}
          nameOf={(unitId) => units.find((u) => u.id === unitId)?.name ?? unitId}
          onChanged={async () => {
            await load();
            await reloadUnits();
          }}
        />
      )}
      <ChangeList changes={changes} onShow={setShown} />
    </div>
  );
}

function ChangeList({ changes, onShow }: { changes: Change[]; onShow: (id: string) => void }) {
  const { a, date } = useAdminI18n();
  return (
    <section className="card">
      <h2>{a('changes')}</h2>
      {changes.length === 0 ? (
        <p>{a('none')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="restructurings">
            <thead>
              <tr>
                <th>{a('effectiveDate')}</th>
                <th>{a('kind')}</th>
                <th>{a('units')}</th>
                <th>{a('status')}</th>
                <th>{a('progress')}</th>
                <th>{a('details')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id} data-change-id={c.id} data-status={c.status}>
                  <td>{date(c.effectiveDate)}</td>
                  <td>{a(c.kind as AdminKey)}</td>
                  <td>
                    {c.units.map((u) => (
                      <div key={u.unitId}>
                        {u.unitName} → {u.successorName}
                      </div>
                    ))}
                  </td>
                  <td>{a(c.status as AdminKey)}</td>
                  <td>
                    {c.progress.updated} {a('workflowsUpdated')}
                    {c.progress.skipped > 0 && `, ${c.progress.skipped} ${a('workflowsSkipped')}`}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => onShow(c.id)}>
                      {a('details')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One change, asked again every moment until it is done: its units, progress and effects. */
function ChangeDetail(props: { id: string; nameOf: (unitId: string) => string; onChanged: () => Promise<void> }) {
  const { id, nameOf } = props;
  const { a, date } = useAdminI18n();
  const [change, setChange] = useState<Change | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The page's reload, a new function each render: kept aside so that it does not restart the polling.
  const onChanged = useRef(props.onChanged);
  onChanged.current = props.onChanged;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let status: string | null = null;
    const poll = async () => {
      try {
        const next = await api.get('/organisation/restructurings/{id}', { path: { id } });
        if (stopped) return;
        setChange(next);
        if (next.status !== status) {
          if (status !== null) await onChanged.current();
          status = next.status;
        }
        // A change for a later date sleeps until then: asked again only once it is due.
        const due = next.effectiveDate <= today();
        if (next.status !== 'DONE' && due && !stopped) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError((err as Error).message);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!change) return null;
  const effects = change.appliedEffects;
  return (
    <section className="card" data-testid="restructuring" data-status={change.status} aria-live="polite">
      <h2>
        {a('change')}: {a(change.kind as AdminKey)} — {date(change.effectiveDate)}
      </h2>
      <p>
        {a('status')}: <strong data-testid="restructuring-status">{a(change.status as AdminKey)}</strong>.{' '}
        {a('progress')}: <span data-testid="restructuring-progress">{change.progress.updated}</span>{' '}
        {a('workflowsUpdated')}
        {change.progress.skipped > 0 && `, ${change.progress.skipped} ${a('workflowsSkipped')}`}.
      </p>
      <p className="when">{change.reason}</p>
      <ul>
        {change.units.map((u) => (
          <li key={u.unitId}>
            {u.unitName} → <strong>{u.successorName}</strong>
          </li>
        ))}
      </ul>
      {change.items.length > 0 && (
        <>
          <h3>{a('itemsElsewhere')}</h3>
          <ul data-testid="restructuring-items">
            {change.items.map((i) => (
              <li key={`${i.kind}:${i.id}`}>
                {a(i.kind as AdminKey)} {i.id} → {nameOf(i.successorId)}
              </li>
            ))}
          </ul>
        </>
      )}
      {effects && effects.reparented.length > 0 && (
        <>
          <h3>{a('reparented')}</h3>
          <ul data-testid="reparented">
            {effects.reparented.map((r) => (
              <li key={r.unitId}>
                {nameOf(r.unitId)}: {r.from ? nameOf(r.from) : '—'} → {r.to ? nameOf(r.to) : '—'}
              </li>
            ))}
          </ul>
        </>
      )}
      {effects && effects.movedPeople.length > 0 && (
        <>
          <h3>{a('movedPeople')}</h3>
          <ul data-testid="moved-people">
            {effects.movedPeople.map((p) => (
              <li key={p.personId}>
                {p.personId}: {nameOf(p.from)} → {nameOf(p.to)}
                {p.droppedHead && ` (${a('droppedHead')})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

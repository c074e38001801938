import { useCallback, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { ActionPanel } from '../forms/ActionPanel';
import { useActionTexts } from '../forms/action-texts';

type TaskDetail = Schemas['TaskDetailResponse'];
type TaskEvent = Schemas['TaskEventResponse'];

/** One task: where it stands, what the reader may do with it now, and its history. */
export function TaskPage({ id, open }: { id: string; open?: string }) {
  const texts = useActionTexts();
  const { t, x, date } = texts;
  const [detail, setDetail] = useState<TaskDetail | null>(null);
  const [history, setHistory] = useState<TaskEvent[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [d, h] = await Promise.all([
        api.get('/tasks/{id}', { path: { id } }),
        api.get('/tasks/{id}/history', { path: { id } }),
      ]);
      setDetail(d);
      setHistory(h.items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const task = detail?.task;
  return (
    <div className="page">
      <a href="#/my" className="back">
        ← {t('back')}
      </a>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {task && (
        <section className="card" aria-labelledby="task-title">
          <h2 id="task-title" data-testid="task-title">
            {x('task')}: {task.title}
          </h2>
          <dl className="facts" data-testid="task-state">
            <dt>{t('status')}</dt>
            <dd>{task.bucket ? t(task.bucket as 'DONE_ON_TIME') : task.status}</dd>
            <dt>{t('due')}</dt>
            <dd>{date(task.dueAt)}</dd>
            <dt>{t('progress')}</dt>
            <dd>{task.progressPercent}%</dd>
            <dt>{t('programme')}</dt>
            <dd>
              <a href={`#/programme/${encodeURIComponent(task.programmeId ?? '')}`}>{task.programmeId}</a>
            </dd>
          </dl>
        </section>
      )}
      <ActionPanel
        target={{ subject: 'task', path: { id } }}
        programmeId={task?.programmeId ?? undefined}
        open={open}
        onChanged={() => void load()}
      />
      <section className="card" aria-labelledby="task-history">
        <h3 id="task-history">{x('history')}</h3>
        <ol className="timeline" data-testid="task-history">
          {history.map((e) => (
            <li key={e.id}>
              <span className="when">{date(e.occurredAt)}</span> <strong>{texts.actionLabel(e.action)}</strong>{' '}
              {e.actorId ?? ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

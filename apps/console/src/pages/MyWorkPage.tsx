import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, BucketCounts, requestId, Schemas } from '../api';
import { BucketTiles } from '../components/BucketTiles';
import { useActionTexts } from '../forms/action-texts';
import { useI18n } from '../i18n';

/** A work-list item; `actions` (what the reader may do with it now) is listed by the API. */
type TaskSummary = Schemas['TaskSummaryResponse'] & { actions?: string[] };
type InboxItem = Schemas['NotificationResponse'];

/** Staff: my tasks in their buckets with what they may do with each (leading to the task's form), invitations to give opinions, acknowledgements, inbox. */
export function MyWorkPage() {
  const { t, date } = useI18n();
  const { actionLabel } = useActionTexts();
  const [counts, setCounts] = useState<BucketCounts | null>(null);
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [tasksError, setTasksError] = useState<string | null>(null);
  const [inbox, setInbox] = useState<InboxItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, list] = await Promise.all([
        api.get('/tasks/counts'),
        api.get('/tasks', { query: { sort: 'dueAt', pageSize: 100 } }),
      ]);
      setCounts(c);
      setTasks(list.items);
      setTasksError(null);
    } catch (err) {
      setTasksError(err instanceof ApiError && err.status === 404 ? t('tasksUnavailable') : (err as Error).message);
    }
    setInbox((await api.get('/inbox', { query: { limit: 100 } })).items);
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Sends one action (with a fresh request id), then marks the inbox item it answers as read. */
  async function act(send: (requestId: string) => Promise<unknown>, inboxId?: string) {
    setNotice(null);
    try {
      await send(requestId());
      if (inboxId) await api.post('/inbox/{id}/read', { path: { id: inboxId } });
      setNotice(t('saved'));
      await load();
    } catch (err) {
      setNotice((err as Error).message);
    }
  }

  const invitations = inbox.filter((n) => n.kind === 'CONSULTATION_INVITATION' && !n.readAt && n.programmeId);
  const acknowledgements = inbox.filter((n) => n.kind === 'DISSEMINATION_ACK_REQUEST' && !n.readAt && n.programmeId);

  return (
    <div className="page">
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <section className="card">
        <h2>{t('myTasks')}</h2>
        {counts && <BucketTiles counts={counts} />}
        {tasksError ? (
          <p className="error">{tasksError}</p>
        ) : tasks.length === 0 ? (
          <p>{t('nothing')}</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table data-testid="my-tasks">
              <thead>
                <tr>
                  <th>{t('myTasks')}</th>
                  <th>{t('due')}</th>
                  <th>{t('status')}</th>
                  <th>{t('progress')}</th>
                  <th>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr
                    key={task.id}
                    data-task-id={task.id}
                    className={task.bucket === 'OPEN_OVERDUE' ? 'overdue' : undefined}
                  >
                    <td>{task.title}</td>
                    <td>{date(task.dueAt)}</td>
                    <td>
                      <span className={`badge ${task.bucket ?? ''}`}>
                        {task.bucket ? t(task.bucket as 'DONE_ON_TIME') : task.status}
                      </span>
                    </td>
                    <td>{task.progressPercent}%</td>
                    <td className="row-actions">
                      {(task.actions ?? []).map((name) => (
                        <a
                          key={name}
                          className="button"
                          data-action={name}
                          href={`#/task/${encodeURIComponent(task.id)}?action=${encodeURIComponent(name)}`}
                        >
                          {actionLabel(name)}
                        </a>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card">
        <h2>{t('consultations')}</h2>
        {invitations.length === 0 && <p>{t('nothing')}</p>}
        {invitations.map((n) => (
          <OpinionForm
            key={n.id}
            item={n}
            onSend={(text) =>
              act(
                (rid) =>
                  api.post('/programmes/{id}/actions/submitOpinion', {
                    path: { id: n.programmeId! },
                    body: { requestId: rid, payload: { text } },
                  }),
                n.id,
              )
            }
          />
        ))}
      </section>

      <section className="card">
        <h2>{t('acknowledgements')}</h2>
        {acknowledgements.length === 0 && <p>{t('nothing')}</p>}
        {acknowledgements.map((n) => (
          <div key={n.id} className="inbox-item">
            <strong>{n.title}</strong>
            <p>{n.body}</p>
            <button
              type="button"
              onClick={() =>
                act(
                  (rid) =>
                    api.post('/programmes/{id}/actions/acknowledgeDissemination', {
                      path: { id: n.programmeId! },
                      body: { requestId: rid, payload: {} },
                    }),
                  n.id,
                )
              }
            >
              {t('acknowledge')}
            </button>
          </div>
        ))}
      </section>

      <section className="card">
        <h2>{t('inbox')}</h2>
        {inbox.length === 0 && <p>{t('nothing')}</p>}
        <ul className="inbox" data-testid="inbox">
          {inbox.slice(0, 30).map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <span className="when">{date(n.createdAt)}</span> <strong>{n.title}</strong>
              <div>{n.body}</div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function OpinionForm({ item, onSend }: { item: InboxItem; onSend: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <form
      className="inbox-item"
      onSubmit={(e) => {
        e.preventDefault();
        onSend(text);
      }}
    >
      <strong>{item.title}</strong>
      <p>{item.body}</p>
      <label>
        {t('yourOpinion')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={5000} />
      </label>
      <button type="submit">{t('send')}</button>
    </form>
  );
}

import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api, ApiError, BucketCounts, requestId, Schemas } from '../api';
import { BucketTiles } from '../components/BucketTiles';
import { useI18n } from '../i18n';

type TaskSummary = Schemas['TaskSummaryResponse'];
type InboxItem = Schemas['NotificationResponse'];
type TaskReport = 'reportProgress' | 'submitResult';
/** What the report form sends: progress with a percentage, or the result. */
type TaskReportSent =
  | { action: 'reportProgress'; payload: Schemas['ReportProgressPayload'] }
  | { action: 'submitResult'; payload: Schemas['SubmitResultPayload'] };

/** Staff: my tasks in their buckets with the actions on them, invitations to give opinions, acknowledgements, inbox. */
export function MyWorkPage() {
  const { t, date } = useI18n();
  const [counts, setCounts] = useState<BucketCounts | null>(null);
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [tasksError, setTasksError] = useState<string | null>(null);
  const [inbox, setInbox] = useState<InboxItem[]>([]);
  const [open, setOpen] = useState<{ taskId: string; action: TaskReport } | null>(null);
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
      setOpen(null);
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
          <div className="table-wrap">
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
                      {task.status === 'ASSIGNED' && (
                        <button
                          type="button"
                          onClick={() =>
                            act((rid) =>
                              api.post('/tasks/{id}/actions/accept', {
                                path: { id: task.id },
                                body: { requestId: rid, payload: {} },
                              }),
                            )
                          }
                        >
                          {t('accept')}
                        </button>
                      )}
                      {['ACCEPTED', 'IN_PROGRESS', 'RETURNED'].includes(task.status) && (
                        <>
                          <button type="button" onClick={() => setOpen({ taskId: task.id, action: 'reportProgress' })}>
                            {t('reportProgress')}
                          </button>
                          <button type="button" onClick={() => setOpen({ taskId: task.id, action: 'submitResult' })}>
                            {t('submitResult')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {open && (
          <TaskReportForm
            action={open.action}
            onCancel={() => setOpen(null)}
            onSend={(report) =>
              act((rid) =>
                report.action === 'reportProgress'
                  ? api.post('/tasks/{id}/actions/reportProgress', {
                      path: { id: open.taskId },
                      body: { requestId: rid, payload: report.payload },
                    })
                  : api.post('/tasks/{id}/actions/submitResult', {
                      path: { id: open.taskId },
                      body: { requestId: rid, payload: report.payload },
                    }),
              )
            }
          />
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

function TaskReportForm({
  action,
  onSend,
  onCancel,
}: {
  action: TaskReport;
  onSend: (report: TaskReportSent) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [percent, setPercent] = useState(50);
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    onSend(
      action === 'reportProgress'
        ? { action, payload: { percent, text, evidenceRefs: [] } }
        : { action, payload: { text, evidenceRefs: [] } },
    );
  }
  return (
    <form className="inline-form" onSubmit={submit} data-testid="task-report-form">
      <h3>{t(action)}</h3>
      {action === 'reportProgress' && (
        <label>
          {t('percent')}
          <input
            name="percent"
            type="number"
            min={0}
            max={100}
            value={percent}
            onChange={(e) => setPercent(Number(e.target.value))}
            required
          />
        </label>
      )}
      <label>
        {t('reportText')}
        <textarea
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          minLength={1}
          maxLength={5000}
        />
      </label>
      <div className="row-actions">
        <button type="submit">{t('send')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
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

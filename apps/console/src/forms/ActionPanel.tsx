import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { payloadSchema, Subject } from './action-schemas';
import { useActionTexts } from './action-texts';
import { SchemaForm } from './SchemaForm';

/** One entry of GET …/available-actions: what the reader may do now and what its form starts with. */
export type AvailableAction = Schemas['AvailableActionResponse'];

type DocumentKind = Schemas['ProgrammeDocumentResponse']['kind'];

/** The file an action's payload may carry, by action: the kind it is uploaded as. */
export const DOCUMENT_KIND: Record<string, DocumentKind> = {
  submitDraft: 'DRAFT',
  issue: 'ISSUED',
  submitReviewReport: 'UNIT_REPORT',
  recordInspection: 'INSPECTION_RECORD',
};

/** Uploads a file as a document of the programme (multipart `file`, `kind`). */
export function uploadDocument(
  programmeId: string,
  kind: DocumentKind,
  file: File,
): Promise<Schemas['ProgrammeDocumentResponse']> {
  return api.upload('/programmes/{id}/documents', file, { path: { id: programmeId }, fields: { kind } });
}

/** What the panel acts on: the workflow's subject and its route's path parameters. */
export type ActionTarget =
  | { subject: 'programme'; path: { id: string } }
  | { subject: 'task'; path: { id: string } }
  | { subject: 'cycle'; path: { unitId: string; year: number } };

const SUBJECT_ROUTES = {
  programme: '/programmes/{id}',
  task: '/tasks/{id}',
  cycle: '/breakthrough/cycles/{unitId}/{year}',
} as const satisfies Record<Subject, string>;

/** GET …/available-actions of the target. */
function availableActions(target: ActionTarget): Promise<Schemas['AvailableActionsResponse']> {
  switch (target.subject) {
    case 'programme':
      return api.get('/programmes/{id}/available-actions', { path: target.path });
    case 'task':
      return api.get('/tasks/{id}/available-actions', { path: target.path });
    case 'cycle':
      return api.get('/breakthrough/cycles/{unitId}/{year}/available-actions', { path: target.path });
  }
}

/** POST …/actions/<name> on the target. */
function act(target: ActionTarget, name: string, body: { requestId: string; payload: Record<string, unknown> }) {
  switch (target.subject) {
    case 'programme':
      return api.act(SUBJECT_ROUTES.programme, name, { path: target.path, body });
    case 'task':
      return api.act(SUBJECT_ROUTES.task, name, { path: target.path, body });
    case 'cycle':
      return api.act(SUBJECT_ROUTES.cycle, name, { path: target.path, body });
  }
}

interface ActionPanelProps {
  /** The subject the actions are taken on (`{ subject: 'task', path: { id: 't1' } }`). */
  target: ActionTarget;
  /** The programme files are uploaded to (programme and its tasks). */
  programmeId?: string;
  /** An action to open at once (the work list's buttons lead here with it). */
  open?: string;
  onChanged: () => void;
  /** Extra controls for one action's form (the issue form's spreadsheet import). */
  tools?: (action: string, fill: (payload: Record<string, unknown>) => void) => ReactNode;
}

/** "What can I do now": exactly the actions the API lists for the reader, each opening its form. */
export function ActionPanel({ target, programmeId, open, onChanged, tools }: ActionPanelProps) {
  const texts = useActionTexts();
  const [actions, setActions] = useState<AvailableAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(open ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  // The subject's URL (`/programmes/p1`) stands for the target in the hooks' dependencies: a page
  // passes a new target object on every render, the same subject giving the same URL.
  const base = apiUrl(SUBJECT_ROUTES[target.subject], target);
  const load = useCallback(async () => {
    try {
      const res = await availableActions(target);
      setActions(res.actions);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [base]);

  useEffect(() => {
    void load();
  }, [load]);

  function close(name: string) {
    setOpened(null);
    buttons.current[name]?.focus();
  }

  const action = actions?.find((a) => a.name === opened);
  return (
    <section
      className="card"
      aria-labelledby="actions-title"
      aria-busy={actions === null && !error}
      data-testid="actions"
    >
      <h3 id="actions-title">{texts.x('whatNow')}</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="action-notice">
          {notice}
        </p>
      )}
      {actions?.length === 0 && <p>{texts.x('noActions')}</p>}
      <div className="action-buttons">
        {actions?.map((a) => (
          <button
            key={a.name}
            type="button"
            ref={(el) => {
              buttons.current[a.name] = el;
            }}
            data-action={a.name}
            aria-expanded={opened === a.name}
            className={opened === a.name ? 'active' : undefined}
            onClick={() => {
              setNotice(null);
              setOpened(opened === a.name ? null : a.name);
            }}
          >
            {texts.actionLabel(a.name)}
          </button>
        ))}
      </div>
      {action && (
        <SchemaForm
          key={action.name}
          formKey={action.name}
          title={texts.actionLabel(action.name)}
          schema={payloadSchema(target.subject, action.name, action.schema)}
          prefill={action.prefill}
          choices={action.choices}
          upload={
            programmeId && DOCUMENT_KIND[action.name]
              ? (file) => uploadDocument(programmeId, DOCUMENT_KIND[action.name], file)
              : undefined
          }
          tools={tools ? (fill) => tools(action.name, fill) : undefined}
          submit={(payload, requestId) => act(target, action.name, { requestId, payload })}
          onDone={() => {
            setOpened(null);
            setNotice(texts.x('done'));
            void load();
            onChanged();
          }}
          onClose={() => close(action.name)}
        />
      )}
    </section>
  );
}

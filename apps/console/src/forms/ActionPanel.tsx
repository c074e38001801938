import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { api, apiUrl } from '../api';
import { payloadSchema, Subject } from './action-schemas';
import { useActionTexts } from './action-texts';
import type { Choices } from './form-model';
import { SchemaForm } from './SchemaForm';

/** One entry of GET …/available-actions: what the reader may do now and what its form starts with. */
export interface AvailableAction {
  name: string;
  schema: string;
  prefill?: Record<string, unknown>;
  choices?: Choices;
}

/** The file an action's payload may carry, by action: the kind it is uploaded as. */
export const DOCUMENT_KIND: Record<string, string> = {
  submitDraft: 'DRAFT',
  issue: 'ISSUED',
  submitReviewReport: 'UNIT_REPORT',
  recordInspection: 'INSPECTION_RECORD',
};

export interface UploadedDocument {
  id: string;
  kind: string;
  fileName: string;
}

/** Uploads a file as a document of the programme (multipart `file`, `kind`). */
export function uploadDocument(programmeId: string, kind: string, file: File): Promise<UploadedDocument> {
  const form = new FormData();
  form.append('file', file);
  form.append('kind', kind);
  return api.untyped<UploadedDocument>(
    'POST',
    apiUrl('/programmes/{id}/documents', { path: { id: programmeId } }),
    form,
  );
}

interface ActionPanelProps {
  subject: Subject;
  /** The subject's URL (`/programmes/p1`, `/tasks/t1`, `/breakthrough/cycles/u/2026`). */
  base: string;
  /** The programme files are uploaded to (programme and its tasks). */
  programmeId?: string;
  /** An action to open at once (the work list's buttons lead here with it). */
  open?: string;
  onChanged: () => void;
  /** Extra controls for one action's form (the issue form's spreadsheet import). */
  tools?: (action: string, fill: (payload: Record<string, unknown>) => void) => ReactNode;
}

/** "What can I do now": exactly the actions the API lists for the reader, each opening its form. */
export function ActionPanel({ subject, base, programmeId, open, onChanged, tools }: ActionPanelProps) {
  const texts = useActionTexts();
  const [actions, setActions] = useState<AvailableAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(open ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  const load = useCallback(async () => {
    try {
      const res = await api.untyped<{ actions: AvailableAction[] }>('GET', `${base}/available-actions`);
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
          schema={payloadSchema(subject, action.name, action.schema)}
          prefill={action.prefill}
          choices={action.choices}
          upload={
            programmeId && DOCUMENT_KIND[action.name]
              ? (file) => uploadDocument(programmeId, DOCUMENT_KIND[action.name], file)
              : undefined
          }
          tools={tools ? (fill) => tools(action.name, fill) : undefined}
          submit={(payload, requestId) =>
            api.untyped('POST', `${base}/actions/${encodeURIComponent(action.name)}`, { requestId, payload })
          }
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

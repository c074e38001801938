import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { uploadDocument } from '../forms/ActionPanel';
import { useActionTexts } from '../forms/action-texts';

type DocumentRow = Schemas['ProgrammeDocumentListItemResponse'];
type DocumentKind = DocumentRow['kind'];

const KINDS: DocumentKind[] = ['DRAFT', 'ISSUED', 'UNIT_REPORT', 'INSPECTION_RECORD'];

/** The programme's files: list, download, and upload with a kind. */
export function DocumentsSection({ programmeId, version }: { programmeId: string; version: number }) {
  const texts = useActionTexts();
  const [items, setItems] = useState<DocumentRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<DocumentKind>('DRAFT');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const res = await api.get('/programmes/{id}/documents', { path: { id: programmeId } });
      setItems(res.items);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [programmeId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    try {
      await uploadDocument(programmeId, kind, file);
      setFile(null);
      (e.target as HTMLFormElement).reset();
      await load();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="documents-title" data-testid="documents">
      <h3 id="documents-title">{texts.x('documents')}</h3>
      {items.length === 0 ? (
        <p>{texts.x('notYet')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{texts.x('fileName')}</th>
                <th scope="col">{texts.x('kind')}</th>
                <th scope="col">{texts.x('uploadedBy')}</th>
                <th scope="col">{texts.t('when')}</th>
                <th scope="col">{texts.x('size')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => {
                // A file the reader may not read keeps its row; the API withholds its name and content.
                const name = d.readable ? d.fileName : null;
                return (
                  <tr key={d.id} data-document-id={d.id}>
                    <td>
                      {name !== null ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() =>
                            api
                              .download(`/documents/${encodeURIComponent(d.id)}/content`, name)
                              .catch((err: Error) => setError(err.message))
                          }
                        >
                          {name}
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{texts.optionLabel(d.kind)}</td>
                    <td>{d.uploadedBy}</td>
                    <td>{texts.date(d.uploadedAt)}</td>
                    <td className="num">{Math.ceil(d.sizeBytes / 1024)} KB</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="row-actions" onSubmit={upload} aria-label={texts.x('upload')}>
        <label>
          {texts.x('kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {texts.optionLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {texts.x('file')}
          <input
            name="file"
            type="file"
            accept=".docx,.pdf,.odt"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || busy}>
          {texts.x('upload')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

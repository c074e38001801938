import { ChangeEvent, useState } from 'react';
import { api, Schemas } from '../api';
import { useActionTexts } from '../forms/action-texts';

type SheetProblem = Schemas['SheetProblemResponse'];

/**
 * On the issue form: a spreadsheet of targets and tasks, read by the API as a dry run, fills the
 * form's tables; what it could not read is listed by sheet, row and column.
 */
export function IssueImport({
  programmeId,
  fill,
}: {
  programmeId: string;
  fill: (payload: Record<string, unknown>) => void;
}) {
  const texts = useActionTexts();
  const [problems, setProblems] = useState<SheetProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chosen(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.upload('/programmes/{id}/issuance/import', file, { path: { id: programmeId } });
      fill(res.payload);
      setProblems(res.problems);
    } catch (err) {
      // A refused file (400, 413) is named in the message; the rows' problems come only with a read file.
      setError((err as Error).message);
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  }

  return (
    <div className="issue-import" data-testid="issue-import">
      <label>
        {texts.x('importSheet')}
        <input type="file" accept=".xlsx,.csv" disabled={busy} onChange={chosen} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="import-problems">
            <caption>{texts.x('importProblems')}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.x('sheet')}</th>
                <th scope="col">{texts.x('row')}</th>
                <th scope="col">{texts.x('column')}</th>
                <th scope="col">{texts.x('problemText')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet ?? ''}</td>
                  <td>{p.row ?? ''}</td>
                  <td>{p.column ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

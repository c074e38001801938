import { FormEvent, useState } from 'react';
import { api, ApiError, apiUrl, Schemas } from '../api';
import { useAdminI18n } from './admin-texts';
import { AdminNav } from './AdminNav';

type Report = Schemas['ImportReportResponse'];
type Applied = Schemas['ImportAppliedResponse'];
const KINDS = ['units', 'people', 'positions'] as const;

/**
 * Import of units, people and positions from a spreadsheet: the templates, a dry run listing every
 * row's outcome and problem, then the apply (which the API refuses, with the same report, while any
 * problem remains).
 */
export function ImportPage() {
  const { a } = useAdminI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      const refused = err instanceof ApiError ? (err.body as { report?: Report } | undefined)?.report : undefined;
      if (refused) setReport(refused);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function dryRun(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setApplied(null);
    setReport(null);
    void run(async () => setReport(await api.upload('/admin/organisation/import/dry-run', file)));
  }

  const apply = () =>
    file &&
    run(async () => {
      setApplied(await api.upload('/admin/organisation/import/apply', file));
      setReport(null);
    });

  const download = (url: string, name: string) => run(() => api.download(url, name));

  return (
    <div className="page">
      <AdminNav current="import" />
      <section className="card">
        <h2>{a('template')}</h2>
        <div className="row-actions">
          <button
            type="button"
            className="secondary"
            data-testid="template-xlsx"
            onClick={() => download('/admin/organisation/import/template.xlsx', 'mau-nhap-to-chuc.xlsx')}
          >
            {a('templateXlsx')}
          </button>
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="secondary"
              onClick={() =>
                download(apiUrl('/admin/organisation/import/template-{kind}.csv', { path: { kind } }), `${kind}.csv`)
              }
            >
              {a('templateCsv')}: {a(kind)}
            </button>
          ))}
        </div>
      </section>
      <form className="card form-grid" onSubmit={dryRun} data-testid="import-form">
        <label>
          {a('file')}
          <input
            type="file"
            name="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setApplied(null);
            }}
            required
          />
        </label>
        <div className="row-actions">
          <button type="submit" disabled={busy || !file}>
            {a('dryRun')}
          </button>
          <button type="button" disabled={busy || !report?.ok} onClick={apply} data-testid="apply-import">
            {a('applyImport')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {applied && (
        <p className="notice" role="status" data-testid="import-applied">
          {a('applied')}:{' '}
          {KINDS.map(
            (k) =>
              `${a(k)} ${a('created')} ${applied.counts[k].created}, ${a('updated')} ${applied.counts[k].updated}, ${a('unchanged')} ${applied.counts[k].unchanged}`,
          ).join(' · ')}
        </p>
      )}
      {report && <ImportReport report={report} />}
    </div>
  );
}

function ImportReport({ report }: { report: Report }) {
  const { a } = useAdminI18n();
  return (
    <section className="card table-wrap" tabIndex={0} data-testid="import-report">
      <h2>{a('report')}</h2>
      {report.ok ? (
        <p className="notice">{a('noProblems')}</p>
      ) : (
        <>
          <h3 className="error">
            {a('problems')} ({report.problems.length})
          </h3>
          <table data-testid="import-problems">
            <thead>
              <tr>
                <th>{a('sheet')}</th>
                <th>{a('row')}</th>
                <th>{a('column')}</th>
                <th>{a('message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet}</td>
                  <td className="num">{p.row ?? '—'}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.ignoredSheets.length > 0 && (
        <p className="hint">
          {a('ignoredSheets')}: {report.ignoredSheets.join(', ')}
        </p>
      )}
      <table data-testid="import-rows">
        <thead>
          <tr>
            <th>{a('sheet')}</th>
            <th>{a('row')}</th>
            <th>{a('code')}</th>
            <th>{a('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={`${r.sheet}-${r.row}`} data-outcome={r.outcome}>
              <td>{r.sheet}</td>
              <td className="num">{r.row}</td>
              <td>{r.key}</td>
              <td>
                {a(r.outcome)}
                {r.changed.length > 0 && <span className="when"> ({r.changed.join(', ')})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { PHASES_VI, TextKey, useI18n } from '../i18n';
// Phrases workflows record in English (phase reasons, what is awaited, headlines), in the reader's language.
import { localisePhrase } from '../../../../libs/domain/src/i18n/workflow-phrases';

type ProgrammeDetail = Schemas['ProgrammeDetailResponse'];
type TimelineEntry = Schemas['TimelineEntryResponse'];
type Report = Schemas['ReportSummaryResponse'];

/** Drill-down: one programme's live state, its timeline, and its review reports to generate and download. */
export function ProgrammePage({ id }: { id: string }) {
  const { t, phase, date, reviewKind, lang } = useI18n();
  const said = (text: string | null | undefined) => (text ? localisePhrase(text, lang) : '—');
  const [detail, setDetail] = useState<ProgrammeDetail | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [reports, setReports] = useState<Report[]>([]);
  const [reviewSeq, setReviewSeq] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [d, tl, r] = await Promise.all([
        api.get('/programmes/{id}', { path: { id } }),
        api.get('/supervision/programmes/{id}/timeline', { path: { id }, query: { pageSize: 100 } }),
        api.get('/programmes/{id}/reports', { path: { id } }),
      ]);
      setDetail(d);
      setTimeline(tl.items);
      setReports(r.items);
      const closed = tl.items.filter((e) => e.kind === 'REVIEW_CLOSED');
      if (closed.length) setReviewSeq((s) => s ?? Number(closed[closed.length - 1].detail.seq));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function generate() {
    if (reviewSeq === null) return;
    setError(null);
    try {
      await api.post('/programmes/{id}/reports', { path: { id }, body: { reviewSeq } });
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const closedReviews = timeline.filter((e) => e.kind === 'REVIEW_CLOSED');
  const reviewLabel = (e: TimelineEntry) =>
    `${reviewKind(String(e.detail.reviewKind ?? ''))} ${String(e.detail.periodLabel ?? '')}`.trim();
  /** One line of the timeline in the reader's language, from the entry's structured detail. */
  function describe(e: TimelineEntry): string {
    const d = e.detail;
    switch (e.kind) {
      case 'PHASE':
        return (
          phase(e.title) +
          (typeof d.reason === 'string' && d.reason ? ` — ${said(d.reason)}` : '') +
          (typeof d.deadline === 'string' ? ` (${t('due')} ${date(d.deadline)})` : '')
        );
      case 'ESCALATION':
        return e.title in PHASES_VI ? phase(e.title) : e.title;
      case 'REVIEW_OPENED':
        return reviewLabel(e);
      case 'REVIEW_CLOSED':
        return `${reviewLabel(e)} — ${String(d.achievedOrExceeded ?? '?')}/${String(d.targetsTotal ?? '?')} ${t('achievedOf')}`;
      case 'INSPECTION':
        return `${e.title} — ${String(d.findings ?? '')}`;
      default:
        return e.title;
    }
  }
  const state = detail?.live ?? detail?.programme;

  return (
    <div className="page">
      <a href="#/overview" className="back">
        ← {t('back')}
      </a>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {detail && (
        <section className="card">
          <h2 data-testid="programme-title">
            {detail.programme.documentNumber ? `${detail.programme.documentNumber} — ` : ''}
            {detail.programme.title}
          </h2>
          <dl className="facts" data-testid="live-state">
            <dt>{t('phase')}</dt>
            <dd>{state ? phase(state.phase) : '—'}</dd>
            <dt>{t('phaseDeadline')}</dt>
            <dd>{date(state?.phaseDeadline ?? null)}</dd>
            <dt>{t('term')}</dt>
            <dd>{detail.programme.term}</dd>
            {detail.live?.awaiting && (
              <>
                <dt>{t('awaiting')}</dt>
                <dd>{said(detail.live.awaiting.what)}</dd>
              </>
            )}
            <dt>{t('achievement')}</dt>
            <dd>{said(detail.programme.latestReviewHeadline)}</dd>
          </dl>
          {detail.programme.issuedOn && (
            <div className="row-actions" data-testid="issued-document">
              {t('issuedDocument')}:
              {(['docx', 'pdf'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="link"
                  onClick={() =>
                    api
                      .download(
                        apiUrl('/programmes/{id}/issued-document', { path: { id }, query: { format } }),
                        `${id}.${format}`,
                      )
                      .catch((err: Error) => setError(err.message))
                  }
                >
                  {format === 'pdf' ? t('downloadPdf') : t('downloadDocx')}
                </button>
              ))}
            </div>
          )}
        </section>
      )}

      <section className="card">
        <h3>{t('reports')}</h3>
        {closedReviews.length > 0 && (
          <div className="row-actions">
            <label>
              {t('review')}
              <select name="reviewSeq" value={reviewSeq ?? ''} onChange={(e) => setReviewSeq(Number(e.target.value))}>
                {closedReviews.map((r) => (
                  <option key={String(r.detail.seq)} value={String(r.detail.seq)}>
                    {reviewLabel(r)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={generate} data-testid="generate-report">
              {t('generateReport')}
            </button>
          </div>
        )}
        <ul data-testid="reports">
          {reports.map((r) => (
            <li key={r.id}>
              {r.title} ({r.periodLabel}, {date(r.createdAt)}
              {r.automatic ? `, ${t('automaticReport')}` : ''}){' '}
              {(['docx', 'pdf'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="link"
                  onClick={() =>
                    api
                      .download(
                        apiUrl('/programmes/{id}/reports/{reportId}', {
                          path: { id, reportId: r.id },
                          query: { format },
                        }),
                        format === 'pdf' ? r.fileName.replace(/\.docx$/, '.pdf') : r.fileName,
                      )
                      .catch((err: Error) => setError(err.message))
                  }
                >
                  {format === 'pdf' ? t('downloadPdf') : t('download')}
                </button>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <section className="card">
        <h3>{t('timeline')}</h3>
        <ol className="timeline" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={i} className={`tl-${e.kind}`}>
              <span className="when">{date(e.at)}</span> <strong>{t(e.kind as TextKey)}</strong>: {describe(e)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

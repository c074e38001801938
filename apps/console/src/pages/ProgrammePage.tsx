import { useCallback, useEffect, useState } from 'react';
import { api, apiUrl, Schemas } from '../api';
import { ActionPanel } from '../forms/ActionPanel';
import { useActionTexts } from '../forms/action-texts';
import { PHASES_VI, TextKey, useI18n } from '../i18n';
import { ConsultationSection } from '../programme/ConsultationSection';
import { DocumentsSection } from '../programme/DocumentsSection';
import { IssueImport } from '../programme/IssueImport';
// Phrases workflows record in English (phase reasons, what is awaited, headlines), in the reader's language.
import { localisePhrase } from '../../../../libs/domain/src/i18n/workflow-phrases';

type ProgrammeDetail = Schemas['ProgrammeDetailResponse'];
type TimelineEntry = Schemas['TimelineEntryResponse'];
type Report = Schemas['ReportSummaryResponse'];

/**
 * One programme: its live state, what the reader may do now (each action's form), its documents, the
 * open consultation, the issued document and review reports (DOCX, PDF), and its timeline.
 */
export function ProgrammePage({ id, open }: { id: string; open?: string }) {
  const { t, phase, date, reviewKind, lang } = useI18n();
  const said = (text: string | null | undefined) => (text ? localisePhrase(text, lang) : '—');
  const { x } = useActionTexts();
  const [changes, setChanges] = useState(0);
  const [detail, setDetail] = useState<ProgrammeDetail | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [reports, setReports] = useState<Report[]>([]);
  const [reviewSeq, setReviewSeq] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    // The timeline is a supervisor's view and the reports may be withheld: a unit's head who carries
    // a step of the programme still gets the programme, its actions and its documents without them.
    const [d, tl, r] = await Promise.allSettled([
      api.get('/programmes/{id}', { path: { id } }),
      api.get('/supervision/programmes/{id}/timeline', { path: { id }, query: { pageSize: 100 } }),
      api.get('/programmes/{id}/reports', { path: { id } }),
    ]);
    if (d.status === 'rejected') {
      setError((d.reason as Error).message);
      return;
    }
    setDetail(d.value);
    setError(null);
    const entries = tl.status === 'fulfilled' ? tl.value.items : [];
    setTimeline(entries);
    setReports(r.status === 'fulfilled' ? r.value.items : []);
    const closed = entries.filter((e) => e.kind === 'REVIEW_CLOSED');
    if (closed.length) setReviewSeq((s) => s ?? Number(closed[closed.length - 1].detail.seq));
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, changes]);

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
  const live = detail?.live?.state;
  const download = (url: string, name: string) => api.download(url, name).catch((err: Error) => setError(err.message));

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
          <p className="row-actions">
            <a href={`#/programme/${encodeURIComponent(id)}/audit`}>{x('auditTrail')}</a>
            {detail.programme.resolutionId && (
              <a href={`#/resolution/${encodeURIComponent(detail.programme.resolutionId)}`}>{x('lineage')}</a>
            )}
          </p>
        </section>
      )}

      <ActionPanel
        target={{ subject: 'programme', path: { id } }}
        programmeId={id}
        open={open}
        onChanged={() => setChanges((n) => n + 1)}
        tools={(action, fill) => (action === 'issue' ? <IssueImport programmeId={id} fill={fill} /> : null)}
      />

      {live && live.consultations.length > 0 && (
        <ConsultationSection programmeId={id} rounds={live.consultations} drafts={live.drafts} />
      )}

      <DocumentsSection programmeId={id} version={changes} />

      {live?.issuance && (
        <section className="card" aria-labelledby="issued-title">
          <h3 id="issued-title">{t('issuedDocument')}</h3>
          <p className="row-actions">
            {(['docx', 'pdf'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="secondary"
                data-testid={`issued-${format}`}
                onClick={() =>
                  download(`/programmes/${encodeURIComponent(id)}/issued-document?format=${format}`, `${id}.${format}`)
                }
              >
                {t(format === 'pdf' ? 'downloadPdf' : 'downloadDocx')}
              </button>
            ))}
          </p>
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
                  data-testid={format === 'pdf' ? 'report-pdf' : undefined}
                  onClick={() =>
                    download(
                      apiUrl('/programmes/{id}/reports/{reportId}', {
                        path: { id, reportId: r.id },
                        query: { format },
                      }),
                      format === 'pdf' ? r.fileName.replace(/\.docx$/i, '.pdf') : r.fileName,
                    )
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

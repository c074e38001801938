import { useCallback, useEffect, useState } from 'react';
import { api, Schemas } from '../api';
import { ActionPanel } from '../forms/ActionPanel';
import { useActionTexts } from '../forms/action-texts';

type CycleDetail = Schemas['CycleDetailResponse'];

/** One unit's breakthrough-task cycle for a year: its phase and counts, and what the reader may do now. */
export function CyclePage({ unitId, year, open }: { unitId: string; year: number; open?: string }) {
  const { t, x } = useActionTexts();
  const [detail, setDetail] = useState<CycleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api.get('/breakthrough/cycles/{unitId}/{year}', { path: { unitId, year } }));
    } catch (err) {
      setError((err as Error).message);
    }
  }, [unitId, year]);

  useEffect(() => {
    void load();
  }, [load]);

  const cycle = detail?.cycle;
  const counts = (cycle?.counts ?? {}) as Record<string, unknown>;
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
      {cycle && (
        <section className="card" aria-labelledby="cycle-title">
          <h2 id="cycle-title">
            {x('cycle')}: {cycle.title}
          </h2>
          <dl className="facts" data-testid="cycle-state">
            <dt>{t('unit')}</dt>
            <dd>{cycle.unit_id}</dd>
            <dt>{t('phase')}</dt>
            <dd>{cycle.phase}</dd>
            {Object.entries(counts).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <ActionPanel target={{ subject: 'cycle', path: { unitId, year } }} open={open} onChanged={() => void load()} />
    </div>
  );
}

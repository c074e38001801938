import { BUCKETS, BucketCounts } from '../api';
import { useI18n } from '../i18n';
import { BUCKET_COLOURS } from './ChartCanvas';

/** The four tracking buckets as tiles; each carries its count for tests and screen readers. */
export function BucketTiles({ counts }: { counts: BucketCounts }) {
  const { t } = useI18n();
  return (
    <div className="tiles">
      {BUCKETS.map((b) => (
        <div
          key={b}
          className="tile"
          style={{ borderColor: BUCKET_COLOURS[b] }}
          data-testid={`bucket-${b}`}
          data-count={counts[b]}
        >
          <div className="tile-count">{counts[b]}</div>
          <div className="tile-label">{t(b)}</div>
        </div>
      ))}
    </div>
  );
}

import { Chart, ChartConfiguration, registerables } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(...registerables);

/** One Chart.js chart on a canvas, rebuilt whenever its configuration changes. */
export function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

export const BUCKET_COLOURS: Record<string, string> = {
  DONE_ON_TIME: '#2e7d32',
  DONE_LATE: '#f9a825',
  OPEN_WITHIN_DEADLINE: '#1565c0',
  OPEN_OVERDUE: '#c62828',
};

import type { ScorePoint } from '@/lib/history';
import { formatScore } from '@/lib/format';

export interface Marker {
  t: number;
  label: string;
}

interface Props {
  points: ScorePoint[];
  markers?: Marker[];
  now: number;
  windowSeconds?: number;
  width?: number;
  height?: number;
}

const M = { left: 48, right: 14, top: 12, bottom: 34 };
const Y_TICKS = [0, 25, 50, 75, 100];

/**
 * SVG path for a score series. A null score (no data, or the poll failed) breaks the line instead of
 * being drawn as zero, so a gap on the chart is never mistaken for a collapse of the score.
 */
export function linePath(points: ScorePoint[], x: (t: number) => number, y: (s: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.score === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.score).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Health score over the last couple of minutes, with scenario starts marked. */
export function HealthChart({ points, markers = [], now, windowSeconds = 120, width = 640, height = 240 }: Props) {
  const innerW = width - M.left - M.right;
  const innerH = height - M.top - M.bottom;
  const start = now - windowSeconds * 1000;
  const x = (t: number) => M.left + ((t - start) / (windowSeconds * 1000)) * innerW;
  const y = (s: number) => M.top + (1 - Math.max(0, Math.min(100, s)) / 100) * innerH;
  const visible = points.filter((p) => p.t >= start && p.t <= now);
  const last = [...visible].reverse().find((p) => p.score !== null);
  const xTicks = Array.from({ length: Math.floor(windowSeconds / 30) + 1 }, (_, i) => windowSeconds - i * 30);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="chart-title chart-desc"
        data-testid="health-chart"
      >
        {/* One string: the server renders a <title> with several children as empty (a hydration mismatch). */}
        <title id="chart-title">{`Health score, last ${windowSeconds} seconds`}</title>
        <desc id="chart-desc">
          {last ? `Latest score ${formatScore(last.score)} out of 100` : 'No score in this period'}
        </desc>
        {Y_TICKS.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
              {v}
            </text>
          </g>
        ))}
        {xTicks.map((s) => (
          <text key={s} x={x(now - s * 1000)} y={height - M.bottom + 16} textAnchor="middle" className="tick">
            {s === 0 ? 'now' : `−${s} s`}
          </text>
        ))}
        <text x={12} y={M.top + innerH / 2} className="axis-title" transform={`rotate(-90 12 ${M.top + innerH / 2})`} textAnchor="middle">
          score (0–100)
        </text>
        <text x={M.left + innerW / 2} y={height - 2} className="axis-title" textAnchor="middle">
          time (seconds before now)
        </text>
        {markers
          .filter((m) => m.t >= start && m.t <= now)
          .map((m) => (
            <line key={`${m.t}-${m.label}`} x1={x(m.t)} x2={x(m.t)} y1={M.top} y2={M.top + innerH} className="marker">
              <title>{m.label}</title>
            </line>
          ))}
        <path d={linePath(visible, x, y)} className="series" data-testid="health-series" />
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="swatch swatch-line" aria-hidden="true" /> health score (0–100, service window), one point per second
        </span>
        <span className="legend-item">
          <span className="swatch swatch-marker" aria-hidden="true" /> scenario started
        </span>
        <span className="legend-item">gaps = no data or service unreachable</span>
      </figcaption>
    </figure>
  );
}

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HealthChart, linePath } from '@/components/HealthChart';
import { appendPoint } from '@/lib/history';

const id = (v: number) => v;

describe('linePath', () => {
  it('draws one segment per run of scores and breaks at nulls', () => {
    const d = linePath(
      [
        { t: 0, score: 90 },
        { t: 1, score: 80 },
        { t: 2, score: null },
        { t: 3, score: 50 },
        { t: 4, score: 40 },
      ],
      id,
      id,
    );
    expect(d).toBe('M0.0,90.0L1.0,80.0M3.0,50.0L4.0,40.0');
  });

  it('draws nothing without scores', () => {
    expect(linePath([{ t: 0, score: null }], id, id)).toBe('');
  });
});

describe('appendPoint', () => {
  it('keeps only the configured history', () => {
    let h = appendPoint([], { t: 0, score: 1 }, 2);
    h = appendPoint(h, { t: 1000, score: 2 }, 2);
    h = appendPoint(h, { t: 3000, score: 3 }, 2);
    expect(h.map((p) => p.score)).toEqual([2, 3]);
  });
});

describe('HealthChart', () => {
  const now = 200_000;

  it('plots recent points with axes, legend and the latest value in its description', () => {
    render(
      <HealthChart
        now={now}
        points={[
          { t: now - 3000, score: 92 },
          { t: now - 2000, score: 85.25 },
          { t: now - 1000, score: 60 },
        ]}
        markers={[{ t: now - 2500, label: 'Latency Spike' }]}
      />,
    );
    expect(screen.getByRole('img', { name: /health score/i })).toBeInTheDocument();
    expect(screen.getByText('Latest score 60.0 out of 100')).toBeInTheDocument();
    const d = screen.getByTestId('health-series').getAttribute('d')!;
    expect(d.match(/[ML]/g)).toHaveLength(3);
    expect(screen.getByText('score (0–100)')).toBeInTheDocument();
    expect(screen.getByText('now')).toBeInTheDocument();
    expect(screen.getByText('−120 s')).toBeInTheDocument();
    expect(screen.getByText(/one point per second/)).toBeInTheDocument();
    expect(screen.getByText('Latency Spike')).toBeInTheDocument();
  });

  it('maps a higher score higher on the chart', () => {
    render(<HealthChart now={now} points={[{ t: now - 2000, score: 100 }, { t: now - 1000, score: 0 }]} />);
    const d = screen.getByTestId('health-series').getAttribute('d')!;
    const [, y1, , y2] = d.match(/[-\d.]+/g)!.map(Number);
    expect(y1).toBeLessThan(y2);
  });

  it('says when there is nothing to plot', () => {
    render(<HealthChart now={now} points={[{ t: now - 1000, score: null }]} />);
    expect(screen.getByText('No score in this period')).toBeInTheDocument();
  });
});

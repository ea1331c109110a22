import type { HealthComponents } from '@/lib/types';
import { formatScore } from '@/lib/format';

const NAMES: [keyof Omit<HealthComponents, 'efficiency_bonus'>, string][] = [
  ['performance', 'Performance'],
  ['reliability', 'Reliability'],
  ['cost', 'Cost'],
  ['quality', 'Quality'],
  ['security', 'Security'],
  ['slo', 'SLO budget'],
];

/** The score's components (each 0–100) and the efficiency bonus (points added). */
export function ComponentBars({ components }: { components: HealthComponents | null }) {
  return (
    <section className="card" aria-labelledby="components-h">
      <h2 id="components-h">Score components</h2>
      {!components ? (
        <p className="muted">No components without traffic in the window.</p>
      ) : (
        <dl className="bars">
          {NAMES.filter(([key]) => components[key] !== undefined).map(([key, label]) => (
            <div key={key} className="bar-row">
              <dt>{label}</dt>
              <dd>
                <span className="bar" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${Math.max(0, Math.min(100, components[key] ?? 0))}%` }} />
                </span>
                <span className="bar-value" data-testid={`component-${key}`}>
                  {formatScore(components[key])} / 100
                </span>
              </dd>
            </div>
          ))}
          <div className="bar-row">
            <dt>Efficiency bonus</dt>
            <dd>
              <span className="bar-value">+{formatScore(components.efficiency_bonus)} pts</span>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

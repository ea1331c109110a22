/** Number formatting for the page: every value carries its unit, and a missing value says so. */

const DASH = '—';
const en = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Health score on its 0–100 scale, one decimal. */
export function formatScore(score: number | null | undefined): string {
  return isNum(score) ? en(1).format(score) : DASH;
}

/** Milliseconds below 10 s, seconds above (a 12,345 ms p95 reads better as 12.3 s). */
export function formatMs(ms: number | null | undefined): string {
  if (!isNum(ms)) return DASH;
  if (Math.abs(ms) >= 10_000) return `${en(1).format(ms / 1000)} s`;
  return `${en(0).format(ms)} ms`;
}

/** A 0–1 fraction as a percentage. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return isNum(fraction) ? `${en(digits).format(fraction * 100)} %` : DASH;
}

/** US dollars; per-request LLM costs are fractions of a cent, so small amounts keep 3 significant digits. */
export function formatUsd(usd: number | null | undefined): string {
  if (!isNum(usd)) return DASH;
  if (usd === 0) return '$0.00';
  if (Math.abs(usd) >= 1) return `$${en(2).format(usd)}`;
  const digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(usd)))));
  return `$${usd.toFixed(digits)}`;
}

export function formatRate(perSecond: number | null | undefined): string {
  return isNum(perSecond) ? `${en(2).format(perSecond)} req/s` : DASH;
}

export function formatCount(n: number | null | undefined, unit?: string): string {
  if (!isNum(n)) return DASH;
  const s = en(0).format(n);
  return unit ? `${s} ${unit}` : s;
}

/** A 0–1 quality score, shown against its scale. */
export function formatUnitScore(v: number | null | undefined): string {
  return isNum(v) ? `${en(2).format(v)} / 1` : DASH;
}

/** Value in an incident's own unit ("ms", "usd", "ratio", …). */
export function formatWithUnit(value: number | null | undefined, unit: string): string {
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'usd':
    case 'USD':
      return formatUsd(value);
    case 'ratio':
    case 'fraction':
      return formatPercent(value);
    case 'percent':
    case '%':
      return isNum(value) ? `${en(1).format(value)} %` : DASH;
    default:
      return isNum(value) ? `${en(2).format(value)} ${unit}`.trim() : DASH;
  }
}

/** "12 s ago", "3 min ago", "2 h ago"; future or unparseable times fall back to the ISO text. */
export function formatAgo(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return DASH;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((nowMs - t) / 1000);
  if (s < 0) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

export type Tone = 'good' | 'warn' | 'bad' | 'none';

/** Colour tone from the status the service computed; the page never re-derives thresholds. */
export function statusTone(status: string | null | undefined): Tone {
  switch (status) {
    case 'healthy':
      return 'good';
    case 'degraded':
      return 'warn';
    case 'critical':
      return 'bad';
    default:
      return 'none';
  }
}

export function severityTone(severity: string | null | undefined): Tone {
  if (!severity) return 'none';
  const s = severity.toUpperCase();
  if (s === 'SEV-1' || s === 'SEV-2' || s === 'CRITICAL' || s === 'HIGH') return 'bad';
  if (s === 'SEV-3' || s === 'MEDIUM') return 'warn';
  return 'none';
}

export function statusLabel(status: string | null | undefined): string {
  if (!status) return 'unknown';
  return status === 'no_data' ? 'no data' : status;
}

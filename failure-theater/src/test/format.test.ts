import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatMs,
  formatPercent,
  formatRate,
  formatScore,
  formatUsd,
  formatWithUnit,
  statusTone,
} from '@/lib/format';

describe('format', () => {
  it('shows a missing value as a dash, never as zero', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatMs(undefined)).toBe('—');
    expect(formatPercent(null)).toBe('—');
    expect(formatUsd(Number.NaN)).toBe('—');
  });

  it('puts a unit on every number', () => {
    expect(formatScore(87.44)).toBe('87.4');
    expect(formatMs(812.4)).toBe('812 ms');
    expect(formatMs(4210)).toBe('4,210 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatPercent(0.0123)).toBe('1.2 %');
    expect(formatRate(0.4)).toBe('0.40 req/s');
  });

  it('keeps significant digits on sub-cent costs', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.000412)).toBe('$0.000412');
    expect(formatUsd(0.048)).toBe('$0.0480');
    expect(formatUsd(12.5)).toBe('$12.50');
  });

  it('formats incident evidence in its own unit', () => {
    expect(formatWithUnit(4210, 'ms')).toBe('4,210 ms');
    expect(formatWithUnit(0.25, 'ratio')).toBe('25.0 %');
    expect(formatWithUnit(0.02, 'usd')).toBe('$0.0200');
    expect(formatWithUnit(3, 'tokens')).toBe('3.00 tokens');
  });

  it('tells relative time', () => {
    const now = Date.parse('2026-11-28T10:05:00Z');
    expect(formatAgo('2026-11-28T10:04:48Z', now)).toBe('12 s ago');
    expect(formatAgo('2026-11-28T10:02:00Z', now)).toBe('3 min ago');
    expect(formatAgo('2026-11-28T08:00:00Z', now)).toBe('2 h ago');
  });

  it('colours by the status the service computed', () => {
    expect(statusTone('healthy')).toBe('good');
    expect(statusTone('degraded')).toBe('warn');
    expect(statusTone('critical')).toBe('bad');
    expect(statusTone('no_data')).toBe('none');
  });
});

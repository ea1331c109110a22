import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Theater } from '@/components/Theater';
import type { FetchLike } from '@/lib/api';

/**
 * The page is rendered once at build time (the static export) and hydrated in the browser: the first
 * client render must produce the same markup, or React throws error #418 and re-renders from scratch.
 */
describe('hydration of the static export', () => {
  let root: Root | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    document.body.innerHTML = '';
    window.sessionStorage.clear();
    vi.restoreAllMocks();
  });

  // The service is never reached during hydration; the page's first poll waits forever.
  const pending: FetchLike = () => new Promise(() => {});

  it('hydrates the page without a mismatch, whatever the clock and the session hold', async () => {
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    // Built at one time, opened much later, in a tab that already holds an API key.
    const html = renderToString(<Theater fetchImpl={pending} clock={() => 1_000_000} />);
    window.sessionStorage.setItem('lrcp.apiKey', 'k');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);

    await act(async () => {
      root = hydrateRoot(container, <Theater fetchImpl={pending} clock={() => 9_000_000} />, {
        onRecoverableError: (e) => errors.push(e),
      });
    });

    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    // The stored key is read once the page runs, so it still shows.
    expect(container.textContent).toContain("Using an API key from this tab's session");
  });
});

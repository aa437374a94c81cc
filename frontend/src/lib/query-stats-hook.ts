import type { QueryClient } from '@tanstack/react-query';

/**
 * Dormant hook for the measured-caching end-to-end test. It installs the counters (a separate chunk) only when
 * - the build mode is `e2e`, or
 * - the page was opened with `window.__jibsaQueryStats` already defined (the Playwright runner's init script),
 *   which lets the test measure the very production build that ships, or
 * - in development, the URL carries `?queryStats`.
 * In normal production use this is one property check at start-up; no counting code is loaded or run.
 */
export function installQueryStatsIfAsked(client: QueryClient): void {
  if (typeof window === 'undefined') return;
  const asked =
    import.meta.env.MODE === 'e2e' ||
    '__jibsaQueryStats' in window ||
    (import.meta.env.DEV && new URLSearchParams(window.location.search).has('queryStats'));
  if (!asked) return;
  void import('./query-stats').then((m) => m.installQueryStats(client));
}

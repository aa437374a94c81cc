import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** Where the term lives in the history entry's state. */
export const SEARCH_STATE_KEY = 'listSearch';
/** The query parameter that carried the term before it moved out of the URL (old bookmarks still have it). */
const LEGACY_PARAM = 'q';

function stateObject(state: unknown): Record<string, unknown> {
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

/** The search term kept in a history entry's state, if any. */
export function searchFromState(state: unknown): string | undefined {
  const value = stateObject(state)[SEARCH_STATE_KEY];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export interface PrivateSearchNavigation {
  /** The list's URL parameters (never the search term). */
  params: URLSearchParams;
  /** The search term of this history entry. */
  search: string | undefined;
  /** A new history entry (or the current one, with `replace`) with these URL parameters and this term. */
  go: (params: URLSearchParams, search: string | undefined, options?: { replace?: boolean }) => void;
}

/**
 * A list screen's filters in the URL, its search term in the history entry's state instead.
 *
 * Search terms are often personal data (a phone, a name), and a URL ends up in proxy and access logs, in the
 * browser's history and in Referer headers. History state stays in the tab: back/forward and reloading the tab
 * restore the term (the browser keeps each entry's state), while a copied link carries only the other filters.
 * An old link with `?q=` is moved into the state on arrival, so the term leaves the address bar and this entry.
 */
export function usePrivateSearchNavigation(): PrivateSearchNavigation {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const search = searchFromState(location.state);

  const go = useCallback<PrivateSearchNavigation['go']>(
    (next, term, options) => {
      const query = next.toString();
      navigate(
        { pathname: location.pathname, search: query ? `?${query}` : '' },
        { state: { ...stateObject(location.state), [SEARCH_STATE_KEY]: term?.trim() || undefined }, replace: options?.replace ?? false },
      );
    },
    [location.pathname, location.state, navigate],
  );

  const legacy = params.get(LEGACY_PARAM);
  useEffect(() => {
    if (legacy === null) return;
    const rest = new URLSearchParams(params);
    rest.delete(LEGACY_PARAM);
    go(rest, legacy, { replace: true });
  }, [legacy, params, go]);

  return { params, search: legacy ?? search, go };
}

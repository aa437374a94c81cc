import { useCallback, useState } from 'react';

import type { ApplicationListItem } from '@/client/types.gen';

import { normalizeFilters, type ApplicationListFilters } from '../api/application-queries';

/** What the bulk actions need to know about a selected row once its page is no longer on screen. */
export interface SelectedApplication {
  id: number;
  number: string;
  serviceCodes: string[];
}

export type Selection = ReadonlyMap<number, SelectedApplication>;

export const EMPTY_SELECTION: Selection = new Map();

function entry(item: ApplicationListItem): SelectedApplication {
  return { id: item.id, number: item.number, serviceCodes: item.services.map((s) => s.code) };
}

export function toggleOne(selection: Selection, item: ApplicationListItem): Selection {
  const next = new Map(selection);
  if (next.has(item.id)) next.delete(item.id);
  else next.set(item.id, entry(item));
  return next;
}

/** Select or unselect every row of the page on screen; rows of other pages keep their state. */
export function setPage(selection: Selection, items: ApplicationListItem[], checked: boolean): Selection {
  const next = new Map(selection);
  for (const item of items) {
    if (checked) next.set(item.id, entry(item));
    else next.delete(item.id);
  }
  return next;
}

/** The select-all box: checked when the whole page is selected, mixed when part of it is. */
export function pageState(selection: Selection, items: ApplicationListItem[]): 'none' | 'some' | 'all' {
  const on = items.filter((i) => selection.has(i.id)).length;
  if (on === 0) return 'none';
  return on === items.length ? 'all' : 'some';
}

/** The filters a selection belongs to: everything but the page, so paging keeps it and a filter change does not. */
export function selectionScope(filters: ApplicationListFilters): string {
  return JSON.stringify(normalizeFilters({ ...filters, page: 1 }));
}

/**
 * The list's multi-selection. It survives paging within the same filters and is dropped when they change;
 * `notice` then says so once (for the live region), so nobody acts on rows they can no longer see.
 */
export function useListSelection(filters: ApplicationListFilters) {
  const scope = selectionScope(filters);
  const [state, setState] = useState<{ scope: string; selected: Selection; notice: string | null }>({
    scope,
    selected: EMPTY_SELECTION,
    notice: null,
  });
  if (state.scope !== scope) {
    // Adjusting state during render (React's documented pattern for resetting on a prop change).
    setState({ scope, selected: EMPTY_SELECTION, notice: state.selected.size > 0 ? '조건이 바뀌어 선택을 해제했습니다.' : null });
  }
  const selected = state.scope === scope ? state.selected : EMPTY_SELECTION;

  const update = useCallback((change: (s: Selection) => Selection) => {
    setState((prev) => ({ ...prev, selected: change(prev.selected), notice: null }));
  }, []);

  return {
    selected,
    notice: state.scope === scope ? state.notice : null,
    toggle: useCallback((item: ApplicationListItem) => update((s) => toggleOne(s, item)), [update]),
    togglePage: useCallback((items: ApplicationListItem[], checked: boolean) => update((s) => setPage(s, items, checked)), [update]),
    /** Keep only these ids (after a bulk action: what failed stays selected for another try). */
    keepOnly: useCallback((ids: Iterable<number>) => {
      const keep = new Set(ids);
      update((s) => new Map([...s].filter(([id]) => keep.has(id))));
    }, [update]),
    clear: useCallback(() => update(() => EMPTY_SELECTION), [update]),
  };
}

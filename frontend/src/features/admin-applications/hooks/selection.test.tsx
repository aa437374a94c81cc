import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { applicationListFixture, listItemFixture } from '@/testing/admin-fixtures';
import { createTestQueryClient, createWrapper, renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import type { ApplicationListFilters } from '../api/application-queries';
import { ApplicationsListView } from '../components/applications-list-view';

import { EMPTY_SELECTION, pageState, selectionScope, setPage, toggleOne, useListSelection } from './use-list-selection';

const a = listItemFixture(1, { services: [{ code: 'WEEDING', name: '제초' }] });
const b = listItemFixture(2);
const c = listItemFixture(3);

describe('selection logic', () => {
  it('toggles one row and keeps what the bulk actions need', () => {
    const one = toggleOne(EMPTY_SELECTION, a);
    expect(one.get(1)).toEqual({ id: 1, number: a.number, serviceCodes: ['WEEDING'] });
    expect(toggleOne(one, a).size).toBe(0);
  });

  it('selects and unselects a whole page without touching other pages', () => {
    const other = toggleOne(EMPTY_SELECTION, c);
    const all = setPage(other, [a, b], true);
    expect([...all.keys()].sort()).toEqual([1, 2, 3]);
    expect(pageState(all, [a, b])).toBe('all');
    expect(pageState(toggleOne(all, a), [a, b])).toBe('some');
    expect(pageState(other, [a, b])).toBe('none');
    expect([...setPage(all, [a, b], false).keys()]).toEqual([3]);
  });

  it('scopes a selection to the filters, not the page', () => {
    expect(selectionScope({ status: 'new', page: 1 })).toBe(selectionScope({ status: 'new', page: 4 }));
    expect(selectionScope({ status: 'new', services: ['B', 'A'] })).toBe(selectionScope({ services: ['A', 'B'], status: 'new' }));
    expect(selectionScope({ status: 'new' })).not.toBe(selectionScope({ status: 'consulting' }));
  });

  it('survives paging and is dropped, with a notice, when the filters change', () => {
    const { result, rerender } = renderHook(({ filters }: { filters: ApplicationListFilters }) => useListSelection(filters), {
      wrapper: createWrapper(createTestQueryClient()),
      initialProps: { filters: { status: 'new', page: 1 } },
    });
    act(() => result.current.toggle(a));
    rerender({ filters: { status: 'new', page: 2 } });
    act(() => result.current.toggle(c));
    expect([...result.current.selected.keys()]).toEqual([1, 3]);
    expect(result.current.notice).toBeNull();

    rerender({ filters: { status: 'consulting', page: 1 } });
    expect(result.current.selected.size).toBe(0);
    expect(result.current.notice).toBe('조건이 바뀌어 선택을 해제했습니다.');
    act(() => result.current.toggle(b));
    expect(result.current.notice).toBeNull();
    act(() => result.current.keepOnly([]));
    expect(result.current.selected.size).toBe(0);
  });
});

describe('list screen selection', () => {
  it('selects rows across pages, announces the count and clears on a filter change', async () => {
    server.use(
      http.get(`${API}/admin/applications`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(applicationListFixture(page, 3));
      }),
      http.get(`${API}/admin/schedule/partners`, () => HttpResponse.json([])),
    );
    const { user } = renderWithProviders(<ApplicationsListView categories={[]} />, { route: '/admin/applications' });

    // The table and the phone cards both render in jsdom (no CSS): the first of each is the table's.
    await user.click((await screen.findAllByRole('checkbox', { name: '20261127-101 선택' }))[0]!);
    const bar = screen.getByRole('region', { name: '선택한 신청' });
    expect(within(bar).getByText('건 선택', { exact: false })).toHaveTextContent('1건 선택');
    expect(screen.getByTestId('selection-announcement')).toHaveTextContent('1건 선택됨');

    await user.click(screen.getByRole('button', { name: '2 페이지' }));
    await screen.findAllByRole('checkbox', { name: '20261127-201 선택' });
    await user.click(screen.getByRole('checkbox', { name: '이 페이지 모두 선택' }));
    expect(within(screen.getByRole('region', { name: '선택한 신청' })).getByText('건 선택', { exact: false })).toHaveTextContent('3건 선택');

    await user.click(screen.getByRole('button', { name: /^상담중/ }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '선택한 신청' })).not.toBeInTheDocument());
    expect(screen.getByTestId('selection-announcement')).toHaveTextContent('조건이 바뀌어 선택을 해제했습니다.');
  });
});

import type { Query } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router';

import type { BulkJobDetail, BulkJobRead, PageBulkJobRead } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import { deferred } from '@/testing/admin-fixtures';
import { createTestQueryClient, createWrapper, renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { BULK_LIST_POLL_MS, BULK_POLL_MS, smsKeys, smsQueries } from '../api/sms-queries';
import { useCancelBulkJob } from '../hooks/use-sms';

import { BulkJobPage } from './bulk-job-page';
import { BulkJobsPage } from './bulk-jobs-page';
import { BulkSheet } from './bulk-sheet';

afterEach(() => toast.clear());

function job(id: number, patch: Partial<BulkJobDetail> = {}): BulkJobDetail {
  return {
    id,
    title: `12월 안내 ${id}`,
    job_type: 'announcement',
    target_type: 'customer',
    target_filter: null,
    target_ids: null,
    message: '[집사] 연말 휴무 안내드립니다.',
    is_advertisement: false,
    status: 'processing',
    created_by: 1,
    created_by_name: '김관리',
    created_at: '2026-12-04T03:00:00Z',
    started_at: '2026-12-04T03:00:05Z',
    completed_at: null,
    cancelled_at: null,
    progress: { total: 10, enqueued: 10, queued: 6, sent: 3, failed: 1, cancelled: 0, percent: 40 },
    failures: [],
    ...patch,
  };
}

function page(items: BulkJobRead[]): PageBulkJobRead {
  return { items, total: items.length, page: 1, page_size: 20, total_pages: 1 };
}

type Interval<T> = (query: Query<T, Error, T, never>) => number | false | undefined;

/** The options' `refetchInterval` called with a query holding `data`. */
function intervalFor<T>(refetchInterval: unknown, data: T | undefined) {
  return (refetchInterval as Interval<T>)({ state: { data } } as unknown as Query<T, Error, T, never>);
}

describe('bulk job polling', () => {
  it('polls a job only while it is queued or running', () => {
    const { refetchInterval } = smsQueries.bulkJob(1);
    expect(intervalFor<BulkJobDetail>(refetchInterval, undefined)).toBe(BULK_POLL_MS);
    expect(intervalFor(refetchInterval, job(1, { status: 'pending' }))).toBe(BULK_POLL_MS);
    expect(intervalFor(refetchInterval, job(1, { status: 'processing' }))).toBe(BULK_POLL_MS);
    for (const status of ['completed', 'partial_failed', 'failed', 'cancelled']) expect(intervalFor(refetchInterval, job(1, { status }))).toBe(false);
  });

  it('refreshes the list only while one of its jobs runs', () => {
    const { refetchInterval } = smsQueries.bulkJobs({ page: 1 });
    expect(intervalFor(refetchInterval, page([job(1, { status: 'completed' }), job(2, { status: 'processing' })]))).toBe(BULK_LIST_POLL_MS);
    expect(intervalFor(refetchInterval, page([job(1, { status: 'completed' }), job(2, { status: 'cancelled' })]))).toBe(false);
  });

  it('stops asking the server once the job is done', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/admin/sms/bulk/7`, () => {
        calls += 1;
        return HttpResponse.json(
          calls === 1 ? job(7) : job(7, { status: 'completed', progress: { total: 10, enqueued: 10, queued: 0, sent: 9, failed: 1, cancelled: 0, percent: 100 } }),
        );
      }),
    );
    renderWithProviders(<BulkJobPage id={7} />);
    expect(await screen.findByText('발송 중')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '취소' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('완료')).toBeInTheDocument(), { timeout: BULK_POLL_MS + 3000 });
    expect(screen.getByRole('progressbar', { name: '발송 진행률' })).toHaveAttribute('aria-valuenow', '100');
    // A finished job cannot be cancelled, and is not polled any more.
    expect(screen.queryByRole('button', { name: '취소' })).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, BULK_POLL_MS + 500));
    expect(calls).toBe(2);
  }, 15000);
});

describe('BulkJobsPage', () => {
  it('lists jobs with status, progress, creator, and links to each job', async () => {
    server.use(
      http.get(`${API}/admin/sms/bulk`, () =>
        HttpResponse.json(page([job(2), job(1, { status: 'partial_failed', title: '가을 안내', created_by_name: null })])),
      ),
    );
    renderWithProviders(<BulkJobsPage />);
    const table = await screen.findByRole('table', { name: '대량 발송 내역' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: '12월 안내 2' })).toHaveAttribute('href', '/admin/sms/bulk/2');
    expect(within(rows[1]!).getByText('발송 중')).toBeInTheDocument();
    expect(within(rows[1]!).getByLabelText('성공 3건, 실패 1건, 전체 10건')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('김관리')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('일부 실패')).toBeInTheDocument();
  });
});

describe('cancelling a bulk job', () => {
  it('shows it cancelled at once in the detail and the lists, then keeps the server answer', async () => {
    const gate = deferred();
    server.use(
      http.post(`${API}/admin/sms/bulk/3/cancel`, async () => {
        await gate.promise;
        return HttpResponse.json(job(3, { status: 'cancelled', cancelled_at: '2026-12-04T03:01:00Z' }));
      }),
      http.get(`${API}/admin/sms/bulk/3`, () => HttpResponse.json(job(3, { status: 'cancelled' }))),
      http.get(`${API}/admin/sms/bulk`, () => HttpResponse.json(page([job(3, { status: 'cancelled' })]))),
    );
    const client = createTestQueryClient();
    client.setQueryData(smsKeys.bulkJob(3), job(3));
    client.setQueryData(smsKeys.bulkJobList({ page: 1 }), page([job(4), job(3)]));
    const { result } = renderHook(() => useCancelBulkJob(), { wrapper: createWrapper(client) });
    act(() => result.current.mutate(3));
    await waitFor(() => expect(client.getQueryData<BulkJobDetail>(smsKeys.bulkJob(3))?.status).toBe('cancelled'));
    const list = client.getQueryData<PageBulkJobRead>(smsKeys.bulkJobList({ page: 1 }))!;
    expect(list.items.map((j) => j.status)).toEqual(['processing', 'cancelled']);
    gate.resolve();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(client.getQueryData<BulkJobDetail>(smsKeys.bulkJob(3))?.cancelled_at).toBe('2026-12-04T03:01:00Z');
    expect(client.getQueryState(smsKeys.bulkJobList({ page: 1 }))?.isInvalidated).toBe(true);
  });

  it('asks first, then rolls the status back with the reason when the server refuses', async () => {
    let detailCalls = 0;
    server.use(
      http.get(`${API}/admin/sms/bulk/5`, async () => {
        detailCalls += 1;
        // The refetch after the refusal is slow, so the rolled-back state is what shows first.
        if (detailCalls > 1) await new Promise((r) => setTimeout(r, 300));
        return HttpResponse.json(job(5));
      }),
      http.post(`${API}/admin/sms/bulk/5/cancel`, async () => {
        await new Promise((r) => setTimeout(r, 150));
        return HttpResponse.json({ code: 'bulk_job_finished', message: '이미 끝난 대량 발송 작업입니다.', details: null }, { status: 409 });
      }),
    );
    const { user } = renderWithProviders(
      <Routes>
        <Route path="/admin/sms/bulk/:id" element={<BulkJobPage id={5} />} />
      </Routes>,
      { route: '/admin/sms/bulk/5' },
    );
    await user.click(await screen.findByRole('button', { name: '취소' }));
    const dialog = screen.getByRole('dialog', { name: '대량 발송 취소' });
    expect(screen.getByText('발송 중')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '발송 취소하기' }));
    // Optimistic: cancelled at once, before the server answers.
    expect(await screen.findByText('취소됨')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '취소' })).not.toBeInTheDocument();
    // Refused: back to running, the API's message in a toast, and the cancel button is back.
    expect(await screen.findByText('발송 중')).toBeInTheDocument();
    await waitFor(() => expect(toast.list().map((t) => t.description)).toContain('이미 끝난 대량 발송 작업입니다.'));
    expect(screen.getByRole('button', { name: '취소' })).toBeInTheDocument();
  });
});

describe('BulkSheet', () => {
  it('lands on the new job once it is created', async () => {
    let created: unknown = null;
    server.use(
      http.get(`${API}/admin/sms/recipients`, () => HttpResponse.json({ items: [], total: 12, page: 1, page_size: 20, total_pages: 1 })),
      http.post(`${API}/admin/sms-templates/preview`, () =>
        HttpResponse.json({ original: '', preview: '[집사] 안내', subject: null, byte_length: 11, message_type: 'SMS', unsupported_characters: [] }),
      ),
      http.post(`${API}/admin/sms/bulk`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(job(42, { status: 'pending' }), { status: 201 });
      }),
    );
    let closed = 0;
    const { user } = renderWithProviders(
      <Routes>
        <Route path="/admin/sms" element={<BulkSheet open onClose={() => (closed += 1)} />} />
        <Route path="/admin/sms/bulk/:id" element={<p>작업 화면</p>} />
      </Routes>,
      { route: '/admin/sms' },
    );
    await screen.findByText('대상 12명');
    await user.type(screen.getByLabelText('작업 이름'), '12월 안내');
    await user.type(screen.getByLabelText(/^메시지/), '연말 휴무 안내드립니다.');
    await user.click(screen.getByRole('button', { name: '확인하기' }));
    await user.click(screen.getByRole('button', { name: '12명에게 발송' }));
    expect(await screen.findByText('작업 화면')).toBeInTheDocument();
    expect(created).toMatchObject({ title: '12월 안내', target_type: 'customer', job_type: 'announcement' });
    expect(closed).toBe(1);
  });
});

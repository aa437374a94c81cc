import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { ApplicationDetail, AssignmentOut, NoteList } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import { applicationFixture, applicationViewFixture, applicationListFixture, assignmentFixture, deferred, listItemFixture } from '@/testing/admin-fixtures';
import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { useUpdateApplicationStatus } from './application-mutations';
import { applicationQueries } from './application-queries';
import { useBatchAssignmentStatus, useCreateAssignment, useUpdateAssignment } from './assignment-mutations';
import { useAddNote } from './note-mutations';

const APP = `${API}/admin/applications/1`;

function setup() {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(applicationQueries.detail(1).queryKey, applicationFixture());
  return { queryClient, wrapper: createWrapper(queryClient) };
}

afterEach(() => toast.clear());

describe('status change (optimistic)', () => {
  it('shows the new status at once, keeps the server answer, invalidates the screen and the lists', async () => {
    const { queryClient, wrapper } = setup();
    const listKey = applicationQueries.list({ page: 1 }).queryKey;
    queryClient.setQueryData(listKey, applicationListFixture(1, 1, [listItemFixture(1)]));
    const gate = deferred();
    let body: Record<string, unknown> | null = null;
    server.use(
      http.put(APP, async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        await gate.promise;
        return HttpResponse.json(applicationFixture({ status: 'consulting', status_label: '상담중', version: 4, allowed_transitions: ['cancelled'] }));
      }),
      http.get(APP, () => HttpResponse.json(applicationViewFixture({ status: 'consulting', status_label: '상담중', version: 4 }))),
      http.get(`${API}/admin/applications`, () => HttpResponse.json(applicationListFixture(1, 1))),
    );
    const { result } = renderHook(() => useUpdateApplicationStatus(1), { wrapper });
    act(() => result.current.mutate({ status: 'consulting', sendSms: true, version: 3 }));

    await waitFor(() => expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)?.status).toBe('consulting'));
    expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)?.status_label).toBe('상담중');
    // The cached list page follows too.
    expect(queryClient.getQueryData<{ items: { status: string }[] }>(listKey)?.items[0]?.status).toBe('consulting');

    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    gate.resolve();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(body).toEqual({ version: 3, status: 'consulting', reason: null, send_sms: true });
    expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)?.version).toBe(4);
    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: applicationQueries.detail(1).queryKey }));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: applicationQueries.lists() });
  });

  it('rolls back and shows the Korean message when the server refuses', async () => {
    const { queryClient, wrapper } = setup();
    server.use(
      http.put(APP, () => HttpResponse.json({ code: 'invalid_transition', message: "'신규' 상태에서 '완료'로 바꿀 수 없습니다." }, { status: 409 })),
      http.get(APP, () => HttpResponse.json(applicationViewFixture())),
    );
    const { result } = renderHook(() => useUpdateApplicationStatus(1), { wrapper });
    act(() => result.current.mutate({ status: 'completed', sendSms: false, version: 3 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)?.status).toBe('new');
    expect(toast.list().at(-1)).toMatchObject({ tone: 'error', title: '상태를 바꾸지 못했습니다', description: "'신규' 상태에서 '완료'로 바꿀 수 없습니다." });
  });

  it('on 409 version_conflict refetches and says what the status is now', async () => {
    const { queryClient, wrapper } = setup();
    server.use(
      http.put(APP, () =>
        HttpResponse.json({ code: 'version_conflict', message: '다른 사용자가 먼저 수정했습니다.', details: { current_version: 5, your_version: 3 } }, { status: 409 }),
      ),
      http.get(APP, () => HttpResponse.json(applicationViewFixture({ status: 'cancelled', status_label: '취소', version: 5 }))),
    );
    const { result } = renderHook(() => useUpdateApplicationStatus(1), { wrapper });
    act(() => result.current.mutate({ status: 'consulting', sendSms: false, version: 3 }));
    await waitFor(() => expect(toast.list().some((t) => t.title === '다른 관리자가 먼저 수정했습니다')).toBe(true));
    const t = toast.list().find((x) => x.title === '다른 관리자가 먼저 수정했습니다')!;
    expect(t.description).toContain("'취소'");
    expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)).toMatchObject({ status: 'cancelled', version: 5 });
  });
});

describe('notes (optimistic)', () => {
  it('adds the note at the top at once and removes it again on error', async () => {
    const queryClient = createTestQueryClient();
    const key = applicationQueries.notes(1).queryKey;
    queryClient.setQueryData<NoteList>(key, { items: [], total: 0, page: 1, page_size: 100, total_pages: 0 });
    const gate = deferred();
    server.use(
      http.post(`${APP}/notes`, async () => {
        await gate.promise;
        return HttpResponse.json({ code: 'validation_error', message: '내용을 확인해 주세요.' }, { status: 422 });
      }),
      http.get(`${APP}/notes`, () => HttpResponse.json({ items: [], total: 0, page: 1, page_size: 100, total_pages: 0 })),
      http.get(APP, () => HttpResponse.json(applicationViewFixture())),
    );
    const { result } = renderHook(() => useAddNote(1), { wrapper: createWrapper(queryClient) });
    act(() => result.current.mutate('고객과 통화함'));
    await waitFor(() => expect(queryClient.getQueryData<NoteList>(key)?.items[0]?.content).toBe('고객과 통화함'));
    expect(queryClient.getQueryData<NoteList>(key)?.items[0]?.id).toBeLessThan(0);
    gate.resolve();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData<NoteList>(key)?.items).toEqual([]);
    expect(toast.list().at(-1)?.description).toBe('내용을 확인해 주세요.');
  });
});

describe('assignments (optimistic)', () => {
  const assignmentsKey = applicationQueries.assignments(1).queryKey;

  it('shows a new assignment card before the server answers, then returns the schedule conflicts', async () => {
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData<AssignmentOut[]>(assignmentsKey, []);
    const gate = deferred();
    let idem: string | null = null;
    server.use(
      http.post(`${APP}/assignments`, async ({ request }) => {
        idem = request.headers.get('Idempotency-Key');
        await gate.promise;
        return HttpResponse.json(
          {
            assignment: assignmentFixture({ id: 50, status: 'scheduled', scheduled_date: '2026-12-20' }),
            application_status: 'scheduled',
            application_version: 4,
            schedule_conflicts: [{ assignment_id: 9, application_id: 2, application_number: '20261126-001', scheduled_date: '2026-12-20', scheduled_time: '14:00', status: 'scheduled' }],
          },
          { status: 201 },
        );
      }),
      http.get(`${APP}/assignments`, () => HttpResponse.json([assignmentFixture({ id: 50 })])),
      http.get(APP, () => HttpResponse.json(applicationViewFixture({ status: 'scheduled', version: 4 }))),
      http.get(`${APP}/*`, () => HttpResponse.json({})),
    );
    const { result } = renderHook(() => useCreateAssignment(1), { wrapper });
    const onSuccess = vi.fn();
    act(() =>
      result.current.mutate(
        {
          idempotencyKey: 'key-1',
          display: { partnerName: '믿음설비', services: [{ code: 'SINK', name: '씽크대' }] },
          values: { partnerId: 4, serviceCodes: ['SINK'], scheduledDate: '2026-12-20', scheduledTime: '14:00', estimatedCost: 150000, finalCost: null, estimateNote: null, note: null, sendSms: false },
        },
        { onSuccess },
      ),
    );
    await waitFor(() => expect(queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)).toHaveLength(1));
    const optimistic = queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)![0]!;
    expect(optimistic).toMatchObject({ partner_name: '믿음설비', status: 'scheduled', scheduled_time: '14:00' });
    expect(optimistic.id).toBeLessThan(0);
    gate.resolve();
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(idem).toBe('key-1');
    expect(onSuccess.mock.calls[0]![0].schedule_conflicts[0].application_number).toBe('20261126-001');
    expect(queryClient.getQueryData<ApplicationDetail>(applicationQueries.detail(1).queryKey)?.status).toBe('scheduled');
  });

  it('takes the card away again when the server refuses', async () => {
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData<AssignmentOut[]>(assignmentsKey, []);
    server.use(
      http.post(`${APP}/assignments`, () => HttpResponse.json({ code: 'partner_not_approved', message: '승인된 협력사만 배정할 수 있습니다.' }, { status: 422 })),
      http.get(`${APP}/assignments`, () => HttpResponse.json([])),
      http.get(APP, () => HttpResponse.json(applicationViewFixture())),
      http.get(`${APP}/*`, () => HttpResponse.json({})),
    );
    const { result } = renderHook(() => useCreateAssignment(1), { wrapper });
    act(() =>
      result.current.mutate({
        idempotencyKey: 'k',
        display: { partnerName: 'X', services: [] },
        values: { partnerId: 9, serviceCodes: ['SINK'], scheduledDate: null, scheduledTime: null, estimatedCost: null, finalCost: null, estimateNote: null, note: null, sendSms: false },
      }),
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)).toEqual([]);
    expect(toast.list().at(-1)).toMatchObject({ title: '배정을 저장하지 못했습니다', description: '승인된 협력사만 배정할 수 있습니다.' });
  });

  it('batch status: all selected cards move at once and move back on error', async () => {
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData<AssignmentOut[]>(assignmentsKey, [assignmentFixture({ id: 1 }), assignmentFixture({ id: 2 }), assignmentFixture({ id: 3 })]);
    const gate = deferred();
    server.use(
      http.patch(`${APP}/assignments/batch-status`, async () => {
        await gate.promise;
        return HttpResponse.json({ code: 'server_error', message: '서버 오류' }, { status: 500 });
      }),
      http.get(`${APP}/assignments`, () => HttpResponse.json([])),
      http.get(APP, () => HttpResponse.json(applicationViewFixture())),
      http.get(`${APP}/*`, () => HttpResponse.json({})),
    );
    const { result } = renderHook(() => useBatchAssignmentStatus(1), { wrapper });
    act(() => result.current.mutate({ ids: [1, 3], status: 'scheduled', sendSms: true }));
    await waitFor(() =>
      expect(queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)?.map((a) => a.status)).toEqual(['scheduled', 'pending', 'scheduled']),
    );
    gate.resolve();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)?.map((a) => a.status)).toEqual(['pending', 'pending', 'pending']);
  });

  it('edit: on 409 version_conflict refetches the assignments and names the current state', async () => {
    const { queryClient, wrapper } = setup();
    queryClient.setQueryData<AssignmentOut[]>(assignmentsKey, [assignmentFixture({ id: 11, version: 1 })]);
    server.use(
      http.put(`${APP}/assignments/11`, () => HttpResponse.json({ code: 'version_conflict', message: '다른 사용자가 먼저 수정했습니다.' }, { status: 409 })),
      http.get(`${APP}/assignments`, () =>
        HttpResponse.json([assignmentFixture({ id: 11, version: 2, status: 'completed', status_label: '완료', scheduled_date: '2026-12-20', scheduled_time: '14:00' })]),
      ),
      http.get(APP, () => HttpResponse.json(applicationViewFixture())),
      http.get(`${APP}/*`, () => HttpResponse.json({})),
    );
    const { result } = renderHook(() => useUpdateAssignment(1), { wrapper });
    act(() => result.current.mutate({ assignmentId: 11, patch: { version: 1, status: 'scheduled', scheduled_date: '2026-12-21' } }));
    await waitFor(() => expect(toast.list().some((t) => t.title === '다른 관리자가 먼저 수정했습니다')).toBe(true));
    expect(toast.list().find((t) => t.title === '다른 관리자가 먼저 수정했습니다')?.description).toContain("'완료'");
    await waitFor(() => expect(queryClient.getQueryData<AssignmentOut[]>(assignmentsKey)?.[0]?.version).toBe(2));
  });
});

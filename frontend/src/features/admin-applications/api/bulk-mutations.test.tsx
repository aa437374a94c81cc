import { act, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { toast } from '@/components/ui/toast';
import { smsBaseKeys } from '@/lib/sms';
import { applicationFixture, applicationListFixture } from '@/testing/admin-fixtures';
import { createTestQueryClient, createWrapper, renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { fillTemplate, unfilledPlaceholders, validateCustomerMessage } from '../components/customer-message';
import { CustomerMessageSheet } from '../components/customer-message-sheet';

import { applicationQueries } from './application-queries';
import { useBulkAssign, useSendCustomerMessage } from './bulk-mutations';

afterEach(() => toast.clear());

// jsdom has no modal dialogs: open the sheet's <dialog> the way a browser would.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('useBulkAssign', () => {
  it('posts the selection with an Idempotency-Key, then invalidates every list and each affected detail only', async () => {
    const queryClient = createTestQueryClient();
    for (const id of [1, 2, 3]) queryClient.setQueryData(applicationQueries.detail(id).queryKey, applicationFixture({ id }));
    queryClient.setQueryData(applicationQueries.list({ page: 2 }).queryKey, applicationListFixture(2));
    let body: unknown = null;
    let key: string | null = null;
    server.use(
      http.post(`${API}/admin/applications/bulk-assign`, async ({ request }) => {
        body = await request.json();
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json({
          message: '1건 배정, 1건 실패',
          success_count: 1,
          failed_count: 1,
          results: [
            { application_id: 1, application_number: '20261127-001', success: true, message: '배정했습니다.', service_codes: ['SINK'], schedule_conflicts: [] },
            { application_id: 2, application_number: '20261127-002', success: false, code: 'services_not_covered', message: '협력사가 맡을 수 있는 미배정 서비스가 없습니다.', service_codes: [], schedule_conflicts: [] },
          ],
        });
      }),
      http.get(`${API}/admin/applications`, () => HttpResponse.json(applicationListFixture(2))),
      http.get(`${API}/admin/applications/:id`, () => HttpResponse.json(applicationFixture())),
    );
    const { result } = renderHook(() => useBulkAssign(), { wrapper: createWrapper(queryClient) });
    act(() => result.current.mutate({ application_ids: [1, 2], partner_id: 7, scheduled_date: '2030-04-01', scheduled_time: null, send_sms: false }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    expect(body).toEqual({ application_ids: [1, 2], partner_id: 7, scheduled_date: '2030-04-01', scheduled_time: null, send_sms: false });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(queryClient.getQueryState(applicationQueries.list({ page: 2 }).queryKey)?.isInvalidated).toBe(true));
    expect(queryClient.getQueryState(applicationQueries.detail(1).queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(applicationQueries.detail(2).queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(applicationQueries.detail(3).queryKey)?.isInvalidated).toBe(false);
  });

  it('uses a new Idempotency-Key for the next submission once the server has answered', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${API}/admin/applications/bulk-assign`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.json({ message: '', success_count: 0, failed_count: 0, results: [] });
      }),
    );
    const { result } = renderHook(() => useBulkAssign(), { wrapper: createWrapper(createTestQueryClient()) });
    await act(() => result.current.mutateAsync({ application_ids: [1], partner_id: 7 }));
    await act(() => result.current.mutateAsync({ application_ids: [1], partner_id: 7 }));
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('customer message form', () => {
  it('fills known template values and reports what is left', () => {
    const text = fillTemplate('{customer_name}님, {application_number} 신청 안내. {view_url}', { customer_name: '홍길동', application_number: '20261127-001' });
    expect(text).toBe('홍길동님, 20261127-001 신청 안내. {view_url}');
    expect(unfilledPlaceholders(text)).toEqual(['{view_url}']);
  });

  it('validates text, length, placeholders and pictures', () => {
    const jpeg = new File(['x'], 'a.jpg', { type: 'image/jpeg' });
    expect(validateCustomerMessage('  ', [])).toBe('메시지를 입력해 주세요.');
    expect(validateCustomerMessage('가'.repeat(1001), [])).toMatch(/2,000바이트/);
    expect(validateCustomerMessage('{view_url} 확인', [])).toBe('채우지 않은 항목이 있습니다: {view_url}');
    expect(validateCustomerMessage('안녕하세요', [jpeg, jpeg, jpeg, jpeg])).toBe('사진은 3장까지 보낼 수 있습니다.');
    expect(validateCustomerMessage('안녕하세요', [new File(['x'], 'a.pdf', { type: 'application/pdf' })])).toBe('사진 파일만 첨부할 수 있습니다.');
    expect(validateCustomerMessage('안녕하세요', [jpeg, jpeg, jpeg])).toBeNull();
  });

  it('sends to the application customer as MMS when pictures are attached and refreshes the SMS log', async () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(smsBaseKeys.logs(), { pages: [] });
    let form: FormData | null = null;
    let key: string | null = null;
    server.use(
      http.post(`${API}/admin/sms/send-mms`, async ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        form = await request.formData();
        return HttpResponse.json({ id: 9, status: 'queued', message_type: 'MMS', byte_length: 20, recipient_masked: '010-****-5678', image_file_ids: [4] }, { status: 202 });
      }),
    );
    const { result } = renderHook(() => useSendCustomerMessage(5), { wrapper: createWrapper(queryClient) });
    act(() => result.current.mutate({ message: '사진 보내 드립니다', images: [new File(['jpeg'], 'a.jpg', { type: 'image/jpeg' })] }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(key).toBeTruthy();
    expect(form!.get('application_id')).toBe('5');
    expect(form!.get('recipient_kind')).toBe('customer');
    expect(form!.getAll('images')).toHaveLength(1);
    await waitFor(() => expect(queryClient.getQueryState(smsBaseKeys.logs())?.isInvalidated).toBe(true));
  });

  it('the sheet refuses an empty message, then sends a template filled for this customer and confirms', async () => {
    let sent: Record<string, unknown> | null = null;
    server.use(
      http.get(`${API}/company`, () => HttpResponse.json({ name: '테스트홈케어', phone: '0311234567' })),
      http.get(`${API}/admin/sms-templates`, () =>
        HttpResponse.json([
          { id: 3, key: 'hello', title: '인사', description: '', content: '{customer_name}님 안녕하세요. {company_name}입니다.', subject: null, variables: ['customer_name'], is_active: true, is_system: false, updated_by: null, created_at: '', updated_at: '' },
        ]),
      ),
      http.post(`${API}/admin/sms-templates/preview`, () => HttpResponse.json({ preview: '', byte_length: 40, message_type: 'SMS', unsupported_characters: [] })),
      http.post(`${API}/admin/sms/send`, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ id: 9, status: 'queued', message_type: 'SMS', byte_length: 40, recipient_masked: '010-****-5678', image_file_ids: [] }, { status: 202 });
      }),
    );
    const onClose = vi.fn();
    const { user } = renderWithProviders(<CustomerMessageSheet app={applicationFixture({ id: 5 })} open onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: '보내기' }));
    expect(await screen.findByText('메시지를 입력해 주세요.')).toBeInTheDocument();

    const templates = await screen.findByRole('combobox', { name: /템플릿/ });
    await waitFor(() => expect(screen.getByRole('option', { name: '인사' })).toBeInTheDocument());
    await user.selectOptions(templates, '인사');
    expect(screen.getByRole('textbox', { name: /메시지/ })).toHaveValue(`${applicationFixture().customer_name}님 안녕하세요. 테스트홈케어입니다.`);
    await user.click(screen.getByRole('button', { name: '보내기' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toMatchObject({ application_id: 5, recipient_kind: 'customer' });
    expect(String(sent!['message'])).toContain(`${applicationFixture().customer_name}님 안녕하세요.`);
    expect(toast.list().at(-1)).toMatchObject({ tone: 'success', title: 'SMS 발송을 등록했습니다' });
  });
});

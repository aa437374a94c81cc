import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { SmsTemplateCreate, SmsTemplateRead } from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import { renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { TemplatesPage } from './templates-page';

afterEach(() => toast.clear());

function template(id: number, patch: Partial<SmsTemplateRead> = {}): SmsTemplateRead {
  return {
    id,
    key: `key_${id}`,
    title: `템플릿 ${id}`,
    description: '',
    content: '{customer_name}님 안녕하세요.',
    subject: null,
    variables: ['customer_name'],
    is_active: true,
    is_system: false,
    updated_by: 1,
    created_at: '2026-01-10T01:00:00Z',
    updated_at: '2026-01-10T01:00:00Z',
    ...patch,
  };
}

function serve(list: SmsTemplateRead[]) {
  server.use(
    http.get(`${API}/admin/sms-templates`, () => HttpResponse.json(list)),
    http.post(`${API}/admin/sms-templates/preview`, async ({ request }) => {
      const body = (await request.json()) as { content: string };
      const text = `[집사] ${body.content}`;
      return HttpResponse.json({ original: body.content, preview: text, subject: null, byte_length: text.length * 2, message_type: text.length * 2 > 90 ? 'LMS' : 'SMS', unsupported_characters: [] });
    }),
  );
}

describe('TemplatesPage: new template', () => {
  it('inserts placeholders at the caret, previews with bytes and type, and sends the used variables', async () => {
    const list = [template(1, { is_system: true, title: '접수 확인' })];
    serve(list);
    let sent: SmsTemplateCreate | null = null;
    server.use(
      http.post(`${API}/admin/sms-templates`, async ({ request }) => {
        sent = (await request.json()) as SmsTemplateCreate;
        list.push(template(2, { ...sent, title: sent.title }));
        return HttpResponse.json(template(2, { ...sent }), { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: '새 템플릿' }));
    const form = screen.getByRole('form', { name: '새 템플릿' });
    await user.type(within(form).getByLabelText(/템플릿 키/), 'winter_notice');
    await user.type(within(form).getByLabelText(/^이름/), '겨울 안내');
    const content = within(form).getByLabelText(/^내용/);
    await user.type(content, '님, 눈이 옵니다.');
    // Caret to the very start, then insert: the placeholder goes where the caret is, not at the end.
    (content as HTMLTextAreaElement).setSelectionRange(0, 0);
    await user.click(within(form).getByRole('button', { name: '고객 이름 변수 넣기' }));
    expect(content).toHaveValue('{customer_name}님, 눈이 옵니다.');
    await user.click(within(form).getByRole('button', { name: '회사 전화 변수 넣기' }));

    const preview = await screen.findByLabelText('미리보기');
    await waitFor(() => expect(within(preview).getByText(/\{customer_name\}\{company_phone\}님/)).toBeInTheDocument());
    expect(within(preview).getByText('SMS')).toBeInTheDocument();
    expect(within(preview).getByTestId('preview-bytes')).toHaveTextContent('바이트');

    await user.click(within(form).getByRole('button', { name: '템플릿 만들기' }));
    await waitFor(() => expect(sent).not.toBeNull());
    // Company values are filled from the profile: only the customer's name is declared.
    expect(sent).toMatchObject({ key: 'winter_notice', title: '겨울 안내', variables: ['customer_name'] });
    await waitFor(() => expect(screen.queryByRole('form', { name: '새 템플릿' })).not.toBeInTheDocument());
    expect(toast.list().map((t) => t.title)).toContain('템플릿을 만들었습니다');
  });

  it('checks the key before sending, and shows the server refusals next to their fields', async () => {
    serve([]);
    let calls = 0;
    server.use(
      http.post(`${API}/admin/sms-templates`, async ({ request }) => {
        calls += 1;
        const body = (await request.json()) as SmsTemplateCreate;
        if (body.key === 'taken')
          return HttpResponse.json({ code: 'template_key_taken', message: '이미 사용 중인 템플릿 키입니다.', details: null }, { status: 409 });
        return HttpResponse.json(
          {
            code: 'unknown_placeholders',
            message: '사용할 수 없는 변수가 있습니다: {foo}',
            details: [{ field: 'content', message: '사용할 수 없는 변수: {foo}', allowed: ['company_name', 'company_phone'] }],
          },
          { status: 422 },
        );
      }),
    );
    const { user } = renderWithProviders(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: '새 템플릿' }));
    const form = screen.getByRole('form', { name: '새 템플릿' });
    const key = within(form).getByLabelText(/템플릿 키/);
    await user.type(key, 'Bad-Key');
    await user.type(within(form).getByLabelText(/^이름/), '안내');
    await user.type(within(form).getByLabelText(/^내용/), '안녕하세요 {{foo}');
    await user.click(within(form).getByRole('button', { name: '템플릿 만들기' }));
    expect(await within(form).findByText(/영문 소문자로 시작하고/)).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toBe(0);

    await user.clear(key);
    await user.type(key, 'taken');
    await user.click(within(form).getByRole('button', { name: '템플릿 만들기' }));
    expect(await within(form).findByText('이미 사용 중인 템플릿 키입니다.')).toBeInTheDocument();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(key).toHaveFocus());
    expect(key.getAttribute('aria-describedby')).toContain(within(form).getByText('이미 사용 중인 템플릿 키입니다.').id);

    await user.clear(key);
    await user.type(key, 'fresh_key');
    await user.click(within(form).getByRole('button', { name: '템플릿 만들기' }));
    expect(await within(form).findByText('사용할 수 없는 변수: {foo}')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^내용/)).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(within(form).getByLabelText(/^내용/)).toHaveFocus());
    expect(key).not.toHaveAttribute('aria-invalid');
    expect(calls).toBe(2);
  });
});

describe('TemplatesPage: delete', () => {
  it('offers delete only on custom templates and asks before deleting', async () => {
    const list = [template(1, { is_system: true, title: '접수 확인' }), template(2, { title: '겨울 안내' })];
    serve(list);
    let deleted: string | null = null;
    server.use(
      http.delete(`${API}/admin/sms-templates/:id`, ({ params }) => {
        deleted = String(params.id);
        list.splice(1, 1);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderWithProviders(<TemplatesPage />);
    await screen.findByRole('heading', { name: '겨울 안내' });
    expect(screen.queryByRole('button', { name: '접수 확인 삭제' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '겨울 안내 삭제' }));
    const dialog = screen.getByRole('dialog', { name: '템플릿 삭제' });
    expect(deleted).toBeNull();
    // "닫기" leaves everything as it was.
    await user.click(within(dialog).getAllByRole('button', { name: '닫기' }).at(-1)!);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(deleted).toBeNull();

    await user.click(screen.getByRole('button', { name: '겨울 안내 삭제' }));
    await user.click(within(screen.getByRole('dialog', { name: '템플릿 삭제' })).getByRole('button', { name: '삭제하기' }));
    await waitFor(() => expect(deleted).toBe('2'));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '겨울 안내' })).not.toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("keeps the dialog open with the API's Korean message when the server refuses", async () => {
    serve([template(3, { title: '가을 안내' })]);
    server.use(
      http.delete(`${API}/admin/sms-templates/:id`, () =>
        HttpResponse.json({ code: 'system_template', message: '시스템 템플릿은 삭제할 수 없습니다.', details: null }, { status: 409 }),
      ),
    );
    const { user } = renderWithProviders(<TemplatesPage />);
    await user.click(await screen.findByRole('button', { name: '가을 안내 삭제' }));
    const dialog = screen.getByRole('dialog', { name: '템플릿 삭제' });
    await user.click(within(dialog).getByRole('button', { name: '삭제하기' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('시스템 템플릿은 삭제할 수 없습니다.');
    expect(screen.getByRole('heading', { name: '가을 안내' })).toBeInTheDocument();
  });
});

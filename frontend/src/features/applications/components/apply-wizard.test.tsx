import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { catalogFixture, regionsFixture } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { ApplyWizard } from './apply-wizard';

function setup() {
  return renderWithProviders(<ApplyWizard categories={catalogFixture.categories} provinces={regionsFixture} />);
}

type User = ReturnType<typeof setup>['user'];

const next = (user: User) => user.click(screen.getByRole('button', { name: /^다음/ }));

async function fillToReview(user: User) {
  await user.click(screen.getByRole('checkbox', { name: /제초 작업/ }));
  await next(user);
  await user.type(screen.getByLabelText(/^이름/), '홍길동');
  await user.type(screen.getByLabelText(/^연락처/), '01012345678');
  await user.type(screen.getByLabelText(/^주소/), '경기도 양평군 서종면 문호리 1');
  await next(user);
  await user.type(screen.getByLabelText(/^요청 내용/), '마당 잡초를 정리하고 싶습니다. 약 100평입니다.');
  await next(user);
  await screen.findByRole('heading', { name: '입력하신 내용을 확인해 주세요' });
}

const submitButton = () => screen.getByRole('button', { name: '견적 요청하기' });

describe('ApplyWizard step validation', () => {
  it('requires at least one service and does not let PREPARING services be picked', async () => {
    const { user } = setup();
    const preparing = screen.getByRole('checkbox', { name: /제설 작업/ });
    expect(preparing).toHaveAttribute('aria-disabled', 'true');
    expect(within(preparing).getByText('준비 중')).toBeInTheDocument();
    await user.click(preparing);
    expect(preparing).toHaveAttribute('aria-checked', 'false');

    await next(user);
    expect(await screen.findByText('필요한 서비스를 1개 이상 선택해 주세요.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '어떤 서비스가 필요하세요?' })).toBeInTheDocument();
  });

  it('validates contact fields with Korean messages tied to the inputs, and hyphenates the phone', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('checkbox', { name: /제초 작업/ }));
    await next(user);
    const phone = screen.getByLabelText(/^연락처/);
    await user.type(phone, '0101234');
    expect(phone).toHaveValue('010-1234');
    await next(user);

    expect(await screen.findByText('이름을 2자 이상 입력해 주세요.')).toBeInTheDocument();
    const phoneError = screen.getByText(/올바른 전화번호를 입력해 주세요/);
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone.getAttribute('aria-describedby')).toContain(phoneError.id);
    expect(screen.getByText(/주소를 5자 이상/)).toBeInTheDocument();
    // Still on step 2.
    expect(screen.getByRole('heading', { name: '연락처와 주소를 알려 주세요' })).toBeInTheDocument();
  });

  it('fills the start of the free-text address from the region pickers', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('checkbox', { name: /제초 작업/ }));
    await next(user);
    await user.selectOptions(screen.getByRole('combobox', { name: '시/도' }), '41');
    await user.selectOptions(screen.getByRole('combobox', { name: '시/군/구' }), '41830');
    expect(screen.getByLabelText(/^주소/)).toHaveValue('경기도 양평군 ');
  });

  it('requires the privacy consent before submitting', async () => {
    const { user } = setup();
    await fillToReview(user);
    await user.click(submitButton());
    expect(await screen.findByText('개인정보 수집·이용에 동의해 주세요.')).toBeInTheDocument();
  });
});

describe('ApplyWizard submit', () => {
  it('sends multipart with an Idempotency-Key and shows the application number and duplicate notice', async () => {
    let received: { key: string | null; form: FormData } | null = null;
    server.use(
      http.post(`${API}/applications`, async ({ request }) => {
        received = { key: request.headers.get('Idempotency-Key'), form: await request.formData() };
        return HttpResponse.json(
          {
            application_number: '20260301-001',
            message: '신청이 접수되었습니다.',
            is_duplicate: true,
            duplicate_info: {
              existing_application_number: '20260228-004',
              existing_status: 'consulting',
              existing_status_label: '상담중',
              existing_created_at: '2026-02-28T01:00:00Z',
            },
          },
          { status: 201 },
        );
      }),
    );
    const { user } = setup();
    await fillToReview(user);
    await user.click(screen.getByLabelText(/개인정보 수집·이용에 동의합니다/));
    await user.click(submitButton());

    expect(await screen.findByText('20260301-001')).toBeInTheDocument();
    expect(screen.getByText('이미 진행 중인 신청이 있습니다')).toBeInTheDocument();
    expect(screen.getByText('20260228-004')).toBeInTheDocument();

    const { key, form } = received!;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(form.get('selected_services')).toBe('["WEEDING"]');
    expect(form.get('customer_phone')).toBe('01012345678');
    expect(form.get('privacy_consent')).toBe('true');
    expect(form.get('customer_name')).toBe('홍길동');
    expect(form.has('preferred_work_date')).toBe(false);
  });

  it('maps 422 field errors back onto the fields and jumps to the step that has them', async () => {
    server.use(
      http.post(`${API}/applications`, () =>
        HttpResponse.json(
          {
            code: 'validation_error',
            message: '입력값을 확인해 주세요.',
            details: [
              { field: 'customer_phone', message: '사용할 수 없는 전화번호입니다.' },
              { field: 'description', message: '허용되지 않는 내용이 있습니다.' },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = setup();
    await fillToReview(user);
    await user.click(screen.getByLabelText(/개인정보 수집·이용에 동의합니다/));
    await user.click(submitButton());

    // The earliest step with an error: contact (step 2).
    expect(await screen.findByRole('heading', { name: '연락처와 주소를 알려 주세요' })).toBeInTheDocument();
    expect(screen.getByText('사용할 수 없는 전화번호입니다.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^연락처/)).toHaveAttribute('aria-invalid', 'true');
    // The description error waits on its own step.
    await next(user);
    await waitFor(() => expect(screen.getByRole('heading', { name: '요청 내용을 적어 주세요' })).toBeInTheDocument());
  });

  it('reuses the same Idempotency-Key when retrying after a server error', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${API}/applications`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) return HttpResponse.json({ code: 'internal_error', message: '일시적인 오류입니다.' }, { status: 503 });
        return HttpResponse.json({ application_number: '20260301-002', message: '접수되었습니다.', is_duplicate: false, duplicate_info: null }, { status: 201 });
      }),
    );
    const { user } = setup();
    await fillToReview(user);
    await user.click(screen.getByLabelText(/개인정보 수집·이용에 동의합니다/));
    await user.click(submitButton());
    expect(await screen.findByText('일시적인 오류입니다.')).toBeInTheDocument();
    await user.click(submitButton());
    expect(await screen.findByText('20260301-002')).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(screen.queryByText('이미 진행 중인 신청이 있습니다')).not.toBeInTheDocument();
  });
});

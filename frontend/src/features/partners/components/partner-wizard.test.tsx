import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { catalogFixture, regionsFixture } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { API, server } from '@/testing/server';

import { PartnerWizard } from './partner-wizard';

function setup() {
  return renderWithProviders(<PartnerWizard categories={catalogFixture.categories} provinces={regionsFixture} />);
}
type User = ReturnType<typeof setup>['user'];
const next = (user: User) => user.click(screen.getByRole('button', { name: /^다음/ }));

async function toCompanyStep(user: User) {
  // Partners may offer services the company is still preparing.
  const preparing = screen.getByRole('checkbox', { name: /제설 작업/ });
  expect(preparing).not.toHaveAttribute('aria-disabled');
  await user.click(preparing);
  await next(user);
  await screen.findByRole('heading', { name: '업체 정보를 알려 주세요' });
}

describe('PartnerWizard business number', () => {
  it('rejects a number with a wrong check digit and accepts a valid one', async () => {
    const { user } = setup();
    await toCompanyStep(user);
    await user.type(screen.getByLabelText(/^업체명/), '푸른조경');
    await user.type(screen.getByLabelText(/^대표자 이름/), '김대표');
    const bn = screen.getByLabelText(/^사업자등록번호/);
    await user.type(bn, '1234567890');
    expect(bn).toHaveValue('123-45-67890');
    await next(user);
    expect(await screen.findByText(/올바른 사업자등록번호가 아닙니다/)).toBeInTheDocument();
    expect(bn).toHaveAttribute('aria-invalid', 'true');

    await user.clear(bn);
    await user.type(bn, '1234567891');
    await next(user);
    expect(await screen.findByRole('heading', { name: '연락처와 작업 지역' })).toBeInTheDocument();
  });

  it('leaves the business number optional', async () => {
    const { user } = setup();
    await toCompanyStep(user);
    await user.type(screen.getByLabelText(/^업체명/), '푸른조경');
    await user.type(screen.getByLabelText(/^대표자 이름/), '김대표');
    await next(user);
    expect(await screen.findByRole('heading', { name: '연락처와 작업 지역' })).toBeInTheDocument();
  });
});

describe('PartnerWizard submit', () => {
  it('requires a work region, uses the 양평군 preset, and posts JSON-encoded regions and services', async () => {
    let form: FormData | null = null;
    let key: string | null = null;
    server.use(
      http.post(`${API}/partners`, async ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        form = await request.formData();
        return HttpResponse.json({ message: '협력사 신청이 접수되었습니다.', is_duplicate: true, duplicate_type: 'business_number' }, { status: 201 });
      }),
    );
    const { user } = setup();
    await toCompanyStep(user);
    await user.type(screen.getByLabelText(/^업체명/), '푸른조경');
    await user.type(screen.getByLabelText(/^대표자 이름/), '김대표');
    await user.type(screen.getByLabelText(/^사업자등록번호/), '2208162517');
    await next(user);

    await user.type(screen.getByLabelText(/^연락처/), '0317701234');
    await user.type(screen.getByLabelText(/^사업장 주소/), '경기도 양평군 양평읍 1');
    await next(user);
    expect(await screen.findByText('작업 가능 지역을 1곳 이상 선택해 주세요.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /경기 양평군/ }));
    await next(user);
    await screen.findByRole('heading', { name: '업체 소개' });
    await next(user);
    await screen.findByRole('heading', { name: '입력하신 내용을 확인해 주세요' });
    expect(screen.getByText('경기 양평군')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '협력사 신청하기' }));
    expect(await screen.findByText('협력사 이용약관에 동의해 주세요.')).toBeInTheDocument();
    await user.click(screen.getByLabelText(/개인정보 수집·이용에 동의합니다/));
    await user.click(screen.getByLabelText(/협력사 이용약관에 동의합니다/));
    await user.click(screen.getByRole('button', { name: '협력사 신청하기' }));

    expect(await screen.findByText('협력사 신청이 접수되었습니다')).toBeInTheDocument();
    expect(screen.getByText(/같은 사업자등록번호로 이미 신청된 내역/)).toBeInTheDocument();
    const sent = form as unknown as FormData;
    expect(key).toBeTruthy();
    expect(JSON.parse(String(sent.get('work_regions')))).toEqual([{ province_code: '41', district_codes: ['41830'], all_districts: false }]);
    expect(JSON.parse(String(sent.get('service_codes')))).toEqual(['SNOW_REMOVAL']);
    expect(sent.get('business_number')).toBe('220-81-62517');
    expect(sent.get('contact_phone')).toBe('0317701234');
    expect(sent.get('terms_consent')).toBe('true');
    expect(sent.has('business_registration_file')).toBe(false);
  });
});

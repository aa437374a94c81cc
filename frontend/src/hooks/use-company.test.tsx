import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { COMPANY } from '@/config/company';
import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { useCompany } from './use-company';

describe('useCompany', () => {
  it('shows the built-in values while loading, then the settings from GET /company', async () => {
    server.use(
      http.get(`${API}/company`, () =>
        HttpResponse.json({ name: '새이름홈케어', phone: '02-123-4567', address: '서울', business_number: '123-45-67891', representative: '홍길동', email: 'a@b.kr', tagline: '새 문구' }),
      ),
    );
    const { result } = renderHook(() => useCompany(), { wrapper: createWrapper(createTestQueryClient()) });
    expect(result.current).toMatchObject({ name: COMPANY.name, phone: COMPANY.phone, loaded: false });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current).toMatchObject({ name: '새이름홈케어', phone: '02-123-4567', representative: '홍길동', businessNumber: '123-45-67891', tagline: '새 문구' });
  });

  it('keeps the fallback when the request fails', async () => {
    server.use(http.get(`${API}/company`, () => HttpResponse.json({ code: 'x', message: 'x' }, { status: 404 })));
    const client = createTestQueryClient();
    const { result } = renderHook(() => useCompany(), { wrapper: createWrapper(client) });
    await waitFor(() => expect(client.getQueryState(['company', 'profile'])?.status).toBe('error'));
    expect(result.current.phone).toBe(COMPANY.phone);
  });
});

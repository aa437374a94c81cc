import { http, HttpResponse } from 'msw';

import { catalogServices } from '@/client/sdk.gen';
import { API, server } from '@/testing/server';

import { getCurrentAdmin } from './admin-auth-api';
import './api-client';
import { authSession } from './auth-session';
import { ApiError, NETWORK_ERROR_MESSAGE } from './errors';

const pair = (access: string, refresh: string) => ({
  access_token: access,
  refresh_token: refresh,
  expires_in: 900,
  token_type: 'bearer',
  admin: { id: 1, email: 'a@example.com', name: '관리자', role: 'super_admin' },
});

afterEach(() => authSession.clear());

describe('error parsing', () => {
  it('turns the backend error body into an ApiError with status, code, message and details', async () => {
    server.use(
      http.get(`${API}/services`, () =>
        HttpResponse.json(
          { code: 'validation_error', message: '입력값을 확인해 주세요.', details: [{ field: 'customer_name', message: '이름은 2자 이상' }] },
          { status: 422 },
        ),
      ),
    );
    const error = await catalogServices({ throwOnError: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.code).toBe('validation_error');
    expect(apiError.message).toBe('입력값을 확인해 주세요.');
    expect(apiError.fieldErrors).toEqual([{ field: 'customer_name', message: '이름은 2자 이상' }]);
  });

  it('falls back to a Korean message per status when the body is not JSON', async () => {
    server.use(http.get(`${API}/services`, () => new HttpResponse('Bad gateway', { status: 502 })));
    const error = (await catalogServices({ throwOnError: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toMatch(/서버/);
  });

  it('reads Retry-After on 429', async () => {
    server.use(
      http.get(`${API}/services`, () =>
        HttpResponse.json({ code: 'rate_limited', message: '잠시 후 다시 시도해 주세요.' }, { status: 429, headers: { 'Retry-After': '30' } }),
      ),
    );
    const error = (await catalogServices({ throwOnError: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfter).toBe(30);
  });

  it('gives network failures status 0 and a Korean message', async () => {
    server.use(http.get(`${API}/services`, () => HttpResponse.error()));
    const error = (await catalogServices({ throwOnError: true }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetwork).toBe(true);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
  });
});

describe('abort', () => {
  it('rejects with an AbortError (not an ApiError) when the signal aborts', async () => {
    server.use(
      http.get(`${API}/services`, async () => {
        await new Promise((r) => setTimeout(r, 200));
        return HttpResponse.json({ categories: [] });
      }),
    );
    const controller = new AbortController();
    const pending = catalogServices({ signal: controller.signal, throwOnError: true });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('admin auth: one 401 → refresh → retry', () => {
  it('sends the bearer token, refreshes once on 401 and retries with the new token', async () => {
    const seen: (string | null)[] = [];
    let refreshCalls = 0;
    server.use(
      http.get(`${API}/admin/auth/me`, ({ request }) => {
        const auth = request.headers.get('Authorization');
        seen.push(auth);
        if (auth !== 'Bearer new-access') return HttpResponse.json({ code: 'token_expired', message: '다시 로그인해 주세요.' }, { status: 401 });
        return HttpResponse.json(pair('x', 'y').admin);
      }),
      http.post(`${API}/admin/auth/refresh`, async ({ request }) => {
        refreshCalls += 1;
        const body = (await request.json()) as { refresh_token: string };
        expect(body.refresh_token).toBe('old-refresh');
        return HttpResponse.json(pair('new-access', 'new-refresh'));
      }),
    );
    authSession.store(pair('old-access', 'old-refresh'));

    const data = await getCurrentAdmin();
    expect(data.name).toBe('관리자');
    expect(seen).toEqual(['Bearer old-access', 'Bearer new-access']);
    expect(refreshCalls).toBe(1);
    expect(authSession.getRefreshToken()).toBe('new-refresh');
  });

  it('shares one refresh between concurrent 401s', async () => {
    let refreshCalls = 0;
    server.use(
      http.get(`${API}/admin/auth/me`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer new-access'
          ? HttpResponse.json(pair('x', 'y').admin)
          : HttpResponse.json({ code: 'token_expired', message: '만료' }, { status: 401 }),
      ),
      http.post(`${API}/admin/auth/refresh`, async () => {
        refreshCalls += 1;
        await new Promise((r) => setTimeout(r, 20));
        return HttpResponse.json(pair('new-access', 'new-refresh'));
      }),
    );
    authSession.store(pair('old-access', 'old-refresh'));
    await Promise.all([getCurrentAdmin(), getCurrentAdmin(), getCurrentAdmin()]);
    expect(refreshCalls).toBe(1);
  });

  it('ends the session when the refresh token is rejected, and surfaces the 401', async () => {
    server.use(
      http.get(`${API}/admin/auth/me`, () => HttpResponse.json({ code: 'token_expired', message: '만료' }, { status: 401 })),
      http.post(`${API}/admin/auth/refresh`, () => HttpResponse.json({ code: 'invalid_token', message: '다시 로그인해 주세요.' }, { status: 401 })),
    );
    authSession.store(pair('old-access', 'old-refresh'));
    const error = (await getCurrentAdmin().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(authSession.hasSession()).toBe(false);
  });

  it('never attaches the token to public endpoints', async () => {
    let auth: string | null = 'unset';
    server.use(
      http.get(`${API}/services`, ({ request }) => {
        auth = request.headers.get('Authorization');
        return HttpResponse.json({ categories: [] });
      }),
    );
    authSession.store(pair('old-access', 'old-refresh'));
    await catalogServices({ throwOnError: true });
    expect(auth).toBeNull();
  });
});

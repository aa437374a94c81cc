import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { filenameFromDisposition } from '@/lib/admin-file';
import { authSession } from '@/lib/auth-session';
import { deferred } from '@/testing/admin-fixtures';
import { API, server } from '@/testing/server';

import { useAdminFileUrl } from './use-admin-file-url';

describe('useAdminFileUrl', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    authSession.clear();
  });

  it('fetches with the bearer header, shows an object URL and revokes it on unmount', async () => {
    authSession.store({ access_token: 'tok', refresh_token: 'r', expires_in: 900, admin: { id: 1, email: 'a@b.kr', name: '관리자', role: 'admin' } });
    let auth: string | null = null;
    server.use(
      http.get(`${API}/admin/files/5`, ({ request }) => {
        auth = request.headers.get('Authorization');
        return new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/jpeg' } });
      }),
    );
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:photo-5');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { result, unmount } = renderHook(() => useAdminFileUrl('/api/v1/admin/files/5?variant=thumbnail'));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', url: 'blob:photo-5' }));
    expect(auth).toBe('Bearer tok');
    expect(create).toHaveBeenCalledOnce();
    unmount();
    expect(revoke).toHaveBeenCalledWith('blob:photo-5');
  });

  it('aborts the download when unmounted first', async () => {
    let signal: AbortSignal | null = null;
    const never = deferred();
    server.use(
      http.get(`${API}/admin/files/6`, async ({ request }) => {
        signal = request.signal;
        await never.promise;
        return new HttpResponse(null);
      }),
    );
    const { unmount } = renderHook(() => useAdminFileUrl('/api/v1/admin/files/6'));
    await waitFor(() => expect(signal).not.toBeNull());
    unmount();
    await waitFor(() => expect(signal!.aborted).toBe(true));
    never.resolve();
  });

  it('reports an error for a refused file', async () => {
    server.use(http.get(`${API}/admin/files/7`, () => HttpResponse.json({ code: 'file_not_found', message: '없음' }, { status: 404 })));
    const { result } = renderHook(() => useAdminFileUrl('/api/v1/admin/files/7'));
    await waitFor(() => expect(result.current.status).toBe('error'));
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the RFC 6266 filename*', () => {
    expect(filenameFromDisposition(`attachment; filename="x.pdf"; filename*=UTF-8''%EC%82%AC%EC%97%85%EC%9E%90.pdf`, 'f')).toBe('사업자.pdf');
    expect(filenameFromDisposition('attachment; filename="plain.png"', 'f')).toBe('plain.png');
    expect(filenameFromDisposition(null, 'fallback.pdf')).toBe('fallback.pdf');
  });
});

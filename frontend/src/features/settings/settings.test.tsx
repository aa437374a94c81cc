import { render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import type { AdminRead, PageAdminRead } from '@/client/types.gen';
import { AuditPage } from '@/features/audit/components/audit-page';
import { adminAuthKeys } from '@/lib/admin-auth-api';
import { createTestQueryClient, createWrapper } from '@/testing/render';
import { API, server } from '@/testing/server';

import { SettingsPage } from './components/settings-page';

const me: AdminRead = {
  id: 1,
  email: 'boss@example.com',
  name: '김대표',
  phone: '01012345678',
  role: 'super_admin',
  is_active: true,
  last_login_at: null,
  created_at: '2026-01-02T00:00:00Z',
};

const admins: PageAdminRead = {
  items: [me, { ...me, id: 2, email: 'staff@example.com', name: '이직원', role: 'admin' }],
  total: 2,
  page: 1,
  page_size: 100,
  total_pages: 1,
};

function countingHandlers() {
  const seen: string[] = [];
  server.use(
    http.get(`${API}/admin/settings/profile`, ({ request }) => {
      seen.push(new URL(request.url).pathname);
      return HttpResponse.json(me);
    }),
    http.get(`${API}/admin/admins`, ({ request }) => {
      seen.push(new URL(request.url).pathname);
      return HttpResponse.json(admins);
    }),
    http.get(`${API}/admin/audit-logs`, () => HttpResponse.json({ items: [], next_cursor: null })),
  );
  return seen;
}

describe('settings data', () => {
  it('starts the profile from the signed-in admin the app already holds: no profile request', async () => {
    const seen = countingHandlers();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(adminAuthKeys.me(), me);
    render(<SettingsPage />, { wrapper: createWrapper(queryClient, '/admin/settings') });
    expect(await screen.findByRole('tab', { name: '내 정보' })).toBeInTheDocument();
    expect(screen.getByDisplayValue('김대표')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
  });

  it('refetches the profile when the signed-in record is older than a record may be', async () => {
    const seen = countingHandlers();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(adminAuthKeys.me(), me, { updatedAt: Date.now() - 5 * 60 * 1000 });
    render(<SettingsPage />, { wrapper: createWrapper(queryClient, '/admin/settings') });
    await waitFor(() => expect(seen).toEqual(['/api/v1/admin/settings/profile']));
  });

  it('the admins tab and the audit filter read one shared admin list: one request', async () => {
    const seen = countingHandlers();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(adminAuthKeys.me(), me);
    const settings = render(<SettingsPage />, { wrapper: createWrapper(queryClient, '/admin/settings?tab=admins') });
    const list = await screen.findByRole('list', { name: '관리자 계정' });
    expect(within(list).getByText('이직원')).toBeInTheDocument();
    settings.unmount();

    render(<AuditPage />, { wrapper: createWrapper(queryClient, '/admin/audit') });
    const filter = screen.getByRole('combobox', { name: '관리자' });
    expect(within(filter).getByRole('option', { name: /이직원/ })).toBeInTheDocument();
    expect(seen).toEqual(['/api/v1/admin/admins']);
  });
});

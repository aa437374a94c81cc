import { useQuery } from '@tanstack/react-query';
import {
  CalendarDays,
  ClipboardList,
  ExternalLink,
  Handshake,
  LayoutDashboard,
  LogOut,
  Menu,
  MessageSquare,
  QrCode,
  ScrollText,
  Settings,
  X,
  type LucideIcon,
} from 'lucide-react';
import { useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';

import { PageSpinner } from '@/components/layout/route-states';
import { Button } from '@/components/ui/button';
import { Toaster } from '@/components/ui/toast';
import { COMPANY } from '@/config/company';
import { adminAuthQueries, useHasSession, useLogout } from '@/features/admin-auth';
import { cn } from '@/lib/cn';
import { errorMessage, isApiError } from '@/lib/errors';

export const ADMIN_NAV: { to: string; label: string; Icon: LucideIcon; end?: boolean }[] = [
  { to: '/admin', label: '대시보드', Icon: LayoutDashboard, end: true },
  { to: '/admin/applications', label: '신청 관리', Icon: ClipboardList },
  { to: '/admin/partners', label: '협력사 관리', Icon: Handshake },
  { to: '/admin/schedule', label: '일정 관리', Icon: CalendarDays },
  { to: '/admin/sms', label: '문자 관리', Icon: MessageSquare },
  { to: '/admin/audit', label: '감사 로그', Icon: ScrollText },
  { to: '/admin/qr-code', label: 'QR코드 생성', Icon: QrCode },
  { to: '/admin/settings', label: '설정', Icon: Settings },
];

function titleOf(pathname: string): string {
  const match = [...ADMIN_NAV].sort((a, b) => b.to.length - a.to.length).find((n) => pathname === n.to || pathname.startsWith(`${n.to}/`));
  return match?.label ?? '관리자';
}

function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="관리자 메뉴" className="flex flex-col gap-1 p-3">
      {ADMIN_NAV.map(({ to, label, Icon, end }) => (
        <NavLink
          key={to}
          to={to}
          end={end ?? false}
          onClick={onNavigate}
          className={({ isActive }) =>
            cn(
              'flex min-h-12 items-center gap-3 rounded-xl px-3 font-semibold',
              isActive ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100',
            )
          }
        >
          <Icon className="size-5" aria-hidden="true" />
          {label}
        </NavLink>
      ))}
      <Link to="/" className="mt-4 flex min-h-12 items-center gap-3 rounded-xl px-3 text-slate-600 hover:bg-slate-100">
        <ExternalLink className="size-5" aria-hidden="true" />
        홈페이지 보기
      </Link>
    </nav>
  );
}

/** Protected admin frame: verifies the session with the server before rendering anything. */
export function Component() {
  const hasSession = useHasSession();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [drawer, setDrawer] = useState(false);
  const me = useQuery({ ...adminAuthQueries.me(), enabled: hasSession });

  if (!hasSession) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/admin/login?next=${next}`} replace />;
  }
  if (me.isPending) return <PageSpinner label="로그인 정보를 확인하는 중" />;
  if (me.isError && !(isApiError(me.error) && me.error.status === 401)) {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-4 text-center" role="alert">
        <p className="text-lg">{errorMessage(me.error)}</p>
        <Button onClick={() => void me.refetch()}>다시 시도</Button>
      </main>
    );
  }

  const admin = me.data;
  const title = titleOf(location.pathname);
  return (
    <div className="flex min-h-dvh bg-slate-100">
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="border-b border-slate-200 px-5 py-4 text-lg font-extrabold text-brand-700">{COMPANY.name} 관리자</div>
        <SideNav />
      </aside>

      {drawer && (
        <div className="fixed inset-0 z-40 lg:hidden" role="dialog" aria-modal="true" aria-label="관리자 메뉴">
          <button type="button" className="absolute inset-0 bg-black/40" aria-label="메뉴 닫기" onClick={() => setDrawer(false)} />
          <div className="absolute inset-y-0 left-0 flex w-72 flex-col bg-white shadow-xl">
            <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
              <span className="text-lg font-extrabold text-brand-700">{COMPANY.name} 관리자</span>
              <button type="button" onClick={() => setDrawer(false)} className="flex size-12 items-center justify-center rounded-lg hover:bg-slate-100" aria-label="메뉴 닫기">
                <X className="size-6" aria-hidden="true" />
              </button>
            </div>
            <SideNav onNavigate={() => setDrawer(false)} />
          </div>
        </div>
      )}

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
          <button
            type="button"
            className="flex size-12 items-center justify-center rounded-lg hover:bg-slate-100 lg:hidden"
            aria-label="메뉴 열기"
            aria-expanded={drawer}
            onClick={() => setDrawer(true)}
          >
            <Menu className="size-6" aria-hidden="true" />
          </button>
          <h1 className="flex-1 text-xl font-bold">{title}</h1>
          {admin && (
            <span className="hidden text-slate-700 sm:inline">
              {admin.name} <span className="text-sm text-slate-500">({admin.role === 'super_admin' ? '최고관리자' : '관리자'})</span>
            </span>
          )}
          <Button
            variant="ghost"
            onClick={() => {
              logout();
              navigate('/admin/login', { replace: true });
            }}
          >
            <LogOut className="size-5" aria-hidden="true" />
            로그아웃
          </Button>
        </header>
        <main id="main-content" className="flex-1 p-4 lg:p-6">
          <Outlet />
        </main>
        <Toaster />
      </div>
    </div>
  );
}

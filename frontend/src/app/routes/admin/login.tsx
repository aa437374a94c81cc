import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { Logo } from '@/components/layout/public-layout';
import { LoginForm, useHasSession } from '@/features/admin-auth';

/** Only same-site admin paths are accepted as a post-login target (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith('/admin') && !value.startsWith('//') ? value : '/admin';
}

export function Component() {
  const hasSession = useHasSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (hasSession) return <Navigate to={next} replace />;
  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center bg-slate-100 px-4 py-10">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-sm">
        <Logo />
        <h1 className="mt-6 text-2xl font-bold">관리자 로그인</h1>
        <p className="mt-1 mb-6 text-slate-600">관리자 계정으로 로그인해 주세요.</p>
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
}

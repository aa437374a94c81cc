import { useQuery } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import type { AdminRead, AdminRole } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';
import { digitsOnly, formatPhone } from '@/lib/phone';

import { settingsQueries, useCreateAdmin, useUpdateAdmin } from '../api/settings-api';

const ROLE_LABEL: Record<AdminRole, string> = { super_admin: '최고관리자', admin: '관리자' };

function CreateAdminDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateAdmin();
  const [form, setForm] = useState({ email: '', name: '', phone: '', password: '', role: 'admin' as AdminRole });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (!/^\S+@\S+\.\S+$/.test(form.email)) return setProblem('이메일을 확인해 주세요.');
    if (form.name.trim().length < 2) return setProblem('이름을 2자 이상 입력해 주세요.');
    if (form.password.length < 8) return setProblem('비밀번호는 8자 이상이어야 합니다.');
    create.mutate(
      { email: form.email.trim(), name: form.name.trim(), phone: digitsOnly(form.phone) || null, password: form.password, role: form.role },
      {
        onSuccess: () => {
          setForm({ email: '', name: '', phone: '', password: '', role: 'admin' });
          onClose();
        },
      },
    );
  };
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Dialog open={open} onClose={onClose} title="관리자 추가">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">이메일</span>
          <Input type="email" value={form.email} onChange={(e) => set({ email: e.target.value })} autoComplete="off" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">이름</span>
          <Input value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">
            휴대폰 <span className="text-sm font-normal text-slate-500">(선택)</span>
          </span>
          <Input inputMode="tel" value={form.phone} onChange={(e) => set({ phone: formatPhone(e.target.value) })} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">처음 비밀번호 (8자 이상)</span>
          <Input type="password" value={form.password} onChange={(e) => set({ password: e.target.value })} autoComplete="new-password" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">권한</span>
          <Select value={form.role} onChange={(e) => set({ role: e.target.value as AdminRole })}>
            <option value="admin">관리자</option>
            <option value="super_admin">최고관리자</option>
          </Select>
        </label>
        {(problem || create.isError) && (
          <Alert tone="error" live>
            {problem ?? errorMessage(create.error)}
          </Alert>
        )}
        <Button type="submit" loading={create.isPending}>
          추가
        </Button>
      </form>
    </Dialog>
  );
}

function AdminRow({ admin, isSelf }: { admin: AdminRead; isSelf: boolean }) {
  const update = useUpdateAdmin();
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {admin.name} {isSelf && <Badge tone="info">나</Badge>} {!admin.is_active && <Badge tone="danger">비활성</Badge>}
        </p>
        <p className="truncate text-sm text-slate-600">
          {admin.email}
          {admin.phone ? ` · ${formatPhone(admin.phone)}` : ''}
        </p>
        <p className="text-sm text-slate-500">최근 로그인 {admin.last_login_at ? formatKoreanDateTime(admin.last_login_at) : '없음'}</p>
        {update.isError && (
          <p role="alert" className="mt-1 font-medium text-red-700">
            {errorMessage(update.error)}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <Select
          aria-label={`${admin.name} 권한`}
          className="min-h-12! w-40! text-base!"
          value={admin.role}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: admin.id, body: { role: e.target.value as AdminRole } })}
        >
          <option value="admin">{ROLE_LABEL.admin}</option>
          <option value="super_admin">{ROLE_LABEL.super_admin}</option>
        </Select>
        <Button
          size="md"
          variant={admin.is_active ? 'outline' : 'secondary'}
          loading={update.isPending}
          onClick={() => update.mutate({ id: admin.id, body: { is_active: !admin.is_active } })}
        >
          {admin.is_active ? '비활성화' : '활성화'}
        </Button>
      </div>
    </li>
  );
}

/** Super admins only: the accounts, with role and active switches (the API refuses self-demotion and the last super admin). */
export function AdminsTab({ selfId }: { selfId: number }) {
  const admins = useQuery(settingsQueries.admins());
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <Button className="self-start" onClick={() => setCreating(true)}>
        <UserPlus className="size-5" aria-hidden="true" />
        관리자 추가
      </Button>
      {admins.isPending ? (
        <Spinner />
      ) : admins.isError ? (
        <Alert tone="error" live>
          {errorMessage(admins.error)}
        </Alert>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="관리자 계정">
          {admins.data.items.map((a) => (
            <AdminRow key={a.id} admin={a} isSelf={a.id === selfId} />
          ))}
        </ul>
      )}
      <CreateAdminDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

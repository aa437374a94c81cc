import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';

import { settingsQueries } from '../api/settings-api';

import { AdminsTab } from './admins-tab';
import { CompanyTab } from './company-tab';
import { PasswordTab } from './password-tab';
import { ProfileTab } from './profile-tab';

type TabId = 'profile' | 'password' | 'admins' | 'company';

/** `/admin/settings`: profile, password, admin accounts (super admins), company profile (super admins edit). */
export function SettingsPage() {
  const profile = useQuery(settingsQueries.profile(useQueryClient()));
  const [params, setParams] = useSearchParams();
  if (profile.isPending) return <Spinner />;
  if (profile.isError)
    return (
      <Alert tone="error" live>
        {errorMessage(profile.error)}
      </Alert>
    );
  const me = profile.data;
  const isSuper = me.role === 'super_admin';
  const tabs: { id: TabId; label: string }[] = [
    { id: 'profile', label: '내 정보' },
    { id: 'password', label: '비밀번호' },
    ...(isSuper ? [{ id: 'admins' as const, label: '관리자 계정' }] : []),
    { id: 'company', label: '회사 정보' },
  ];
  const requested = params.get('tab') as TabId | null;
  const tab: TabId = tabs.some((t) => t.id === requested) ? requested! : 'profile';

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <div role="tablist" aria-label="설정" className="grid grid-cols-2 gap-1 rounded-xl bg-white p-1 shadow-sm sm:flex">
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => setParams({ tab: t.id }, { replace: true })}
            className={cn('min-h-12 shrink-0 rounded-lg px-4 font-semibold whitespace-nowrap', tab === t.id ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100')}
          >
            {t.label}
          </button>
        ))}
      </div>
      <Card id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'profile' && <ProfileTab profile={me} />}
        {tab === 'password' && <PasswordTab />}
        {tab === 'admins' && isSuper && <AdminsTab selfId={me.id} />}
        {tab === 'company' && <CompanyTab canEdit={isSuper} />}
      </Card>
    </div>
  );
}

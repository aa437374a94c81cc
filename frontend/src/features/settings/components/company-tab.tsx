import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import type { CompanyProfileOut, CompanyProfileUpdate, VatMode } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/errors';

import { settingsQueries, useUpdateCompany } from '../api/settings-api';

type TextKey = 'name' | 'phone' | 'sms_prefix' | 'address' | 'business_number' | 'representative' | 'email' | 'bank_account' | 'stamp_text' | 'tagline' | 'sms_sender';

const FIELDS: { key: TextKey; label: string; hint?: string }[] = [
  { key: 'name', label: '회사 이름' },
  { key: 'representative', label: '대표자' },
  { key: 'business_number', label: '사업자등록번호' },
  { key: 'phone', label: '대표 전화' },
  { key: 'email', label: '이메일' },
  { key: 'address', label: '주소' },
  { key: 'bank_account', label: '입금 계좌', hint: '견적서에 표시됩니다.' },
  { key: 'stamp_text', label: '직인 문구' },
  { key: 'tagline', label: '한 줄 소개' },
  { key: 'sms_prefix', label: '문자 머리말', hint: '모든 문자 앞에 붙습니다. 예) [전방홈케어]' },
  { key: 'sms_sender', label: '문자 발신 번호', hint: '통신사에 등록된 번호여야 합니다.' },
];

const VAT_LABEL: Record<VatMode, string> = { included: '부가세 포함', excluded: '부가세 별도', none: '부가세 없음' };

function CompanyForm({ company, canEdit }: { company: CompanyProfileOut; canEdit: boolean }) {
  const update = useUpdateCompany();
  const [draft, setDraft] = useState<CompanyProfileOut>(company);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CompanyProfileUpdate = {};
    for (const { key } of FIELDS) if (draft[key] !== company[key]) body[key] = draft[key];
    if (draft.vat_mode !== company.vat_mode) body.vat_mode = draft.vat_mode;
    if (draft.reminder_hour !== company.reminder_hour) body.reminder_hour = draft.reminder_hour;
    update.mutate(body);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {!canEdit && (
        <Alert tone="info">회사 정보는 최고관리자만 고칠 수 있습니다.</Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {FIELDS.map(({ key, label, hint }) => (
          <label key={key} className="flex flex-col gap-1">
            <span className="font-semibold">{label}</span>
            <Input value={draft[key]} readOnly={!canEdit} disabled={!canEdit} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
            {hint && <span className="text-sm text-slate-600">{hint}</span>}
          </label>
        ))}
        <label className="flex flex-col gap-1">
          <span className="font-semibold">견적 부가세</span>
          <Select value={draft.vat_mode} disabled={!canEdit} onChange={(e) => setDraft((d) => ({ ...d, vat_mode: e.target.value as VatMode }))}>
            {Object.entries(VAT_LABEL).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">일정 알림 시각</span>
          <Select value={draft.reminder_hour} disabled={!canEdit} onChange={(e) => setDraft((d) => ({ ...d, reminder_hour: Number(e.target.value) }))}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {h}시
              </option>
            ))}
          </Select>
          <span className="text-sm text-slate-600">작업 전날 이 시각에 알림 문자를 보냅니다.</span>
        </label>
      </div>
      {update.isSuccess && (
        <Alert tone="success" live>
          저장했습니다.
        </Alert>
      )}
      {update.isError && (
        <Alert tone="error" live>
          {errorMessage(update.error)}
        </Alert>
      )}
      {canEdit && (
        <Button type="submit" className="self-start" loading={update.isPending}>
          저장
        </Button>
      )}
    </form>
  );
}

export function CompanyTab({ canEdit }: { canEdit: boolean }) {
  const company = useQuery(settingsQueries.company());
  if (company.isPending) return <Spinner />;
  if (company.isError)
    return (
      <Alert tone="error" live>
        {errorMessage(company.error)}
      </Alert>
    );
  return <CompanyForm company={company.data} canEdit={canEdit} />;
}

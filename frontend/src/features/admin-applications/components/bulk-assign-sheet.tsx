import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useMemo, useState } from 'react';

import type { BulkAssignResult } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input, Select } from '@/components/ui/input';
import { Sheet } from '@/components/ui/sheet';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';

import { applicationQueries } from '../api/application-queries';
import { useBulkAssign } from '../api/bulk-mutations';
import type { Selection } from '../hooks/use-list-selection';

import { TIME_OPTIONS } from './assignment-dialog';

function Results({ result }: { result: BulkAssignResult }) {
  return (
    <div className="flex flex-col gap-4">
      <Alert tone={result.failed_count === 0 ? 'success' : result.success_count === 0 ? 'error' : 'warning'} title="일괄 배정 결과" live>
        <p>
          <strong>{result.success_count}건</strong> 배정, <strong>{result.failed_count}건</strong> 건너뜀
        </p>
      </Alert>
      <ul className="flex flex-col gap-2" aria-label="신청별 결과">
        {result.results.map((r) => (
          <li
            key={r.application_id}
            className={cn('flex flex-col gap-1 rounded-xl border p-3', r.success ? 'border-leaf-100 bg-leaf-50' : 'border-amber-200 bg-amber-50')}
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-semibold tabular-nums">{r.application_number ?? `#${r.application_id}`}</span>
              <Badge tone={r.success ? 'success' : 'warning'}>{r.success ? '배정됨' : '건너뜀'}</Badge>
            </span>
            <span className="text-slate-700">{r.message}</span>
          </li>
        ))}
      </ul>
      {result.failed_count > 0 && <p className="text-slate-600">건너뛴 신청은 선택된 채로 남아 있어 다른 협력사로 다시 배정할 수 있습니다.</p>}
    </div>
  );
}

/**
 * "일괄 배정": one approved partner for every selected application (each gets an assignment for the services the
 * partner covers and nobody has yet), an optional date and time, an optional SMS; then the result per application.
 */
export function BulkAssignSheet({
  open,
  selection,
  onClose,
}: {
  open: boolean;
  selection: Selection;
  /** `failedIds`: the applications that were not assigned (to stay selected); null when nothing was sent. */
  onClose: (failedIds: number[] | null) => void;
}) {
  const partners = useQuery({ ...applicationQueries.approvedPartners(), enabled: open });
  const assign = useBulkAssign();
  const [search, setSearch] = useState('');
  const [partnerId, setPartnerId] = useState<number | null>(null);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [sendSms, setSendSms] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const selected = useMemo(() => [...selection.values()], [selection]);
  const options = useMemo(() => {
    const term = search.trim().toLowerCase();
    return (partners.data ?? [])
      .filter((p) => !term || p.company_name.toLowerCase().includes(term))
      .map((p) => {
        const offered = new Set(p.service_codes);
        return { ...p, covers: selected.filter((a) => a.serviceCodes.some((c) => offered.has(c))).length };
      })
      .sort((a, b) => b.covers - a.covers || a.company_name.localeCompare(b.company_name, 'ko'));
  }, [partners.data, search, selected]);

  const close = () => {
    const result = assign.data;
    setSearch('');
    setPartnerId(null);
    setDate('');
    setTime('');
    setSendSms(false);
    setFormError(null);
    assign.reset();
    onClose(result ? result.results.filter((r) => !r.success).map((r) => r.application_id) : null);
  };

  function submit() {
    setFormError(null);
    if (partnerId === null) return setFormError('배정할 협력사를 고르세요.');
    if (time && !date) return setFormError('시간을 고르려면 날짜도 정해 주세요.');
    assign.mutate({
      application_ids: selected.map((a) => a.id),
      partner_id: partnerId,
      scheduled_date: date || null,
      scheduled_time: date && time ? time : null,
      send_sms: sendSms,
    });
  }

  return (
    <Sheet
      open={open}
      onClose={close}
      title="일괄 배정"
      footer={
        assign.data ? (
          <Button className="w-full" size="lg" onClick={close}>
            닫기
          </Button>
        ) : (
          <Button className="w-full" size="lg" loading={assign.isPending} onClick={submit}>
            {selected.length}건 배정하기
          </Button>
        )
      }
    >
      {assign.data ? (
        <Results result={assign.data} />
      ) : (
        <div className="flex flex-col gap-5">
          <p className="text-slate-700">
            선택한 신청 <strong>{selected.length}건</strong>에 한 협력사를 배정합니다. 협력사가 맡는 서비스 중 아직 배정되지 않은 것만 배정되고, 맡을 서비스가 없는
            신청은 건너뜁니다.
          </p>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 font-semibold">협력사</legend>
            <label className="relative">
              <span className="sr-only">협력사 검색</span>
              <Search className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400" aria-hidden="true" />
              <Input className="pl-10" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="업체명으로 찾기" />
            </label>
            {partners.isPending ? (
              <p className="text-slate-600">협력사 목록을 불러오는 중…</p>
            ) : partners.isError ? (
              <Alert tone="error">{errorMessage(partners.error)}</Alert>
            ) : options.length === 0 ? (
              <p className="text-slate-600">승인된 협력사가 없습니다.</p>
            ) : (
              <ul className="flex max-h-72 flex-col gap-1.5 overflow-y-auto" aria-label="승인된 협력사">
                {options.map((p) => (
                  <li key={p.id}>
                    <label
                      className={cn(
                        'flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border-2 px-3 py-2',
                        partnerId === p.id ? 'border-brand-700 bg-brand-50' : 'border-slate-200 hover:border-slate-300',
                      )}
                    >
                      <input type="radio" name="bulk-partner" className="size-5 accent-brand-700" checked={partnerId === p.id} onChange={() => setPartnerId(p.id)} />
                      <span className="flex min-w-0 flex-1 flex-col">
                        <span className="font-semibold break-keep">{p.company_name}</span>
                        <span className={cn('text-sm', p.covers === 0 ? 'text-amber-800' : 'text-slate-600')}>
                          {p.covers === 0 ? '선택한 신청의 서비스를 맡지 않음' : `${selected.length}건 중 ${p.covers}건 맡을 수 있음`}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1.5 font-semibold">
              작업 날짜 (선택)
              <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1.5 font-semibold">
              시간 (선택)
              <Select value={time} onChange={(e) => setTime(e.target.value)} disabled={!date}>
                <option value="">미정</option>
                {TIME_OPTIONS.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          <p className="-mt-3 text-sm text-slate-600">날짜를 정하면 모든 배정이 그 날짜로 일정 확정됩니다.</p>
          <Checkbox
            label="배정 안내 문자 보내기"
            description="배정된 신청마다 고객과 협력사에 안내 문자를 보냅니다."
            checked={sendSms}
            onChange={(e) => setSendSms(e.target.checked)}
          />
          {formError && (
            <Alert tone="error" live>
              {formError}
            </Alert>
          )}
          {assign.error && (
            <Alert tone="error" live title="배정하지 못했습니다">
              {errorMessage(assign.error)}
            </Alert>
          )}
        </div>
      )}
    </Sheet>
  );
}

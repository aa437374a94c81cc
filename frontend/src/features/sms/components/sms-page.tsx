import { FileText, ListChecks, MessageSquarePlus, RefreshCw, Send, Users } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import type { MessageStatus, MessageType, SmsItem, TriggerSource } from '@/client/types.gen';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { formatKoreanDateTime } from '@/lib/dates';
import { errorMessage } from '@/lib/errors';

import type { SmsLogFilters } from '../api/sms-api';
import { useResendSms, useSmsLogs, useSmsStats } from '../hooks/use-sms';
import { STATUS_LABEL, TRIGGER_LABEL, TYPE_LABEL } from '../labels';

import { BulkSheet } from './bulk-sheet';
import { SendSheet } from './send-sheet';
import { SmsDetailDialog } from './sms-detail-dialog';

function StatsCards() {
  const stats = useSmsStats();
  const s = stats.data;
  const cards = [
    { label: '오늘 발송', value: s?.today.sent, tone: 'text-leaf-700' },
    { label: '오늘 실패', value: s?.today.failed, tone: 'text-red-700' },
    { label: '이번 달 발송', value: s?.this_month.sent, tone: 'text-brand-700' },
    { label: '대기 중', value: s?.total.queued, tone: 'text-slate-900' },
    { label: '전체', value: s?.total.total, tone: 'text-slate-900' },
  ];
  return (
    <section aria-label="발송 통계" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((c) => (
        <Card key={c.label} className="p-4 last:col-span-2 sm:last:col-span-1">
          <p className="text-sm text-slate-600">{c.label}</p>
          <p className={`text-2xl font-extrabold ${c.tone}`}>{c.value === undefined ? '–' : c.value.toLocaleString()}</p>
        </Card>
      ))}
    </section>
  );
}

const FILTER_SELECT = 'min-h-12! px-2! text-base!';

function Filters({ value, onChange }: { value: SmsLogFilters; onChange: (f: SmsLogFilters) => void }) {
  const [search, setSearch] = useState(value.search ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...value, search: search.trim() || undefined });
  };
  return (
    <form onSubmit={submit} className="grid grid-cols-3 gap-2 lg:grid-cols-[repeat(3,minmax(0,10rem))_1fr] lg:gap-3" aria-label="문자 기록 필터">
      <Select className={FILTER_SELECT} aria-label="상태" value={value.status ?? ''} onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as MessageStatus | undefined })}>
        <option value="">상태</option>
        {Object.entries(STATUS_LABEL).map(([k, v]) => (
          <option key={k} value={k}>
            {v.label}
          </option>
        ))}
      </Select>
      <Select className={FILTER_SELECT} aria-label="종류" value={value.message_type ?? ''} onChange={(e) => onChange({ ...value, message_type: (e.target.value || undefined) as MessageType | undefined })}>
        <option value="">종류</option>
        {Object.entries(TYPE_LABEL).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </Select>
      <Select className={FILTER_SELECT} aria-label="구분" value={value.trigger ?? ''} onChange={(e) => onChange({ ...value, trigger: (e.target.value || undefined) as TriggerSource | undefined })}>
        <option value="">구분</option>
        {Object.entries(TRIGGER_LABEL).map(([k, v]) => (
          <option key={k} value={k}>
            {v.label}
          </option>
        ))}
      </Select>
      <div className="col-span-3 flex gap-2 lg:col-span-1">
        <Input inputMode="numeric" aria-label="전화번호 검색" placeholder="전화번호 또는 뒤 4자리" value={search} onChange={(e) => setSearch(e.target.value)} className="min-h-12! text-base!" />
        <Button type="submit" variant="outline">
          검색
        </Button>
      </div>
    </form>
  );
}

function ResendButton({ item }: { item: SmsItem }) {
  const resend = useResendSms();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="outline"
        loading={resend.isPending}
        onClick={(e) => {
          e.stopPropagation();
          resend.mutate(item);
        }}
      >
        <RefreshCw className="size-4" aria-hidden="true" />
        재발송
      </Button>
      {resend.isError && (
        <span role="alert" className="text-sm text-red-700">
          {errorMessage(resend.error)}
        </span>
      )}
    </div>
  );
}

function Row({ item, onOpen }: { item: SmsItem; onOpen: () => void }) {
  const pending = item.id < 0;
  return (
    <tr className={pending ? 'bg-brand-50/60' : 'hover:bg-slate-50'} aria-busy={pending || undefined}>
      <td className="px-3 py-3 whitespace-nowrap">{item.recipient_masked}</td>
      <td className="max-w-md px-3 py-3">
        <button type="button" className="line-clamp-2 text-left hover:underline disabled:no-underline" onClick={onOpen} disabled={pending}>
          {item.text}
        </button>
      </td>
      <td className="px-3 py-3">
        <Badge tone={TRIGGER_LABEL[item.trigger].tone}>{TRIGGER_LABEL[item.trigger].label}</Badge>
      </td>
      <td className="px-3 py-3 whitespace-nowrap">{item.message_type}</td>
      <td className="px-3 py-3">
        <Badge tone={STATUS_LABEL[item.status].tone}>{pending ? '재발송 요청 중' : STATUS_LABEL[item.status].label}</Badge>
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap text-slate-600">{formatKoreanDateTime(item.sent_at ?? item.created_at)}</td>
      <td className="px-3 py-3">{item.status === 'failed' && <ResendButton item={item} />}</td>
    </tr>
  );
}

function MobileItem({ item, onOpen }: { item: SmsItem; onOpen: () => void }) {
  const pending = item.id < 0;
  return (
    <li className="flex flex-col gap-2 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{item.recipient_masked}</span>
        <Badge tone={STATUS_LABEL[item.status].tone}>{pending ? '재발송 요청 중' : STATUS_LABEL[item.status].label}</Badge>
        <Badge tone={TRIGGER_LABEL[item.trigger].tone}>{TRIGGER_LABEL[item.trigger].label}</Badge>
        <span className="text-sm text-slate-600">{item.message_type}</span>
      </div>
      <button type="button" className="line-clamp-3 text-left" onClick={onOpen} disabled={pending}>
        {item.text}
      </button>
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm text-slate-600">{formatKoreanDateTime(item.sent_at ?? item.created_at)}</span>
        {item.status === 'failed' && <ResendButton item={item} />}
      </div>
    </li>
  );
}

/** `/admin/sms`: statistics, the filtered log with keyset paging, detail, resend, and the two send sheets. */
export function SmsPage() {
  const [filters, setFilters] = useState<SmsLogFilters>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const [sheet, setSheet] = useState<'send' | 'bulk' | null>(null);
  const logs = useSmsLogs(filters);
  const items = logs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setSheet('send')}>
          <Send className="size-5" aria-hidden="true" />
          문자 발송
        </Button>
        <Button variant="outline" onClick={() => setSheet('bulk')}>
          <Users className="size-5" aria-hidden="true" />
          복수 발송
        </Button>
        <Link to="/admin/sms/bulk" className={buttonClasses('ghost', 'md', 'sm:ml-auto')}>
          <ListChecks className="size-5" aria-hidden="true" />
          대량 발송 내역
        </Link>
        <Link to="/admin/sms/templates" className={buttonClasses('ghost', 'md')}>
          <FileText className="size-5" aria-hidden="true" />
          템플릿 관리
        </Link>
      </div>
      <StatsCards />
      <Card className="flex flex-col gap-4 p-4">
        <Filters value={filters} onChange={setFilters} />
        {logs.isPending ? (
          <Spinner />
        ) : logs.isError ? (
          <Alert tone="error" live>
            {errorMessage(logs.error)}
          </Alert>
        ) : items.length === 0 ? (
          <EmptyState icon={MessageSquarePlus} title="문자 기록이 없습니다">
            조건을 바꾸거나 새 문자를 보내 보세요.
          </EmptyState>
        ) : (
          <>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full text-left">
                <caption className="sr-only">문자 발송 기록</caption>
                <thead className="border-b border-slate-200 text-sm text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">받는 분</th>
                    <th scope="col" className="px-3 py-2">내용</th>
                    <th scope="col" className="px-3 py-2">구분</th>
                    <th scope="col" className="px-3 py-2">종류</th>
                    <th scope="col" className="px-3 py-2">상태</th>
                    <th scope="col" className="px-3 py-2">시간</th>
                    <th scope="col" className="px-3 py-2"><span className="sr-only">작업</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {items.map((item) => (
                    <Row key={item.id} item={item} onOpen={() => setOpenId(item.id)} />
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="-mx-4 divide-y divide-slate-100 md:hidden" aria-label="문자 발송 기록">
              {items.map((item) => (
                <MobileItem key={item.id} item={item} onOpen={() => setOpenId(item.id)} />
              ))}
            </ul>
            {logs.hasNextPage && (
              <Button variant="outline" className="self-center" loading={logs.isFetchingNextPage} onClick={() => void logs.fetchNextPage()}>
                더 보기
              </Button>
            )}
          </>
        )}
      </Card>
      <SmsDetailDialog id={openId} onClose={() => setOpenId(null)} />
      <SendSheet open={sheet === 'send'} onClose={() => setSheet(null)} />
      <BulkSheet open={sheet === 'bulk'} onClose={() => setSheet(null)} />
    </div>
  );
}

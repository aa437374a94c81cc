import { ArrowRight, CheckCircle2, ClipboardList, Clock, Handshake, Inbox } from 'lucide-react';
import { Link } from 'react-router';

import type { Funnel } from '@/client/types.gen';
import { StatCard } from '@/components/admin/stat-card';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';

import { useDashboard } from '../hooks/use-dashboard';

function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

function FunnelCard({ funnel }: { funnel: Funnel }) {
  const steps = [
    { label: '접수', value: funnel.submitted, rate: null as number | null },
    { label: '배정', value: funnel.assigned, rate: funnel.assigned_rate },
    { label: '완료', value: funnel.completed, rate: funnel.completed_rate },
  ];
  const max = Math.max(1, funnel.submitted);
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">처리 현황 (최근 {funnel.window_days}일)</h2>
        <span className="text-sm text-slate-500">{formatDate(funnel.since)}부터</span>
      </div>
      <ol className="flex flex-col gap-3" aria-label="접수에서 완료까지">
        {steps.map((s) => (
          <li key={s.label} className="flex items-center gap-3">
            <span className="w-10 shrink-0 font-semibold text-slate-700">{s.label}</span>
            <span className="relative h-8 flex-1 overflow-hidden rounded-lg bg-slate-100" aria-hidden="true">
              <span className="absolute inset-y-0 left-0 rounded-lg bg-brand-600" style={{ width: `${(s.value / max) * 100}%` }} />
            </span>
            <span className="w-24 shrink-0 text-right tabular-nums">
              <strong className="text-lg">{s.value.toLocaleString('ko-KR')}</strong>건
              {s.rate !== null && <span className="block text-sm text-slate-500">{percent(s.rate)}</span>}
            </span>
          </li>
        ))}
      </ol>
      <dl className="grid grid-cols-2 gap-3 border-t border-slate-200 pt-3 text-base">
        <div>
          <dt className="text-sm text-slate-600">첫 배정까지 (중앙값)</dt>
          <dd className="text-xl font-bold tabular-nums">
            {funnel.median_hours_to_assignment === null ? '-' : `${funnel.median_hours_to_assignment.toFixed(1)}시간`}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">취소</dt>
          <dd className="text-xl font-bold tabular-nums">{funnel.cancelled.toLocaleString('ko-KR')}건</dd>
        </div>
      </dl>
    </Card>
  );
}

export function DashboardView() {
  const { data, cards, isPending, isError, error, refetch } = useDashboard();

  if (isPending) {
    return (
      <div className="flex justify-center py-20">
        <Spinner label="대시보드를 불러오는 중" />
      </div>
    );
  }
  if (isError || !data || !cards) {
    return (
      <Alert tone="error" title="대시보드를 불러오지 못했습니다" live>
        <p>{errorMessage(error)}</p>
        <Button variant="outline" size="sm" className="mt-2 self-start" onClick={() => void refetch()}>
          다시 시도
        </Button>
      </Alert>
    );
  }

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <section className="rounded-2xl bg-brand-700 px-6 py-5 text-white">
        <p className="text-lg font-bold">안녕하세요. 오늘도 좋은 하루 되세요.</p>
        <p className="mt-1 text-brand-100">
          {formatDate(data.periods.today)} · 오늘 접수 {cards.today}건 · 이번 주 {cards.thisWeek}건
        </p>
      </section>

      <section aria-label="요약" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="신규 신청" value={cards.newCount} Icon={Inbox} to="/admin/applications?status=new" hint="상담 전" />
        <StatCard label="진행 중" value={cards.inProgress} Icon={Clock} to="/admin/applications" hint="상담·배정·일정확정" />
        <StatCard label="완료" value={cards.completed} Icon={CheckCircle2} to="/admin/applications?status=completed" />
        <StatCard
          label="협력사"
          value={cards.partners}
          Icon={Handshake}
          to="/admin/partners"
          hint={cards.partnersPending > 0 ? `승인 대기 ${cards.partnersPending}곳` : '승인 대기 없음'}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="flex flex-col gap-3 lg:col-span-2">
          <div className="flex items-center justify-between">
            <h2 className="flex items-center gap-2 text-lg font-bold">
              <ClipboardList className="size-5 text-brand-700" aria-hidden="true" />
              최근 신청
            </h2>
            <Link to="/admin/applications" className="inline-flex min-h-11 items-center gap-1 font-semibold text-brand-700 hover:underline">
              전체 보기 <ArrowRight className="size-4" aria-hidden="true" />
            </Link>
          </div>
          {data.recent_applications.length === 0 ? (
            <p className="py-6 text-center text-slate-600">아직 신청이 없습니다.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {data.recent_applications.map((a) => (
                <li key={a.id}>
                  <Link to={`/admin/applications/${a.id}`} className="flex min-h-14 items-center gap-3 rounded-lg px-2 py-2 hover:bg-slate-50">
                    <span className="tabular-nums text-sm text-slate-600">{a.number}</span>
                    <span className="flex-1 truncate font-semibold">{a.customer_name}</span>
                    <span className="hidden text-sm text-slate-500 sm:inline">{formatDateTime(a.created_at)}</span>
                    <StatusChip kind="application" status={a.status} label={a.status_label} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <FunnelCard funnel={data.funnel} />
      </div>

      <Card className="flex flex-col gap-3">
        <div className="flex items-center justify-between">
          <h2 className="flex items-center gap-2 text-lg font-bold">
            <Handshake className="size-5 text-brand-700" aria-hidden="true" />
            최근 협력사 신청
          </h2>
          <Link to="/admin/partners" className="inline-flex min-h-11 items-center gap-1 font-semibold text-brand-700 hover:underline">
            전체 보기 <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </div>
        {data.recent_partners.length === 0 ? (
          <p className="py-6 text-center text-slate-600">아직 협력사 신청이 없습니다.</p>
        ) : (
          <ul className="grid gap-x-6 divide-y divide-slate-100 md:grid-cols-2 md:divide-y-0">
            {data.recent_partners.map((p) => (
              <li key={p.id}>
                <Link to={`/admin/partners/${p.id}`} className="flex min-h-14 items-center gap-3 rounded-lg px-2 py-2 hover:bg-slate-50">
                  <span className="flex-1 truncate font-semibold">{p.company_name}</span>
                  <span className="text-sm text-slate-500">{formatDate(p.created_at)}</span>
                  <StatusChip kind="partner" status={p.status} label={p.status_label} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

import { ArrowLeft, CalendarDays, ClipboardList, MapPin, MessageSquareText, Phone, UserRound } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, isApiError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { telHref } from '@/lib/phone';

import { useApplicationDetail } from '../hooks/use-application-detail';

import { AssignmentsSection } from './assignments-section';
import { CustomerMessageSheet } from './customer-message-sheet';
import { PhotoGallery } from './photo-gallery';
import { CustomerHistoryPanel, HistoryPanel, NotesPanel } from './side-panels';
import { StatusControl } from './status-control';

function InfoCard({ Icon, label, children }: { Icon: typeof Phone; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-start gap-3 rounded-2xl border border-slate-200 bg-white p-3 sm:p-4">
      <Icon className="mt-0.5 hidden size-5 shrink-0 text-brand-700 sm:block" aria-hidden="true" />
      <div className="min-w-0">
        <p className="text-sm text-slate-600">{label}</p>
        <div className="text-base font-bold break-words sm:text-lg">{children}</div>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-base font-bold text-slate-700">{title}</h3>
      {children}
    </section>
  );
}

/** One application (`/admin/applications/:id`). */
export function ApplicationDetailView({ id }: { id: number }) {
  const { detail, notes, history, assignments, customerHistory, timeline, unassigned } = useApplicationDetail(id);
  const [messaging, setMessaging] = useState(false);

  if (detail.isPending) {
    return (
      <div className="flex justify-center py-20">
        <Spinner label="신청 정보를 불러오는 중" />
      </div>
    );
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Alert tone="error" title={notFound ? '신청을 찾을 수 없습니다' : '신청 정보를 불러오지 못했습니다'} live>
        <p>{errorMessage(detail.error)}</p>
        <div className="mt-2 flex gap-2">
          <Link to="/admin/applications" className="font-semibold underline">
            목록으로
          </Link>
          {!notFound && (
            <Button size="sm" variant="outline" onClick={() => void detail.refetch()}>
              다시 시도
            </Button>
          )}
        </div>
      </Alert>
    );
  }
  const app = detail.data;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <Link to="/admin/applications" className="inline-flex min-h-11 items-center gap-1 self-start font-semibold text-slate-700 hover:underline">
        <ArrowLeft className="size-5" aria-hidden="true" />
        신청 목록
      </Link>

      <header className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 lg:flex-row lg:items-center lg:justify-between">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="tabular-nums text-2xl font-extrabold">{app.number}</h2>
          <StatusChip kind="application" status={app.status} label={app.status_label} className="px-3 py-1 text-base" />
          {detail.isFetching && <Spinner className="size-4 text-slate-400" label="새로 불러오는 중" />}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="outline" onClick={() => setMessaging(true)}>
            <MessageSquareText className="size-5" aria-hidden="true" />
            문자 발송
          </Button>
          <StatusControl app={app} />
        </div>
      </header>
      <CustomerMessageSheet app={app} open={messaging} onClose={() => setMessaging(false)} />
      {app.status === 'cancelled' && app.cancel_reason && (
        <Alert tone="warning" title="취소된 신청">
          <p>사유: {app.cancel_reason}</p>
        </Alert>
      )}

      <section aria-label="요약" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <InfoCard Icon={UserRound} label="고객">
          {app.customer_name}
        </InfoCard>
        <InfoCard Icon={Phone} label="연락처">
          <a href={telHref(app.customer_phone)} className="text-brand-700 underline-offset-2 hover:underline">
            {app.customer_phone}
          </a>
        </InfoCard>
        <InfoCard Icon={CalendarDays} label="접수">
          <span className="text-base">{formatDateTime(app.created_at)}</span>
        </InfoCard>
        <InfoCard Icon={ClipboardList} label="서비스">
          {app.services.length}건
        </InfoCard>
      </section>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card className="flex flex-col gap-5">
            <h2 className="text-xl font-bold">신청 내용</h2>
            <Section title="요청 서비스">
              <div className="flex flex-wrap gap-2">
                {app.services.map((s) => (
                  <span key={s.code} className="rounded-full bg-brand-50 px-3 py-1 font-semibold text-brand-800">
                    {s.name}
                  </span>
                ))}
              </div>
            </Section>
            <Section title="주소">
              <p className="flex items-start gap-2">
                <MapPin className="mt-1 size-5 shrink-0 text-slate-500" aria-hidden="true" />
                <span>
                  {app.address} {app.address_detail}
                  {app.district_name && <span className="block text-sm text-slate-600">{app.district_name}</span>}
                </span>
              </p>
            </Section>
            <Section title="요청 내용">
              <p className="rounded-xl bg-slate-50 p-3 whitespace-pre-wrap">{app.description}</p>
            </Section>
            <Section title="희망 일정">
              <dl className="grid gap-2 sm:grid-cols-2">
                <div>
                  <dt className="text-sm text-slate-600">상담 희망일</dt>
                  <dd className="font-semibold">{app.preferred_consultation_date ? formatDate(app.preferred_consultation_date) : '없음'}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">작업 희망일</dt>
                  <dd className="font-semibold">{app.preferred_work_date ? formatDate(app.preferred_work_date) : '없음'}</dd>
                </div>
              </dl>
            </Section>
            <Section title={`사진 (${app.photos.length})`}>
              <PhotoGallery photos={app.photos} applicationId={app.id} number={app.number} />
            </Section>
          </Card>

          <AssignmentsSection
            app={app}
            assignments={assignments.data}
            assignmentsError={assignments.error}
            unassigned={unassigned}
          />
        </div>

        <aside className="flex min-w-0 flex-col gap-4" aria-label="메모와 이력">
          <NotesPanel applicationId={app.id} notes={notes.data} error={notes.error} />
          <HistoryPanel entries={timeline} loading={history.isPending} />
          <CustomerHistoryPanel history={customerHistory.data} />
        </aside>
      </div>
    </div>
  );
}

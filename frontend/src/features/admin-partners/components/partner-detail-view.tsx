import { AlertTriangle, ArrowLeft, Download, FileText, History, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import type { PartnerDetail } from '@/client/types.gen';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { downloadAdminFile } from '@/lib/admin-file';
import { authSession } from '@/lib/auth-session';
import { cn } from '@/lib/cn';
import { errorMessage, isApiError } from '@/lib/errors';
import { formatDate, formatDateTime, formatPhone } from '@/lib/format';
import { telHref } from '@/lib/phone';
import { partnerStatusLabel } from '@/lib/status';

import { useAddPartnerNote, useDeletePartnerNote } from '../api/partner-mutations';
import { usePartnerDetail, type PartnerTimelineEntry } from '../hooks/use-partner-detail';

import { PartnerStatusDialog, type PartnerStatusTarget } from './partner-status-dialog';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="shrink-0 text-sm text-slate-600 sm:w-32 sm:text-base">{label}</dt>
      <dd className="min-w-0 font-semibold break-words">{children}</dd>
    </div>
  );
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

function BusinessRegistration({ partner }: { partner: PartnerDetail }) {
  const [busy, setBusy] = useState(false);
  const file = partner.business_registration;
  if (!file) return <p className="text-slate-600">제출한 사업자등록증이 없습니다.</p>;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <FileText className="size-6 text-slate-500" aria-hidden="true" />
      <span className="min-w-0 flex-1 truncate">
        {file.original_name ?? '사업자등록증'} <span className="text-sm text-slate-500">({kb(file.size_bytes)})</span>
      </span>
      <Button
        size="sm"
        variant="outline"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await downloadAdminFile(file.url, file.original_name ?? `business_registration_${partner.id}`);
          } catch (error) {
            toast.error('파일을 받지 못했습니다', errorMessage(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Download className="size-4" aria-hidden="true" />
        내려받기
      </Button>
    </div>
  );
}

function Timeline({ partnerId, entries, loading }: { partnerId: number; entries: PartnerTimelineEntry[]; loading: boolean }) {
  const add = useAddPartnerNote(partnerId);
  const remove = useDeletePartnerNote(partnerId);
  const [text, setText] = useState('');
  const me = authSession.getAdmin();
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="flex items-center gap-2 text-lg font-bold">
        <History className="size-5 text-brand-700" aria-hidden="true" />
        관리 기록
      </h2>
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          add.mutate(text.trim());
          setText('');
        }}
      >
        <label htmlFor={`pnote-${partnerId}`} className="sr-only">
          새 메모
        </label>
        <textarea
          id={`pnote-${partnerId}`}
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          placeholder="통화 내용, 확인 사항 등을 남겨 주세요"
          className="min-h-20 rounded-xl border-2 border-slate-300 p-3 focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        />
        <Button type="submit" size="sm" className="self-end" disabled={!text.trim()}>
          메모 남기기
        </Button>
      </form>
      {entries.length === 0 ? (
        loading ? <Spinner label="기록을 불러오는 중" /> : <p className="text-slate-600">기록이 없습니다.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {entries.map((e) => {
            const pending = e.noteId !== null && e.noteId < 0;
            const canDelete = e.kind === 'memo' && !pending && me !== null && (e.adminId === me.id || me.role === 'super_admin');
            return (
              <li
                key={e.key}
                className={cn(
                  'rounded-xl border p-3',
                  e.kind === 'memo' ? 'border-slate-200' : e.kind === 'status' ? 'border-brand-200 bg-brand-50/50' : 'border-slate-100 bg-slate-50',
                  pending && 'opacity-60',
                )}
              >
                <div className="flex items-center gap-2 text-sm text-slate-600">
                  <span className="font-semibold text-slate-800">{e.title}</span>
                  <span className="ml-auto">{pending ? '저장 중…' : formatDateTime(e.at)}</span>
                  {canDelete && e.noteId !== null && (
                    <button
                      type="button"
                      className="flex size-9 items-center justify-center rounded-lg hover:bg-red-50 hover:text-red-700"
                      aria-label="메모 삭제"
                      onClick={() => {
                        if (window.confirm('이 메모를 삭제할까요?')) remove.mutate(e.noteId!);
                      }}
                    >
                      <Trash2 className="size-4" aria-hidden="true" />
                    </button>
                  )}
                </div>
                {e.body && <p className="mt-1 whitespace-pre-wrap">{e.body}</p>}
                {e.who && <p className="mt-1 text-sm text-slate-500">{e.who}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** One partner (`/admin/partners/:id`). */
export function PartnerDetailView({ id }: { id: number }) {
  const { detail, similar, timeline, notes, history } = usePartnerDetail(id);
  const [target, setTarget] = useState<PartnerStatusTarget | null>(null);

  if (detail.isPending) {
    return (
      <div className="flex justify-center py-20">
        <Spinner label="협력사 정보를 불러오는 중" />
      </div>
    );
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Alert tone="error" title={notFound ? '협력사를 찾을 수 없습니다' : '협력사 정보를 불러오지 못했습니다'} live>
        <p>{errorMessage(detail.error)}</p>
        <Link to="/admin/partners" className="mt-2 font-semibold underline">
          목록으로
        </Link>
      </Alert>
    );
  }
  const p = detail.data;
  const others = similar.data?.similar_partners ?? [];

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <Link to="/admin/partners" className="inline-flex min-h-11 items-center gap-1 self-start font-semibold text-slate-700 hover:underline">
        <ArrowLeft className="size-5" aria-hidden="true" />
        협력사 목록
      </Link>
      <header className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-extrabold">{p.company_name}</h2>
          <StatusChip kind="partner" status={p.status} label={p.status_label} className="px-3 py-1 text-base" />
        </div>
        <Button
          disabled={p.allowed_transitions.length === 0}
          onClick={() => setTarget({ partnerId: p.id, companyName: p.company_name, version: p.version, current: p.status, choices: p.allowed_transitions })}
        >
          상태 변경
        </Button>
      </header>

      {others.length > 0 && (
        <Alert tone="warning" title={`비슷한 협력사가 ${others.length}곳 있습니다`}>
          <ul className="flex flex-col gap-1">
            {others.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link to={`/admin/partners/${o.id}`} className="font-semibold underline">
                  {o.company_name}
                </Link>
                <span className="text-sm">
                  {o.representative_name} · {o.status_label} · 같은 {o.matched_on.map((m) => (m === 'business_number' ? '사업자번호' : '전화번호')).join('·')}
                </span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {p.status_reason && (p.status === 'rejected' || p.status === 'suspended') && (
        <Alert tone="error" title={`${p.status_label} 사유`}>
          <p>{p.status_reason}</p>
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <h2 className="mb-3 text-xl font-bold">기본 정보</h2>
            <dl className="flex flex-col gap-3">
              <Row label="대표자">{p.representative_name}</Row>
              <Row label="사업자번호">{p.business_number ?? '없음'}</Row>
              <Row label="연락처">
                <a href={telHref(p.contact_phone)} className="text-brand-700 hover:underline">
                  {formatPhone(p.contact_phone)}
                </a>
              </Row>
              <Row label="이메일">{p.contact_email ?? '없음'}</Row>
              <Row label="주소">
                {p.address} {p.address_detail}
              </Row>
              <Row label="등록일">{formatDateTime(p.created_at)}</Row>
              {p.approved_at && (
                <Row label="승인">
                  {formatDate(p.approved_at)}
                  {p.approved_by_name && ` · ${p.approved_by_name}`}
                </Row>
              )}
              <Row label="진행 중 배정">{p.active_assignments}건</Row>
            </dl>
          </Card>
          <Card className="flex flex-col gap-4">
            <section>
              <h2 className="mb-2 text-lg font-bold">가능 서비스 ({p.services.length})</h2>
              <div className="flex flex-wrap gap-2">
                {p.services.map((s) => (
                  <span key={s.code} className="rounded-full bg-brand-50 px-3 py-1 font-semibold text-brand-800">
                    {s.name}
                  </span>
                ))}
              </div>
            </section>
            <section>
              <h2 className="mb-2 text-lg font-bold">작업 지역</h2>
              <ul className="flex flex-col gap-1">
                {p.work_regions.map((r) => (
                  <li key={r.province_code}>
                    <strong>{r.province_name}</strong>: {r.all_districts ? '전체' : r.districts.map((d) => d.name).join(', ')}
                  </li>
                ))}
              </ul>
            </section>
          </Card>
          <Card className="flex flex-col gap-4">
            {[
              ['소개', p.introduction],
              ['경력', p.experience],
              ['기타 사항', p.remarks],
            ].map(([label, value]) => (
              <section key={label}>
                <h2 className="mb-1 text-lg font-bold">{label}</h2>
                <p className={cn('whitespace-pre-wrap', !value && 'text-slate-500')}>{value || '작성하지 않았습니다.'}</p>
              </section>
            ))}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-bold">사업자등록증</h2>
            <BusinessRegistration partner={p} />
          </Card>
        </div>
        <aside className="flex min-w-0 flex-col gap-4" aria-label="관리 기록">
          {p.status === 'pending' && (
            <Alert tone="info" title="승인 대기 중">
              <p>정보를 확인한 뒤 승인 또는 거절해 주세요. 현재 상태: {partnerStatusLabel(p.status)}</p>
            </Alert>
          )}
          {similar.isError && (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <AlertTriangle className="size-4" aria-hidden="true" />
              비슷한 협력사를 확인하지 못했습니다.
            </p>
          )}
          <Timeline partnerId={p.id} entries={timeline} loading={notes.isPending || history.isPending} />
        </aside>
      </div>
      <PartnerStatusDialog target={target} onClose={() => setTarget(null)} />
    </div>
  );
}

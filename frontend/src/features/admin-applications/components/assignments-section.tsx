import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, CalendarCheck, CheckCircle2, MessageSquare, Pencil, Plus, UserRoundX } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

import type { ApplicationDetail, AssignmentOut, AssignmentResult, ScheduleConflict, ServiceRef } from '@/client/types.gen';
import { StatusChip } from '@/components/admin/status-chip';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { formatDateShort, formatPhone, formatWon } from '@/lib/format';

import { applicationQueries } from '../api/application-queries';
import {
  useBatchAssignmentStatus,
  useCancelAssignment,
  useCreateAssignment,
  useSendAssignmentSms,
  useUpdateAssignment,
  type WorkStatus,
} from '../api/assignment-mutations';

import { AssignmentForm } from './assignment-dialog';

const STEPS: { key: WorkStatus; label: string }[] = [
  { key: 'pending', label: '대기' },
  { key: 'scheduled', label: '일정확정' },
  { key: 'completed', label: '완료' },
];

function MiniStepper({ status }: { status: string }) {
  const at = STEPS.findIndex((s) => s.key === status);
  return (
    <ol className="flex items-center gap-1" aria-label={`진행 단계: ${STEPS[at]?.label ?? status}`}>
      {STEPS.map((s, i) => (
        <li key={s.key} className="flex flex-1 items-center gap-1">
          <span
            className={cn(
              'flex h-8 flex-1 items-center justify-center rounded-lg text-sm font-semibold',
              i < at && 'bg-leaf-50 text-leaf-700',
              i === at && 'bg-brand-700 text-white',
              i > at && 'bg-slate-100 text-slate-500',
            )}
            aria-current={i === at ? 'step' : undefined}
          >
            {s.label}
          </span>
        </li>
      ))}
    </ol>
  );
}

function CancelAssignmentForm({ assignment, onDone, cancel }: { assignment: AssignmentOut; onDone: () => void; cancel: ReturnType<typeof useCancelAssignment> }) {
  const [reason, setReason] = useState('');
  const [sendSms, setSendSms] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <p>
        <strong>{assignment.partner_name}</strong> 배정을 취소합니다. 기록은 남습니다.
      </p>
      <label className="flex flex-col gap-1.5 font-semibold">
        취소 사유 (필수)
        <textarea
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          className="min-h-24 rounded-xl border-2 border-slate-300 p-3 font-normal focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      <Checkbox label="협력사에 취소 안내 문자 보내기" checked={sendSms} onChange={(e) => setSendSms(e.target.checked)} />
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone}>
          닫기
        </Button>
        <Button
          variant="danger"
          disabled={!reason.trim()}
          loading={cancel.isPending}
          onClick={() => cancel.mutate({ assignment, reason: reason.trim(), sendSms }, { onSuccess: onDone })}
        >
          배정 취소
        </Button>
      </div>
    </div>
  );
}

function ConflictAlert({ conflicts, onClose }: { conflicts: ScheduleConflict[]; onClose: () => void }) {
  return (
    <Alert tone="warning" title="같은 날 이 협력사의 다른 일정이 있습니다" live>
      <ul className="list-disc pl-5">
        {conflicts.map((c) => (
          <li key={c.assignment_id}>
            <Link to={`/admin/applications/${c.application_id}`} className="font-semibold underline">
              {c.application_number}
            </Link>{' '}
            · {formatDateShort(c.scheduled_date)} {c.scheduled_time ?? '시간 미정'}
          </li>
        ))}
      </ul>
      <button type="button" className="mt-1 self-start text-sm font-semibold underline" onClick={onClose}>
        확인
      </button>
    </Alert>
  );
}

interface CardProps {
  a: AssignmentOut;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
  onCancel: () => void;
  update: ReturnType<typeof useUpdateAssignment>;
  sms: ReturnType<typeof useSendAssignmentSms>;
}

function AssignmentCard({ a, selected, onSelect, onEdit, onCancel, update, sms }: CardProps) {
  const saving = a.id < 0;
  const cancelled = a.status === 'cancelled';
  return (
    <li className={cn('flex flex-col gap-3 rounded-2xl border-2 bg-white p-4', selected ? 'border-brand-600' : 'border-slate-200', cancelled && 'bg-slate-50 opacity-75')}>
      <div className="flex items-start gap-3">
        {!cancelled && !saving && (
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} className="mt-1 size-6 accent-brand-700" aria-label={`${a.partner_name} 선택`} />
        )}
        <div className="flex flex-1 flex-col gap-0.5">
          <p className="flex flex-wrap items-center gap-2 text-lg font-bold">
            {a.partner_name}
            <StatusChip kind="assignment" status={a.status} label={a.status_label} />
            {saving && (
              <span className="inline-flex items-center gap-1 text-sm font-normal text-slate-500">
                <Spinner className="size-4" label={null} /> 저장 중
              </span>
            )}
          </p>
          {a.partner_representative && (
            <p className="text-sm text-slate-600">
              {a.partner_representative} · {formatPhone(a.partner_phone)}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-1.5">
        {a.services.map((s) => (
          <span key={s.code} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-semibold text-slate-700">
            {s.name}
          </span>
        ))}
      </div>
      <dl className="grid grid-cols-2 gap-2 text-base sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">일정</dt>
          <dd className="font-semibold">{a.scheduled_date ? `${formatDateShort(a.scheduled_date)} ${a.scheduled_time ?? ''}` : '미정'}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">예상 비용</dt>
          <dd className="font-semibold tabular-nums">{formatWon(a.estimated_cost)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">최종 비용</dt>
          <dd className="font-semibold tabular-nums">{formatWon(a.final_cost)}</dd>
        </div>
      </dl>
      {(a.note || a.estimate_note || a.cancel_reason) && (
        <div className="flex flex-col gap-1 rounded-xl bg-slate-50 p-3 text-sm text-slate-700">
          {a.estimate_note && <p>견적 메모: {a.estimate_note}</p>}
          {a.note && <p>전달 메모: {a.note}</p>}
          {a.cancel_reason && <p className="text-red-700">취소 사유: {a.cancel_reason}</p>}
        </div>
      )}
      {!cancelled && <MiniStepper status={a.status} />}
      {!cancelled && !saving && (
        <div className="flex flex-wrap gap-2">
          {a.status === 'pending' && (
            <Button
              size="sm"
              onClick={() => (a.scheduled_date ? update.mutate({ assignmentId: a.id, patch: { version: a.version, status: 'scheduled' } }) : onEdit())}
            >
              <CalendarCheck className="size-4" aria-hidden="true" />
              일정 확정
            </Button>
          )}
          {a.status === 'scheduled' && (
            <Button size="sm" variant="secondary" onClick={() => update.mutate({ assignmentId: a.id, patch: { version: a.version, status: 'completed' } })}>
              <CheckCircle2 className="size-4" aria-hidden="true" />
              완료 처리
            </Button>
          )}
          <Button size="sm" variant="outline" onClick={onEdit}>
            <Pencil className="size-4" aria-hidden="true" />
            수정
          </Button>
          <Button size="sm" variant="outline" onClick={() => sms.mutate({ assignmentId: a.id, target: 'customer' })}>
            <MessageSquare className="size-4" aria-hidden="true" />
            고객 문자
          </Button>
          <Button size="sm" variant="outline" onClick={() => sms.mutate({ assignmentId: a.id, target: 'partner' })}>
            <MessageSquare className="size-4" aria-hidden="true" />
            협력사 문자
          </Button>
          {a.status !== 'completed' && (
            <Button size="sm" variant="ghost" className="text-red-700!" onClick={onCancel}>
              <UserRoundX className="size-4" aria-hidden="true" />
              배정 취소
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

interface SectionProps {
  app: ApplicationDetail;
  assignments: AssignmentOut[] | undefined;
  assignmentsError: unknown;
  unassigned: ServiceRef[];
}

/** Assignments of one application: unassigned alert, cards with quick actions, batch status, create/edit dialog. */
export function AssignmentsSection({ app, assignments, assignmentsError, unassigned }: SectionProps) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ editing: AssignmentOut | null } | null>(null);
  // Only the dialog needs these: fetch them when it opens, prefetch when the admin reaches for its buttons.
  const ranking = useQuery({ ...applicationQueries.ranking(app.id), enabled: dialog !== null });
  const partners = useQuery({ ...applicationQueries.approvedPartners(), enabled: dialog !== null });
  const warmDialog = () => {
    void queryClient.prefetchQuery(applicationQueries.ranking(app.id));
    void queryClient.prefetchQuery(applicationQueries.approvedPartners());
  };
  const create = useCreateAssignment(app.id);
  const update = useUpdateAssignment(app.id);
  const batch = useBatchAssignmentStatus(app.id);
  const cancel = useCancelAssignment(app.id);
  const sms = useSendAssignmentSms(app.id);

  const [cancelling, setCancelling] = useState<AssignmentOut | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [batchStatus, setBatchStatus] = useState<WorkStatus>('scheduled');
  const [batchSms, setBatchSms] = useState(true);
  const [conflicts, setConflicts] = useState<ScheduleConflict[]>([]);

  const closed = app.status === 'cancelled' || app.status === 'completed';
  const live = (assignments ?? []).filter((a) => a.status !== 'cancelled');
  const gone = (assignments ?? []).filter((a) => a.status === 'cancelled');
  const chosen = live.filter((a) => selected.has(a.id)).map((a) => a.id);

  const onResult = (result: AssignmentResult) => setConflicts(result.schedule_conflicts);

  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">
          협력사 배정 <span className="text-base font-normal text-slate-600">({live.length}건)</span>
        </h2>
        <Button onClick={() => setDialog({ editing: null })} onPointerEnter={warmDialog} onFocus={warmDialog} disabled={closed}>
          <Plus className="size-5" aria-hidden="true" />
          배정 추가
        </Button>
      </div>

      {unassigned.length > 0 && !closed && (
        <Alert tone="warning" title="아직 배정되지 않은 서비스가 있습니다">
          <p>{unassigned.map((s) => s.name).join(', ')}</p>
        </Alert>
      )}
      {conflicts.length > 0 && <ConflictAlert conflicts={conflicts} onClose={() => setConflicts([])} />}

      {chosen.length > 0 && (
        <div className="flex flex-col gap-3 rounded-xl border-2 border-brand-200 bg-brand-50 p-3 sm:flex-row sm:items-center" role="region" aria-label="선택한 배정 일괄 변경">
          <p className="font-semibold">{chosen.length}건 선택</p>
          <label className="flex items-center gap-2">
            <span className="sr-only">바꿀 상태</span>
            <select
              value={batchStatus}
              onChange={(e) => setBatchStatus(e.target.value as WorkStatus)}
              className="min-h-11 rounded-lg border-2 border-slate-300 bg-white px-2"
            >
              {STEPS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" checked={batchSms} onChange={(e) => setBatchSms(e.target.checked)} className="size-5 accent-brand-700" />
            문자 보내기
          </label>
          <div className="flex gap-2 sm:ml-auto">
            <Button size="sm" variant="outline" onClick={() => setSelected(new Set())}>
              선택 해제
            </Button>
            <Button
              size="sm"
              onClick={() => {
                batch.mutate({ ids: chosen, status: batchStatus, sendSms: batchSms });
                setSelected(new Set());
              }}
            >
              일괄 변경
            </Button>
          </div>
        </div>
      )}

      {assignments === undefined ? (
        assignmentsError ? (
          <Alert tone="error" title="배정 목록을 불러오지 못했습니다">
            <p>{errorMessage(assignmentsError)}</p>
          </Alert>
        ) : (
          <div className="flex justify-center py-6">
            <Spinner label="배정 목록을 불러오는 중" />
          </div>
        )
      ) : live.length === 0 ? (
        <p className="flex items-center gap-2 rounded-xl bg-slate-50 p-4 text-slate-700">
          <AlertTriangle className="size-5 text-amber-600" aria-hidden="true" />
          아직 배정된 협력사가 없습니다.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {live.map((a) => (
            <AssignmentCard
              key={a.id}
              a={a}
              selected={selected.has(a.id)}
              onSelect={(on) =>
                setSelected((prev) => {
                  const next = new Set(prev);
                  if (on) next.add(a.id);
                  else next.delete(a.id);
                  return next;
                })
              }
              onEdit={() => setDialog({ editing: a })}
              onCancel={() => setCancelling(a)}
              update={update}
              sms={sms}
            />
          ))}
        </ul>
      )}
      {gone.length > 0 && (
        <details className="rounded-xl border border-slate-200 p-3">
          <summary className="min-h-10 cursor-pointer font-semibold text-slate-700">취소된 배정 {gone.length}건</summary>
          <ul className="mt-3 flex flex-col gap-3">
            {gone.map((a) => (
              <AssignmentCard key={a.id} a={a} selected={false} onSelect={() => undefined} onEdit={() => undefined} onCancel={() => undefined} update={update} sms={sms} />
            ))}
          </ul>
        </details>
      )}

      <Dialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.editing ? '배정 수정' : '협력사 배정'}
        className="m-auto max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100%-1rem))] overflow-y-auto rounded-2xl p-0 backdrop:bg-black/50"
      >
        {dialog && (
          <AssignmentForm
            app={app}
            assignments={assignments ?? []}
            ranking={ranking.data}
            partners={partners.data ?? []}
            editing={dialog.editing}
            onClose={() => setDialog(null)}
            onResult={onResult}
            create={create}
            update={update}
          />
        )}
      </Dialog>
      <Dialog open={cancelling !== null} onClose={() => setCancelling(null)} title="배정 취소">
        {cancelling && <CancelAssignmentForm assignment={cancelling} cancel={cancel} onDone={() => setCancelling(null)} />}
      </Dialog>
    </Card>
  );
}

import { History, NotebookPen, Trash2, UserRound } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

import type { CustomerHistory, NoteList } from '@/client/types.gen';
import { StatusChip } from '@/components/admin/status-chip';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { authSession } from '@/lib/auth-session';
import { cn } from '@/lib/cn';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';

import { useAddNote, useDeleteNote } from '../api/note-mutations';
import type { TimelineEntry } from '../hooks/use-application-detail';

function Loading({ label }: { label: string }) {
  return (
    <div className="flex justify-center py-4">
      <Spinner label={label} />
    </div>
  );
}

/** Notes timeline: add (optimistic), delete one's own (super admins any). */
export function NotesPanel({ applicationId, notes, error }: { applicationId: number; notes: NoteList | undefined; error: unknown }) {
  const add = useAddNote(applicationId);
  const remove = useDeleteNote(applicationId);
  const [text, setText] = useState('');
  const me = authSession.getAdmin();
  const isSuper = me?.role === 'super_admin';
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="flex items-center gap-2 text-lg font-bold">
        <NotebookPen className="size-5 text-brand-700" aria-hidden="true" />
        메모 {notes && <span className="text-base font-normal text-slate-600">({notes.total})</span>}
      </h2>
      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const content = text.trim();
          if (!content) return;
          add.mutate(content);
          setText('');
        }}
      >
        <label className="sr-only" htmlFor={`note-${applicationId}`}>
          새 메모
        </label>
        <textarea
          id={`note-${applicationId}`}
          value={text}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          placeholder="상담 내용이나 전달할 내용을 남겨 주세요"
          className="min-h-20 rounded-xl border-2 border-slate-300 p-3 text-base focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none"
        />
        <Button type="submit" size="sm" className="self-end" disabled={!text.trim()}>
          메모 남기기
        </Button>
      </form>
      {!notes ? (
        error ? <p className="text-red-700">{errorMessage(error)}</p> : <Loading label="메모를 불러오는 중" />
      ) : notes.items.length === 0 ? (
        <p className="text-slate-600">아직 메모가 없습니다.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {notes.items.map((n) => {
            const pending = n.id < 0;
            const mine = me !== null && n.admin_id === me.id;
            return (
              <li key={n.id} className={cn('rounded-xl border border-slate-200 p-3', pending && 'opacity-60')}>
                <div className="flex items-center gap-2 text-sm text-slate-600">
                  <span className="font-semibold text-slate-800">{n.admin_name}</span>
                  <span>{pending ? '저장 중…' : formatDateTime(n.created_at)}</span>
                  {!pending && (mine || isSuper) && (
                    <button
                      type="button"
                      className="ml-auto flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-red-50 hover:text-red-700"
                      aria-label="메모 삭제"
                      onClick={() => {
                        if (window.confirm('이 메모를 삭제할까요?')) remove.mutate(n.id);
                      }}
                    >
                      <Trash2 className="size-4" aria-hidden="true" />
                    </button>
                  )}
                </div>
                <p className="mt-1 whitespace-pre-wrap">{n.content}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** Status changes merged with the audit trail. */
export function HistoryPanel({ entries, loading }: { entries: TimelineEntry[]; loading: boolean }) {
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="flex items-center gap-2 text-lg font-bold">
        <History className="size-5 text-brand-700" aria-hidden="true" />
        처리 이력
      </h2>
      {entries.length === 0 ? (
        loading ? <Loading label="이력을 불러오는 중" /> : <p className="text-slate-600">기록이 없습니다.</p>
      ) : (
        <ol className="relative flex flex-col gap-3 border-l-2 border-slate-200 pl-4">
          {entries.map((e) => (
            <li key={e.key} className="relative">
              <span
                className={cn('absolute top-1.5 -left-[1.4rem] size-3 rounded-full ring-4 ring-white', e.kind === 'status' ? 'bg-brand-700' : 'bg-slate-400')}
                aria-hidden="true"
              />
              <p className="font-semibold">{e.title}</p>
              {e.detail && <p className="text-slate-700">사유: {e.detail}</p>}
              <p className="text-sm text-slate-500">
                {formatDateTime(e.at)}
                {e.who && ` · ${e.who}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** Other applications from the same phone number. */
export function CustomerHistoryPanel({ history }: { history: CustomerHistory | undefined }) {
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="flex items-center gap-2 text-lg font-bold">
        <UserRound className="size-5 text-brand-700" aria-hidden="true" />
        고객 이력
        {history && <span className="text-base font-normal text-slate-600">({history.total_applications}건)</span>}
      </h2>
      {!history ? (
        <Loading label="고객 이력을 불러오는 중" />
      ) : (
        <ul className="flex flex-col gap-1">
          {history.applications.map((h) => (
            <li key={h.id}>
              {h.is_current ? (
                <span className="flex min-h-12 items-center gap-2 rounded-lg bg-slate-50 px-2">
                  <span className="tabular-nums text-sm">{h.number}</span>
                  <span className="text-sm text-slate-500">(현재)</span>
                  <StatusChip kind="application" status={h.status} label={h.status_label} className="ml-auto" />
                </span>
              ) : (
                <Link to={`/admin/applications/${h.id}`} className="flex min-h-12 items-center gap-2 rounded-lg px-2 hover:bg-slate-50">
                  <span className="tabular-nums text-sm text-brand-700 underline-offset-2 hover:underline">{h.number}</span>
                  <span className="truncate text-sm text-slate-600">
                    {formatDate(h.created_at)} · {h.services.map((s) => s.name).join(', ')}
                  </span>
                  <StatusChip kind="application" status={h.status} label={h.status_label} className="ml-auto" />
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

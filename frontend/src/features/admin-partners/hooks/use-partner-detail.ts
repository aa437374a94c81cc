import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import type { AuditLogRead, PartnerNoteOut } from '@/client/types.gen';
import { partnerStatusLabel } from '@/lib/status';

import { partnerQueries } from '../api/partner-queries';

export interface PartnerTimelineEntry {
  key: string;
  at: string;
  who: string | null;
  title: string;
  body: string | null;
  kind: 'memo' | 'status' | 'audit';
  noteId: number | null;
  adminId: number | null;
}

/** Memos and status notes merged with the audit trail (status changes and page views are not repeated). */
export function mergePartnerTimeline(notes: PartnerNoteOut[] | undefined, audit: AuditLogRead[] | undefined): PartnerTimelineEntry[] {
  const out: PartnerTimelineEntry[] = [];
  for (const n of notes ?? []) {
    const isStatus = n.note_type !== 'memo';
    out.push({
      key: `note-${n.id}`,
      at: n.created_at,
      who: n.admin_name,
      title: isStatus && n.new_status ? `상태 변경: ${partnerStatusLabel(n.old_status ?? '')} → ${partnerStatusLabel(n.new_status)}` : '메모',
      body: n.content,
      kind: isStatus ? 'status' : 'memo',
      noteId: isStatus ? null : n.id,
      adminId: n.admin_id,
    });
  }
  for (const a of audit ?? []) {
    if (a.action === 'status_change' || a.action === 'view') continue;
    out.push({ key: `audit-${a.id}`, at: a.created_at, who: a.admin_name, title: a.summary, body: null, kind: 'audit', noteId: null, adminId: a.admin_id });
  }
  return out.sort((x, y) => y.at.localeCompare(x.at));
}

/** One partner's screen as independent queries: detail, notes, audit history, similar partners. */
export function usePartnerDetail(id: number) {
  const detail = useQuery(partnerQueries.detail(id));
  const notes = useQuery(partnerQueries.notes(id));
  const history = useQuery(partnerQueries.history(id));
  const similar = useQuery(partnerQueries.similar(id));
  const timeline = useMemo(() => mergePartnerTimeline(notes.data, history.data), [notes.data, history.data]);
  return { detail, notes, history, similar, timeline };
}

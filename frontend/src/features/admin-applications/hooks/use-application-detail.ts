import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import type { ApplicationDetail, AssignmentOut, AuditLogRead, ServiceRef } from '@/client/types.gen';
import { applicationStatusLabel } from '@/lib/status';

import { applicationQueries } from '../api/application-queries';

export interface TimelineEntry {
  key: string;
  at: string;
  who: string | null;
  title: string;
  detail: string | null;
  kind: 'status' | 'audit';
}

const SOURCE_LABEL: Record<string, string> = { public: '고객 신청', admin: '관리자', system: '자동', portal: '포털' };

/**
 * Status changes (from the record itself) merged with the audit trail, newest first. Audit rows that repeat a
 * status change or only record that someone looked at the page are left out.
 */
export function mergeHistory(detail: ApplicationDetail | undefined, audit: AuditLogRead[] | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const [i, s] of (detail?.status_history ?? []).entries()) {
    entries.push({
      key: `status-${i}-${s.created_at}`,
      at: s.created_at,
      who: s.admin_name ?? SOURCE_LABEL[s.source] ?? s.source,
      title: s.from_status
        ? `상태 변경: ${applicationStatusLabel(s.from_status)} → ${applicationStatusLabel(s.to_status)}`
        : `접수 (${applicationStatusLabel(s.to_status)})`,
      detail: s.reason,
      kind: 'status',
    });
  }
  for (const a of audit ?? []) {
    if (a.action === 'status_change' || a.action === 'view') continue;
    entries.push({ key: `audit-${a.id}`, at: a.created_at, who: a.admin_name, title: a.summary, detail: null, kind: 'audit' });
  }
  return entries.sort((x, y) => y.at.localeCompare(x.at));
}

/** The application's services that no live (not cancelled) assignment covers yet. */
export function unassignedServices(services: ServiceRef[], assignments: AssignmentOut[] | undefined): ServiceRef[] {
  const covered = new Set((assignments ?? []).filter((a) => a.status !== 'cancelled').flatMap((a) => a.services.map((s) => s.code)));
  return services.filter((s) => !covered.has(s.code));
}

/**
 * One application's screen, split into independent queries (detail, notes, history, assignments, customer
 * history): each section loads, fails and refreshes on its own. The partner ranking and the approved partners
 * are only needed by the assignment dialog, so the assignments section loads them when the dialog is about to
 * open (pointer or focus on its button) instead of on every visit.
 */
export function useApplicationDetail(id: number) {
  const detail = useQuery(applicationQueries.detail(id));
  const notes = useQuery(applicationQueries.notes(id));
  const history = useQuery(applicationQueries.history(id));
  const assignments = useQuery(applicationQueries.assignments(id));
  const customerHistory = useQuery(applicationQueries.customerHistory(id));

  const timeline = useMemo(() => mergeHistory(detail.data, history.data), [detail.data, history.data]);
  const unassigned = useMemo(
    () => (detail.data ? unassignedServices(detail.data.services, assignments.data) : []),
    [detail.data, assignments.data],
  );

  return { detail, notes, history, assignments, customerHistory, timeline, unassigned };
}

import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';

import {
  adminApplicationsCustomerHistory,
  adminApplicationsGet,
  adminApplicationsList,
  adminApplicationsNotesList,
  adminApplicationsPartnerRanking,
  adminApplicationsSearch,
  adminAssignmentsList,
  adminSchedulePartners,
  auditEntityHistory,
} from '@/client/sdk.gen';
import type {
  ApplicationDetail,
  ApplicationDetailView,
  ApplicationList,
  ApplicationStatus,
  AssignmentOut,
  AuditLogRead,
  CustomerHistory,
  NoteList,
  PartnerRanking,
  SchedulePartner,
} from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';
import { seededByCarrier } from '@/lib/query-seeding';

export const PAGE_SIZE = 20;

/** What the list screen filters by; in the query key, and in the URL except the search term (personal data). */
export interface ApplicationListFilters {
  status?: ApplicationStatus | undefined;
  search?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  services?: string[] | undefined;
  partnerId?: number | undefined;
  page?: number | undefined;
}

/** A canonical form, so equal filters make equal keys (no empty values, services sorted, page ≥ 1). */
export function normalizeFilters(f: ApplicationListFilters): ApplicationListFilters {
  const out: ApplicationListFilters = {};
  if (f.status) out.status = f.status;
  const search = f.search?.trim();
  if (search) out.search = search;
  if (f.dateFrom) out.dateFrom = f.dateFrom;
  if (f.dateTo) out.dateTo = f.dateTo;
  if (f.services && f.services.length > 0) out.services = [...new Set(f.services)].sort();
  if (f.partnerId) out.partnerId = f.partnerId;
  out.page = f.page && f.page > 0 ? Math.floor(f.page) : 1;
  return out;
}

/**
 * One page of the list. A search term goes in a POST body (`/admin/applications/search`): it is often a phone or a
 * name, and a URL would carry it into access logs. Without one, the plain GET list (shorter, cacheable by proxies).
 */
export async function listApplications(filters: ApplicationListFilters, signal?: AbortSignal): Promise<ApplicationList> {
  const f = normalizeFilters(filters);
  const page = f.page ?? 1;
  if (f.search) {
    const { data } = await adminApplicationsSearch({
      signal,
      throwOnError: true,
      body: {
        search: f.search,
        status: f.status ? [f.status] : [],
        date_from: f.dateFrom ?? null,
        date_to: f.dateTo ?? null,
        services: f.services ?? [],
        partner_id: f.partnerId ?? null,
        page,
        page_size: PAGE_SIZE,
      },
    });
    return data;
  }
  const { data } = await adminApplicationsList({
    signal,
    throwOnError: true,
    query: {
      status: f.status ?? null,
      date_from: f.dateFrom ?? null,
      date_to: f.dateTo ?? null,
      services: f.services?.join(',') ?? null,
      partner_id: f.partnerId ?? null,
      page,
      page_size: PAGE_SIZE,
    },
  });
  return data;
}

/** The detail with the first page of its notes, customer history and audit history (the screen's first load). */
export async function getApplication(id: number, signal?: AbortSignal): Promise<ApplicationDetailView> {
  const { data } = await adminApplicationsGet({ signal, throwOnError: true, path: { application_id: id } });
  return data;
}

export async function getNotes(id: number, signal?: AbortSignal): Promise<NoteList> {
  const { data } = await adminApplicationsNotesList({
    signal,
    throwOnError: true,
    path: { application_id: id },
    query: { page: 1, page_size: 100 },
  });
  return data;
}

export async function getAuditHistory(id: number, signal?: AbortSignal): Promise<AuditLogRead[]> {
  const { data } = await auditEntityHistory({
    signal,
    throwOnError: true,
    path: { entity_type: 'application', entity_id: id },
    query: { limit: 100 },
  });
  return data.items;
}

export async function getAssignments(id: number, signal?: AbortSignal): Promise<AssignmentOut[]> {
  const { data } = await adminAssignmentsList({ signal, throwOnError: true, path: { application_id: id } });
  return data;
}

export async function getPartnerRanking(id: number, signal?: AbortSignal): Promise<PartnerRanking> {
  const { data } = await adminApplicationsPartnerRanking({
    signal,
    throwOnError: true,
    path: { application_id: id },
    query: { include_all: true },
  });
  return data;
}

export async function getCustomerHistory(id: number, signal?: AbortSignal): Promise<CustomerHistory> {
  const { data } = await adminApplicationsCustomerHistory({ signal, throwOnError: true, path: { application_id: id } });
  return data;
}

export async function getApprovedPartners(signal?: AbortSignal): Promise<SchedulePartner[]> {
  const { data } = await adminSchedulePartners({ signal, throwOnError: true });
  return data;
}

/** A section's data from the application detail fetch in flight, if one is (see `seededByCarrier`). */
function carried<T>(client: QueryClient, id: number, section: string): Promise<T | undefined> {
  const detailKey = ['applications', 'detail', id] as const;
  return seededByCarrier<T>(client, detailKey, [...detailKey, section]);
}

/**
 * Query keys and options of the applications back office, general → specific:
 * `all` ⊃ `lists` ⊃ `list(filters)`; `all` ⊃ `details` ⊃ `detail(id)` ⊃ its notes / history / assignments / ranking.
 * Invalidating `detail(id)` therefore refreshes everything shown on that one application's screen.
 *
 * The detail's response carries the assignments, first notes, customer history and audit history: its `queryFn`
 * seeds those keys, and they wait for a detail fetch in flight instead of asking too (`seededByCarrier`). Opening
 * an application costs one request; each section keeps its own endpoint for refreshing it alone.
 */
export const applicationQueries = {
  all: () => ['applications'] as const,
  lists: () => [...applicationQueries.all(), 'list'] as const,
  list: (filters: ApplicationListFilters) =>
    queryOptions({
      queryKey: [...applicationQueries.lists(), normalizeFilters(filters)] as const,
      queryFn: ({ signal }) => listApplications(filters, signal),
      staleTime: STALE_TIME.list,
      // The previous page stays on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
  details: () => [...applicationQueries.all(), 'detail'] as const,
  detailKey: (id: number) => [...applicationQueries.details(), id] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: applicationQueries.detailKey(id),
      queryFn: async ({ signal, client }): Promise<ApplicationDetail> => {
        const { notes, customer_history, activity, ...detail } = await getApplication(id, signal);
        client.setQueryData(applicationQueries.assignments(id).queryKey, detail.assignments);
        client.setQueryData(applicationQueries.notes(id).queryKey, notes);
        client.setQueryData(applicationQueries.customerHistory(id).queryKey, customer_history);
        client.setQueryData(applicationQueries.history(id).queryKey, activity.items);
        return detail;
      },
      staleTime: STALE_TIME.detail,
    }),
  notes: (id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.detailKey(id), 'notes'] as const,
      queryFn: async ({ signal, client }) => (await carried<NoteList>(client, id, 'notes')) ?? getNotes(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  history: (id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.detailKey(id), 'history'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<AuditLogRead[]>(client, id, 'history')) ?? getAuditHistory(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  assignments: (id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.detailKey(id), 'assignments'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<AssignmentOut[]>(client, id, 'assignments')) ?? getAssignments(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  ranking: (id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.detailKey(id), 'ranking'] as const,
      queryFn: ({ signal }) => getPartnerRanking(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  customerHistory: (id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.detailKey(id), 'customer-history'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<CustomerHistory>(client, id, 'customer-history')) ?? getCustomerHistory(id, signal),
      staleTime: STALE_TIME.list,
    }),
  /**
   * Approved partners (filter options, assignment picker). GET /admin/schedule/partners is also the schedule's
   * partner filter: both features use this one top-level key (same endpoint, same unselected data), so the list
   * is fetched and cached once, not once per feature. Keep the key and the data shape identical in both places.
   */
  approvedPartners: () =>
    queryOptions({
      queryKey: ['schedule-partners'] as const,
      queryFn: ({ signal }) => getApprovedPartners(signal),
      staleTime: STALE_TIME.list,
    }),
};

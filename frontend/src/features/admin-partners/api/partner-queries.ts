import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';

import {
  adminPartnersGet,
  adminPartnersList,
  adminPartnersListNotes,
  adminPartnersSearch,
  adminPartnersSimilar,
  auditEntityHistory,
} from '@/client/sdk.gen';
import type { AuditLogRead, PartnerDetail, PartnerDetailView, PartnerList, PartnerNoteOut, PartnerStatus, SimilarPartners } from '@/client/types.gen';
import '@/lib/api-client';
import { STALE_TIME } from '@/lib/query-client';
import { seededByCarrier } from '@/lib/query-seeding';

export const PARTNER_PAGE_SIZE = 20;

export interface PartnerListFilters {
  status?: PartnerStatus | undefined;
  search?: string | undefined;
  services?: string[] | undefined;
  provinceCode?: string | undefined;
  districtCode?: string | undefined;
  page?: number | undefined;
}

export function normalizePartnerFilters(f: PartnerListFilters): PartnerListFilters {
  const out: PartnerListFilters = {};
  if (f.status) out.status = f.status;
  const search = f.search?.trim();
  if (search) out.search = search;
  if (f.services?.length) out.services = [...new Set(f.services)].sort();
  if (f.districtCode) out.districtCode = f.districtCode;
  else if (f.provinceCode) out.provinceCode = f.provinceCode;
  out.page = f.page && f.page > 0 ? Math.floor(f.page) : 1;
  return out;
}

/** One page of the list: with a search term, a POST body carries it (names and phones stay out of URLs and logs). */
export async function listPartners(filters: PartnerListFilters, signal?: AbortSignal): Promise<PartnerList> {
  const f = normalizePartnerFilters(filters);
  const common = {
    status: f.status ?? null,
    province_code: f.provinceCode ?? null,
    district_code: f.districtCode ?? null,
    page: f.page ?? 1,
    page_size: PARTNER_PAGE_SIZE,
  };
  if (f.search) {
    const { data } = await adminPartnersSearch({ signal, throwOnError: true, body: { ...common, search: f.search, services: f.services ?? [] } });
    return data;
  }
  const { data } = await adminPartnersList({ signal, throwOnError: true, query: { ...common, services: f.services ?? null } });
  return data;
}

/** The detail with its notes, possible duplicates and audit history (the screen's first load). */
export async function getPartner(id: number, signal?: AbortSignal): Promise<PartnerDetailView> {
  const { data } = await adminPartnersGet({ signal, throwOnError: true, path: { partner_id: id } });
  return data;
}

export async function getPartnerNotes(id: number, signal?: AbortSignal): Promise<PartnerNoteOut[]> {
  const { data } = await adminPartnersListNotes({ signal, throwOnError: true, path: { partner_id: id } });
  return data;
}

export async function getPartnerHistory(id: number, signal?: AbortSignal): Promise<AuditLogRead[]> {
  const { data } = await auditEntityHistory({ signal, throwOnError: true, path: { entity_type: 'partner', entity_id: id }, query: { limit: 100 } });
  return data.items;
}

export async function getSimilarPartners(id: number, signal?: AbortSignal): Promise<SimilarPartners> {
  const { data } = await adminPartnersSimilar({ signal, throwOnError: true, path: { partner_id: id } });
  return data;
}

/** A section's data from the partner detail fetch in flight, if one is (see `seededByCarrier`). */
function carried<T>(client: QueryClient, id: number, section: string): Promise<T | undefined> {
  const detailKey = ['partners-admin', 'detail', id] as const;
  return seededByCarrier<T>(client, detailKey, [...detailKey, section]);
}

/**
 * Query keys and options of the partners back office, general → specific. The detail's response carries the
 * notes, similar partners and history: its `queryFn` seeds those keys (and they wait for a detail fetch in
 * flight), so opening a partner costs one request; each keeps its endpoint for refreshing one section.
 */
export const partnerQueries = {
  all: () => ['partners-admin'] as const,
  lists: () => [...partnerQueries.all(), 'list'] as const,
  list: (filters: PartnerListFilters) =>
    queryOptions({
      queryKey: [...partnerQueries.lists(), normalizePartnerFilters(filters)] as const,
      queryFn: ({ signal }) => listPartners(filters, signal),
      staleTime: STALE_TIME.list,
      placeholderData: keepPreviousData,
    }),
  details: () => [...partnerQueries.all(), 'detail'] as const,
  detailKey: (id: number) => [...partnerQueries.details(), id] as const,
  detail: (id: number) =>
    queryOptions({
      queryKey: partnerQueries.detailKey(id),
      queryFn: async ({ signal, client }): Promise<PartnerDetail> => {
        const { notes, similar, activity, ...detail } = await getPartner(id, signal);
        client.setQueryData(partnerQueries.notes(id).queryKey, notes);
        client.setQueryData(partnerQueries.similar(id).queryKey, similar);
        client.setQueryData(partnerQueries.history(id).queryKey, activity.items);
        return detail;
      },
      staleTime: STALE_TIME.detail,
    }),
  notes: (id: number) =>
    queryOptions({
      queryKey: [...partnerQueries.detailKey(id), 'notes'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<PartnerNoteOut[]>(client, id, 'notes')) ??
        getPartnerNotes(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  history: (id: number) =>
    queryOptions({
      queryKey: [...partnerQueries.detailKey(id), 'history'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<AuditLogRead[]>(client, id, 'history')) ??
        getPartnerHistory(id, signal),
      staleTime: STALE_TIME.detail,
    }),
  similar: (id: number) =>
    queryOptions({
      queryKey: [...partnerQueries.detailKey(id), 'similar'] as const,
      queryFn: async ({ signal, client }) =>
        (await carried<SimilarPartners>(client, id, 'similar')) ??
        getSimilarPartners(id, signal),
      staleTime: STALE_TIME.list,
    }),
};

import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';

import { STALE_TIME } from '@/lib/query-client';
import { isJobDone, smsBaseKeys, smsSharedQueries } from '@/lib/sms';

import {
  getBulkJobs,
  getRecipients,
  getSmsDetail,
  getSmsLogs,
  getSmsStats,
  type BulkJobListParams,
  type RecipientParams,
  type SmsLogFilters,
} from './sms-api';

export { BULK_POLL_MS, isJobDone } from '@/lib/sms';

/** Drops empty filter values so `{status: undefined}` and `{}` share one cache entry. */
export function normaliseFilters(filters: SmsLogFilters): SmsLogFilters {
  const out: SmsLogFilters = {};
  if (filters.status) out.status = filters.status;
  if (filters.message_type) out.message_type = filters.message_type;
  if (filters.trigger) out.trigger = filters.trigger;
  const search = filters.search?.replace(/\D/g, '');
  if (search) out.search = search;
  return out;
}

/** Query keys of messaging, general → specific: invalidating `smsKeys.logs()` covers every filtered log. */
export const smsKeys = {
  ...smsBaseKeys,
  logList: (filters: SmsLogFilters) => [...smsBaseKeys.logs(), normaliseFilters(filters)] as const,
  details: () => [...smsBaseKeys.all, 'detail'] as const,
  detail: (id: number) => [...smsKeys.details(), id] as const,
  recipients: (params: RecipientParams) => [...smsBaseKeys.all, 'recipients', params] as const,
  bulkJobLists: () => [...smsBaseKeys.bulkJobs(), 'list'] as const,
  bulkJobList: (params: BulkJobListParams) => [...smsKeys.bulkJobLists(), params] as const,
};

/** How often the job list is refreshed while one of its jobs is still running. */
export const BULK_LIST_POLL_MS = 5000;

export const smsQueries = {
  /** The log, newest first, one keyset page at a time ("더 보기"). */
  logs: (filters: SmsLogFilters) =>
    infiniteQueryOptions({
      queryKey: smsKeys.logList(filters),
      queryFn: ({ pageParam, signal }) => getSmsLogs(normaliseFilters(filters), pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
      staleTime: STALE_TIME.list,
      placeholderData: keepPreviousData,
    }),
  stats: () => queryOptions({ queryKey: smsKeys.stats(), queryFn: ({ signal }) => getSmsStats(signal), staleTime: STALE_TIME.list }),
  detail: (id: number) =>
    queryOptions({ queryKey: smsKeys.detail(id), queryFn: ({ signal }) => getSmsDetail(id, signal), staleTime: STALE_TIME.detail }),
  recipients: (params: RecipientParams) =>
    queryOptions({
      queryKey: smsKeys.recipients(params),
      queryFn: ({ signal }) => getRecipients(params, signal),
      staleTime: STALE_TIME.list,
      placeholderData: keepPreviousData,
    }),
  bulkJob: smsSharedQueries.bulkJob,
  /** One page of bulk jobs, newest first; refreshed every 5 s while a job on it is still running. */
  bulkJobs: (params: BulkJobListParams) =>
    queryOptions({
      queryKey: smsKeys.bulkJobList(params),
      queryFn: ({ signal }) => getBulkJobs(params, signal),
      staleTime: 0,
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.items.some((job) => !isJobDone(job)) ? BULK_LIST_POLL_MS : false),
    }),
  templates: smsSharedQueries.templates,
  preview: smsSharedQueries.preview,
};

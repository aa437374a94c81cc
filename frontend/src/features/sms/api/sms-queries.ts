import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';

import type { BulkJobDetail, TemplatePreviewRequest } from '@/client/types.gen';
import { STALE_TIME } from '@/lib/query-client';

import {
  getBulkJob,
  getBulkJobs,
  getRecipients,
  getSmsDetail,
  getSmsLogs,
  getSmsStats,
  getTemplates,
  previewText,
  type BulkJobListParams,
  type RecipientParams,
  type SmsLogFilters,
} from './sms-api';

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
  all: ['sms'] as const,
  logs: () => [...smsKeys.all, 'logs'] as const,
  logList: (filters: SmsLogFilters) => [...smsKeys.logs(), normaliseFilters(filters)] as const,
  stats: () => [...smsKeys.all, 'stats'] as const,
  details: () => [...smsKeys.all, 'detail'] as const,
  detail: (id: number) => [...smsKeys.details(), id] as const,
  recipients: (params: RecipientParams) => [...smsKeys.all, 'recipients', params] as const,
  bulkJobs: () => [...smsKeys.all, 'bulk'] as const,
  bulkJobLists: () => [...smsKeys.bulkJobs(), 'list'] as const,
  bulkJobList: (params: BulkJobListParams) => [...smsKeys.bulkJobLists(), params] as const,
  bulkJob: (id: number) => [...smsKeys.bulkJobs(), id] as const,
  templates: () => [...smsKeys.all, 'templates'] as const,
  previews: () => [...smsKeys.all, 'preview'] as const,
  preview: (body: TemplatePreviewRequest) => [...smsKeys.previews(), body] as const,
};

const TERMINAL_JOB = new Set(['completed', 'partial_failed', 'failed', 'cancelled']);

export function isJobDone(job: Pick<BulkJobDetail, 'status'> | undefined): boolean {
  return !!job && TERMINAL_JOB.has(job.status);
}

/** How often a running bulk job is polled. */
export const BULK_POLL_MS = 2000;
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
  /** A bulk job's progress, polled every 2 s until it reaches a final state. */
  bulkJob: (id: number) =>
    queryOptions({
      queryKey: smsKeys.bulkJob(id),
      queryFn: ({ signal }) => getBulkJob(id, signal),
      staleTime: 0,
      refetchInterval: (query) => (isJobDone(query.state.data) ? false : BULK_POLL_MS),
    }),
  /** One page of bulk jobs, newest first; refreshed every 5 s while a job on it is still running. */
  bulkJobs: (params: BulkJobListParams) =>
    queryOptions({
      queryKey: smsKeys.bulkJobList(params),
      queryFn: ({ signal }) => getBulkJobs(params, signal),
      staleTime: 0,
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.items.some((job) => !isJobDone(job)) ? BULK_LIST_POLL_MS : false),
    }),
  templates: () =>
    queryOptions({ queryKey: smsKeys.templates(), queryFn: ({ signal }) => getTemplates(signal), staleTime: STALE_TIME.reference }),
  /** The server's rendering of a text (prefix, bytes, SMS/LMS, unsupported characters); same text, same answer. */
  preview: (body: TemplatePreviewRequest) =>
    queryOptions({
      queryKey: smsKeys.preview(body),
      queryFn: ({ signal }) => previewText(body, signal),
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
};

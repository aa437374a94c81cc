/**
 * The plan's `useSMS` (step 2) on TanStack Query: logs and stats are queries, send and resend are mutations that
 * invalidate through `smsKeys`. Resend is optimistic (step 7): cancel → snapshot → set → roll back → invalidate.
 */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
} from '@tanstack/react-query';
import type {
  BulkJobCreate,
  BulkJobDetail,
  CursorPageSmsItem,
  PageBulkJobRead,
  SmsItem,
  SmsSendRequest,
  SmsStats,
  SmsTemplateCreate,
  SmsTemplateUpdate,
} from '@/client/types.gen';
import { toast } from '@/components/ui/toast';
import { useIdempotencyKey } from '@/hooks/use-idempotency-key';
import { errorMessage } from '@/lib/errors';
import { uuid } from '@/lib/uuid';

import {
  cancelBulkJob,
  createBulkJob,
  createTemplate,
  deleteTemplate,
  retrySms,
  sendMms,
  sendSms,
  updateTemplate,
  type BulkJobListParams,
  type SmsLogFilters,
} from '../api/sms-api';
import { normaliseFilters, smsKeys, smsQueries } from '../api/sms-queries';

export function useSmsLogs(filters: SmsLogFilters) {
  return useInfiniteQuery(smsQueries.logs(filters));
}

export function useSmsStats() {
  return useQuery(smsQueries.stats());
}

export interface SendInput {
  body: SmsSendRequest;
  images?: File[];
}

/** Send one SMS/LMS (or MMS when images are attached); the log and the stats refresh afterwards. */
export function useSendSms() {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ body, images }: SendInput) =>
      images && images.length > 0 ? sendMms(body, images, key.current()) : sendSms(body, key.current()),
    onSuccess: () => key.renew(),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: smsKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.stats() }),
      ]),
  });
}

type LogData = InfiniteData<CursorPageSmsItem, string | null>;

interface ResendContext {
  logs: [QueryKey, LogData | undefined][];
  stats: SmsStats | undefined;
}

/** Would a fresh queued message show in a log with these filters? */
function listShowsQueued(key: QueryKey): boolean {
  const filters = (key[2] ?? {}) as SmsLogFilters;
  return (!filters.status || filters.status === 'queued') && !filters.message_type && (!filters.trigger || filters.trigger === 'manual');
}

export function optimisticRetry(original: SmsItem, tempId: number): SmsItem {
  return {
    ...original,
    id: tempId,
    status: 'queued',
    trigger: 'manual',
    retry_of_id: original.id,
    attempts: 0,
    result_code: null,
    result_message: null,
    created_at: new Date().toISOString(),
    sent_at: null,
  };
}

function bump(stats: SmsStats): SmsStats {
  const add = (b: SmsStats['today']) => ({ ...b, total: (b.total ?? 0) + 1, queued: (b.queued ?? 0) + 1 });
  return { today: add(stats.today), this_month: add(stats.this_month), total: add(stats.total) };
}

/**
 * Resend a failed message. At once the new queued message appears at the top of every cached log that would show
 * it and the stats count it; a refusal puts every cache back as it was; either way the server's truth is refetched.
 */
export function useResendSms() {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, SmsItem, ResendContext>({
    mutationFn: (message) => retrySms(message.id, uuid()),
    onMutate: async (message) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: smsKeys.logs() }),
        queryClient.cancelQueries({ queryKey: smsKeys.stats() }),
      ]);
      const logs = queryClient.getQueriesData<LogData>({ queryKey: smsKeys.logs() });
      const stats = queryClient.getQueryData<SmsStats>(smsKeys.stats());
      const temp = optimisticRetry(message, -Date.now());
      for (const [key, data] of logs) {
        if (!data || !listShowsQueued(key)) continue;
        const [first, ...rest] = data.pages;
        if (!first) continue;
        queryClient.setQueryData<LogData>(key, { ...data, pages: [{ ...first, items: [temp, ...first.items] }, ...rest] });
      }
      if (stats) queryClient.setQueryData<SmsStats>(smsKeys.stats(), bump(stats));
      return { logs, stats };
    },
    onError: (_error, _message, context) => {
      if (!context) return;
      for (const [key, data] of context.logs) queryClient.setQueryData(key, data);
      queryClient.setQueryData(smsKeys.stats(), context.stats);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: smsKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.stats() }),
      ]),
  });
}

export function useCreateBulkJob() {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: BulkJobCreate) => createBulkJob(body, key.current()),
    onSuccess: () => {
      key.renew();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: smsKeys.bulkJobs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.stats() }),
      ]);
    },
  });
}

export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SmsTemplateUpdate }) => updateTemplate(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: smsKeys.templates() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.previews() }),
      ]),
  });
}

/** Create a custom template; the list and cached previews refresh. */
export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SmsTemplateCreate) => createTemplate(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: smsKeys.templates() }),
  });
}

/** Delete a custom template (the server refuses system templates with 409 `system_template`). */
export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteTemplate(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: smsKeys.templates() }),
  });
}

export function useBulkJobs(params: BulkJobListParams) {
  return useQuery(smsQueries.bulkJobs(params));
}

export function useBulkJob(id: number) {
  return useQuery(smsQueries.bulkJob(id));
}

interface CancelContext {
  detail: BulkJobDetail | undefined;
  lists: [QueryKey, PageBulkJobRead | undefined][];
}

/**
 * Cancel a bulk job. The job shows as cancelled at once in its detail and every cached list page (which also stops
 * their polling); a refusal (e.g. 409 `bulk_job_finished`) puts them back; either way the server's truth is refetched.
 */
export function useCancelBulkJob() {
  const queryClient = useQueryClient();
  return useMutation<BulkJobDetail, Error, number, CancelContext>({
    mutationFn: (id) => cancelBulkJob(id),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: smsKeys.bulkJobs() });
      const detail = queryClient.getQueryData<BulkJobDetail>(smsKeys.bulkJob(id));
      const lists = queryClient.getQueriesData<PageBulkJobRead>({ queryKey: smsKeys.bulkJobLists() });
      const cancelledAt = new Date().toISOString();
      if (detail) queryClient.setQueryData<BulkJobDetail>(smsKeys.bulkJob(id), { ...detail, status: 'cancelled', cancelled_at: cancelledAt });
      for (const [key, page] of lists) {
        if (!page?.items.some((job) => job.id === id)) continue;
        queryClient.setQueryData<PageBulkJobRead>(key, {
          ...page,
          items: page.items.map((job) => (job.id === id ? { ...job, status: 'cancelled', cancelled_at: cancelledAt } : job)),
        });
      }
      return { detail, lists };
    },
    // Toasts from here, not the button: the button leaves the screen as soon as the job shows as cancelled.
    onError: (error, id, context) => {
      toast.error('취소하지 못했습니다', errorMessage(error));
      if (!context) return;
      queryClient.setQueryData(smsKeys.bulkJob(id), context.detail);
      for (const [key, page] of context.lists) queryClient.setQueryData(key, page);
    },
    onSuccess: (job) => {
      queryClient.setQueryData(smsKeys.bulkJob(job.id), job);
      toast.success('대량 발송을 취소했습니다', job.title);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: smsKeys.bulkJobs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsKeys.stats() }),
      ]),
  });
}

export { normaliseFilters };

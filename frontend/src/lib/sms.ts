/**
 * The messaging operations more than one feature uses (the SMS screens and the applications back office): sends,
 * bulk jobs, templates and the server's text preview, with the key factory's shared part. Features build their
 * own keys on top of `smsBaseKeys`, so invalidating `smsBaseKeys.logs()` reaches every cached log.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { client } from '@/client/client.gen';
import { smsBulkCreate, smsBulkGet, smsSend, smsTemplatesList, smsTemplatesPreview } from '@/client/sdk.gen';
import type {
  BulkJobCreate,
  BulkJobDetail,
  BulkJobRead,
  JibsaMessagingSchemasSmsQueued as SmsQueued,
  SmsSendMmsErrors,
  SmsSendMmsResponses,
  SmsSendRequest,
  SmsTemplateRead,
  TemplatePreview,
  TemplatePreviewRequest,
} from '@/client/types.gen';

import './api-client';
import { STALE_TIME } from './query-client';

export type { SmsQueued };

/** Up to 3 JPEG attachments make a message an MMS. */
export const MMS_MAX_IMAGES = 3;

export const smsBaseKeys = {
  all: ['sms'] as const,
  logs: () => [...smsBaseKeys.all, 'logs'] as const,
  stats: () => [...smsBaseKeys.all, 'stats'] as const,
  bulkJobs: () => [...smsBaseKeys.all, 'bulk'] as const,
  bulkJob: (id: number) => [...smsBaseKeys.bulkJobs(), id] as const,
  templates: () => [...smsBaseKeys.all, 'templates'] as const,
  previews: () => [...smsBaseKeys.all, 'preview'] as const,
  preview: (body: TemplatePreviewRequest) => [...smsBaseKeys.previews(), body] as const,
};

export async function sendSms(body: SmsSendRequest, idempotencyKey: string): Promise<SmsQueued> {
  const { data } = await smsSend({ body, headers: { 'Idempotency-Key': idempotencyKey }, throwOnError: true });
  return data;
}

/** MMS: multipart with 1–3 `images` (the generator only models the JSON part, so the form is built here). */
export async function sendMms(body: SmsSendRequest, images: File[], idempotencyKey: string): Promise<SmsQueued> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && value !== undefined && value !== '') form.set(key, String(value));
  }
  for (const image of images) form.append('images', image, image.name);
  const { data } = await client.post<SmsSendMmsResponses, SmsSendMmsErrors, true>({
    url: '/api/v1/admin/sms/send-mms',
    body: form,
    bodySerializer: null,
    headers: { 'Content-Type': null, 'Idempotency-Key': idempotencyKey },
    throwOnError: true,
  });
  return data;
}

export async function createBulkJob(body: BulkJobCreate, idempotencyKey: string): Promise<BulkJobRead> {
  const { data } = await smsBulkCreate({ body, headers: { 'Idempotency-Key': idempotencyKey }, throwOnError: true });
  return data;
}

export async function getBulkJob(id: number, signal?: AbortSignal): Promise<BulkJobDetail> {
  const { data } = await smsBulkGet({ path: { job_id: id }, signal, throwOnError: true });
  return data;
}

export async function getTemplates(signal?: AbortSignal): Promise<SmsTemplateRead[]> {
  const { data } = await smsTemplatesList({ signal, throwOnError: true });
  return data;
}

export async function previewText(body: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  const { data } = await smsTemplatesPreview({ body, signal, throwOnError: true });
  return data;
}

const TERMINAL_JOB = new Set(['completed', 'partial_failed', 'failed', 'cancelled']);

export function isJobDone(job: Pick<BulkJobDetail, 'status'> | undefined): boolean {
  return !!job && TERMINAL_JOB.has(job.status);
}

/** How often a running bulk job is polled. */
export const BULK_POLL_MS = 2000;

export const JOB_STATUS_LABEL: Record<string, string> = {
  pending: '준비 중',
  processing: '발송 중',
  completed: '완료',
  partial_failed: '일부 실패',
  failed: '실패',
  cancelled: '취소됨',
};

export const smsSharedQueries = {
  /** A bulk job's progress, polled every 2 s until it reaches a final state. */
  bulkJob: (id: number) =>
    queryOptions({
      queryKey: smsBaseKeys.bulkJob(id),
      queryFn: ({ signal }) => getBulkJob(id, signal),
      staleTime: 0,
      refetchInterval: (query) => (isJobDone(query.state.data) ? false : BULK_POLL_MS),
    }),
  templates: () =>
    queryOptions({ queryKey: smsBaseKeys.templates(), queryFn: ({ signal }) => getTemplates(signal), staleTime: STALE_TIME.reference }),
  /** The server's rendering of a text (prefix, bytes, SMS/LMS, unsupported characters); same text, same answer. */
  preview: (body: TemplatePreviewRequest) =>
    queryOptions({
      queryKey: smsBaseKeys.preview(body),
      queryFn: ({ signal }) => previewText(body, signal),
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
};

/** The messaging API: one function per operation, through the generated client. */
import { client } from '@/client/client.gen';
import {
  smsBulkCancel,
  smsBulkCreate,
  smsBulkGet,
  smsBulkList,
  smsGet,
  smsList,
  smsRecipients,
  smsRetry,
  smsSend,
  smsStats,
  smsTemplatesCreate,
  smsTemplatesDelete,
  smsTemplatesList,
  smsTemplatesPreview,
  smsTemplatesUpdate,
} from '@/client/sdk.gen';
import type {
  BulkJobCreate,
  BulkJobDetail,
  BulkJobRead,
  CursorPageSmsItem,
  JibsaMessagingSchemasSmsQueued as SmsQueued,
  MessageStatus,
  MessageType,
  PageBulkJobRead,
  PageRecipientItem,
  SmsDetail,
  SmsSendMmsErrors,
  SmsSendMmsResponses,
  SmsSendRequest,
  SmsStats,
  SmsTemplateCreate,
  SmsTemplateRead,
  SmsTemplateUpdate,
  TemplatePreview,
  TemplatePreviewRequest,
  TriggerSource,
} from '@/client/types.gen';
import '@/lib/api-client';

export type { SmsQueued };

export interface SmsLogFilters {
  status?: MessageStatus | undefined;
  message_type?: MessageType | undefined;
  trigger?: TriggerSource | undefined;
  /** Full number or its last 4 digits. */
  search?: string | undefined;
}

export const SMS_PAGE_SIZE = 30;

export async function getSmsLogs(filters: SmsLogFilters, cursor: string | null, signal?: AbortSignal): Promise<CursorPageSmsItem> {
  const { data } = await smsList({ query: { ...filters, cursor, limit: SMS_PAGE_SIZE }, signal, throwOnError: true });
  return data;
}

export async function getSmsStats(signal?: AbortSignal): Promise<SmsStats> {
  const { data } = await smsStats({ signal, throwOnError: true });
  return data;
}

export async function getSmsDetail(id: number, signal?: AbortSignal): Promise<SmsDetail> {
  const { data } = await smsGet({ path: { message_id: id }, signal, throwOnError: true });
  return data;
}

export interface RecipientParams {
  target_type: 'customer' | 'partner';
  search?: string | undefined;
  status?: string | undefined;
  page: number;
}

export async function getRecipients(params: RecipientParams, signal?: AbortSignal): Promise<PageRecipientItem> {
  const { data } = await smsRecipients({ query: { ...params, page_size: 20 }, signal, throwOnError: true });
  return data;
}

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

export async function retrySms(id: number, idempotencyKey: string): Promise<SmsQueued> {
  const { data } = await smsRetry({ path: { message_id: id }, headers: { 'Idempotency-Key': idempotencyKey }, throwOnError: true });
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

export interface BulkJobListParams {
  page: number;
  status?: string | undefined;
}

export const BULK_PAGE_SIZE = 20;

export async function getBulkJobs(params: BulkJobListParams, signal?: AbortSignal): Promise<PageBulkJobRead> {
  const { data } = await smsBulkList({ query: { ...params, page_size: BULK_PAGE_SIZE }, signal, throwOnError: true });
  return data;
}

export async function cancelBulkJob(id: number): Promise<BulkJobDetail> {
  const { data } = await smsBulkCancel({ path: { job_id: id }, throwOnError: true });
  return data;
}

export async function getTemplates(signal?: AbortSignal): Promise<SmsTemplateRead[]> {
  const { data } = await smsTemplatesList({ signal, throwOnError: true });
  return data;
}

export async function createTemplate(body: SmsTemplateCreate): Promise<SmsTemplateRead> {
  const { data } = await smsTemplatesCreate({ body, throwOnError: true });
  return data;
}

export async function deleteTemplate(id: number): Promise<void> {
  await smsTemplatesDelete({ path: { template_id: id }, throwOnError: true });
}

export async function updateTemplate(id: number, body: SmsTemplateUpdate): Promise<SmsTemplateRead> {
  const { data } = await smsTemplatesUpdate({ path: { template_id: id }, body, throwOnError: true });
  return data;
}

export async function previewText(body: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  const { data } = await smsTemplatesPreview({ body, signal, throwOnError: true });
  return data;
}

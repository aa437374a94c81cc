/** The messaging API: one function per operation, through the generated client. */
import {
  smsBulkCancel,
  smsBulkList,
  smsGet,
  smsList,
  smsRecipients,
  smsRecipientsSearch,
  smsRetry,
  smsSearch,
  smsStats,
  smsTemplatesCreate,
  smsTemplatesDelete,
  smsTemplatesUpdate,
} from '@/client/sdk.gen';
import type {
  BulkJobDetail,
  CursorPageSmsItem,
  MessageStatus,
  MessageType,
  PageBulkJobRead,
  PageRecipientItem,
  SmsDetail,
  SmsStats,
  SmsTemplateCreate,
  SmsTemplateRead,
  SmsTemplateUpdate,
  TriggerSource,
} from '@/client/types.gen';
import '@/lib/api-client';
import type { SmsQueued } from '@/lib/sms';

// Sends, bulk jobs, templates and the preview are shared with the applications back office.
export { createBulkJob, getBulkJob, getTemplates, previewText, sendMms, sendSms, type SmsQueued } from '@/lib/sms';

export interface SmsLogFilters {
  status?: MessageStatus | undefined;
  message_type?: MessageType | undefined;
  trigger?: TriggerSource | undefined;
  /** Full number or its last 4 digits. */
  search?: string | undefined;
}

export const SMS_PAGE_SIZE = 30;

/** One page of the log; a phone to search goes in a POST body, never in the URL (access logs keep URLs). */
export async function getSmsLogs(filters: SmsLogFilters, cursor: string | null, signal?: AbortSignal): Promise<CursorPageSmsItem> {
  const { search, ...rest } = filters;
  if (search) {
    const { data } = await smsSearch({ body: { ...rest, search, cursor, limit: SMS_PAGE_SIZE }, signal, throwOnError: true });
    return data;
  }
  const { data } = await smsList({ query: { ...rest, cursor, limit: SMS_PAGE_SIZE }, signal, throwOnError: true });
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

/** One page of the picker; a name or phone to search goes in a POST body, never in the URL. */
export async function getRecipients(params: RecipientParams, signal?: AbortSignal): Promise<PageRecipientItem> {
  const { search, ...rest } = params;
  if (search) {
    const { data } = await smsRecipientsSearch({ body: { ...rest, search, page_size: 20 }, signal, throwOnError: true });
    return data;
  }
  const { data } = await smsRecipients({ query: { ...rest, page_size: 20 }, signal, throwOnError: true });
  return data;
}

export async function retrySms(id: number, idempotencyKey: string): Promise<SmsQueued> {
  const { data } = await smsRetry({ path: { message_id: id }, headers: { 'Idempotency-Key': idempotencyKey }, throwOnError: true });
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

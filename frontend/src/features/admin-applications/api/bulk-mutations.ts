import { useMutation, useQueryClient } from '@tanstack/react-query';

import { adminApplicationsBulkAssign } from '@/client/sdk.gen';
import type { BulkAssign, BulkAssignResult, BulkJobRead, SmsSendRequest } from '@/client/types.gen';
import { useIdempotencyKey } from '@/hooks/use-idempotency-key';
import '@/lib/api-client';
import { createBulkJob, sendMms, sendSms, smsBaseKeys, type SmsQueued } from '@/lib/sms';

import { applicationQueries } from './application-queries';

export async function bulkAssign(body: BulkAssign, idempotencyKey: string): Promise<BulkAssignResult> {
  const { data } = await adminApplicationsBulkAssign({ body, headers: { 'Idempotency-Key': idempotencyKey }, throwOnError: true });
  return data;
}

/**
 * One partner for the selected applications. Whatever the outcome, every list page and the detail of each
 * application asked about are refetched (statuses and partners change; a refusal may mean someone else changed them).
 */
export function useBulkAssign() {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: BulkAssign) => bulkAssign(body, key.current()),
    onSuccess: () => key.renew(),
    onSettled: (_result, _error, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationQueries.lists() }),
        ...body.application_ids.map((id) => queryClient.invalidateQueries({ queryKey: applicationQueries.detailKey(id) })),
      ]),
  });
}

export interface BulkSmsInput {
  title: string;
  message: string;
  applicationIds: number[];
}

/** A `manual_select` bulk job to the customers of the given applications (one message per phone number). */
export function useBulkSmsToCustomers() {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation<BulkJobRead, Error, BulkSmsInput>({
    mutationFn: ({ title, message, applicationIds }) =>
      createBulkJob(
        { title, job_type: 'manual_select', target_type: 'customer', target_ids: applicationIds, message, is_advertisement: false },
        key.current(),
      ),
    onSuccess: () => {
      key.renew();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: smsBaseKeys.bulkJobs() }),
        queryClient.invalidateQueries({ queryKey: smsBaseKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsBaseKeys.stats() }),
      ]);
    },
  });
}

export interface CustomerMessageInput {
  message: string;
  subject?: string | null;
  images: File[];
}

/** SMS/LMS, or MMS with images, to this application's customer; the SMS log and stats refresh afterwards. */
export function useSendCustomerMessage(applicationId: number) {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation<SmsQueued, Error, CustomerMessageInput>({
    mutationFn: ({ message, subject, images }) => {
      const body: SmsSendRequest = { application_id: applicationId, recipient_kind: 'customer', message, subject: subject ?? null };
      return images.length > 0 ? sendMms(body, images, key.current()) : sendSms(body, key.current());
    },
    onSuccess: () => key.renew(),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: smsBaseKeys.logs() }),
        queryClient.invalidateQueries({ queryKey: smsBaseKeys.stats() }),
      ]),
  });
}

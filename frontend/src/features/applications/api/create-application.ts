import { useMutation } from '@tanstack/react-query';

import { client } from '@/client/client.gen';
import type { ApplicationsSubmitErrors, ApplicationsSubmitResponses, ApplicationSubmitted } from '@/client/types.gen';
import '@/lib/api-client';
import { digitsOnly } from '@/lib/phone';

import type { ApplyFormValues } from '../schema';

export interface CreateApplicationInput {
  values: ApplyFormValues;
  photos: File[];
  idempotencyKey: string;
  /** District picked in the region selects (optional; lets the office filter by area). */
  districtCode?: string | null;
}

/** The multipart form of POST /applications (field names per the backend's multipart schema). */
export function applicationFormData({ values, photos, districtCode }: Omit<CreateApplicationInput, 'idempotencyKey'>): FormData {
  const form = new FormData();
  form.set('customer_name', values.customer_name.trim());
  form.set('customer_phone', digitsOnly(values.customer_phone));
  form.set('address', values.address.trim());
  if (values.address_detail.trim()) form.set('address_detail', values.address_detail.trim());
  if (districtCode) form.set('district_code', districtCode);
  form.set('selected_services', JSON.stringify(values.selected_services));
  form.set('description', values.description.trim());
  if (values.preferred_consultation_date) form.set('preferred_consultation_date', values.preferred_consultation_date);
  if (values.preferred_work_date) form.set('preferred_work_date', values.preferred_work_date);
  form.set('privacy_consent', 'true');
  for (const photo of photos) form.append('photos', photo, photo.name);
  return form;
}

/**
 * POST /applications as multipart; the Idempotency-Key makes a retry after a lost answer safe.
 *
 * The operation accepts JSON or multipart and the generator builds the JSON variant, so the multipart call goes
 * through the generated client with the generated response types.
 */
export async function createApplication(input: CreateApplicationInput): Promise<ApplicationSubmitted> {
  const { data } = await client.post<ApplicationsSubmitResponses, ApplicationsSubmitErrors, true>({
    url: '/api/v1/applications',
    body: applicationFormData(input),
    bodySerializer: null,
    // null drops the client's default JSON Content-Type; fetch sets multipart with its boundary.
    headers: { 'Content-Type': null, 'Idempotency-Key': input.idempotencyKey },
    throwOnError: true,
  });
  return data;
}

export function useCreateApplication() {
  return useMutation({ mutationFn: createApplication });
}

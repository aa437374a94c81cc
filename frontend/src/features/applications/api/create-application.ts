import { useMutation } from '@tanstack/react-query';

import { applicationsCreateApplication } from '@/client/sdk.gen';
import type { ApplicationCreated } from '@/client/types.gen';
import '@/lib/api-client';
import { digitsOnly } from '@/lib/phone';

import type { ApplyFormValues } from '../schema';

export interface CreateApplicationInput {
  values: ApplyFormValues;
  photos: File[];
  idempotencyKey: string;
}

/** POST /applications as multipart; the Idempotency-Key makes a retry after a lost answer safe. */
export async function createApplication({ values, photos, idempotencyKey }: CreateApplicationInput): Promise<ApplicationCreated> {
  const { data } = await applicationsCreateApplication({
    body: {
      customer_name: values.customer_name.trim(),
      customer_phone: digitsOnly(values.customer_phone),
      address: values.address.trim(),
      address_detail: values.address_detail.trim() || null,
      selected_services: JSON.stringify(values.selected_services),
      description: values.description.trim(),
      preferred_consultation_date: values.preferred_consultation_date || null,
      preferred_work_date: values.preferred_work_date || null,
      privacy_consent: 'true',
      photos,
    },
    headers: { 'Idempotency-Key': idempotencyKey },
    throwOnError: true,
  });
  return data;
}

export function useCreateApplication() {
  return useMutation({ mutationFn: createApplication });
}

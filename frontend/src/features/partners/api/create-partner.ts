import { useMutation } from '@tanstack/react-query';

import { partnersCreatePartner } from '@/client/sdk.gen';
import type { PartnerCreated } from '@/client/types.gen';
import '@/lib/api-client';
import { formatBusinessNumber } from '@/lib/business-number';
import { digitsOnly } from '@/lib/phone';

import type { PartnerFormValues } from '../schema';

export interface CreatePartnerInput {
  values: PartnerFormValues;
  file: File | null;
  idempotencyKey: string;
}

const orNull = (v: string) => v.trim() || null;

/** POST /partners as multipart with the optional business registration file. */
export async function createPartner({ values, file, idempotencyKey }: CreatePartnerInput): Promise<PartnerCreated> {
  const { data } = await partnersCreatePartner({
    body: {
      company_name: values.company_name.trim(),
      representative_name: values.representative_name.trim(),
      business_number: values.business_number ? formatBusinessNumber(values.business_number) : null,
      contact_phone: digitsOnly(values.contact_phone),
      contact_email: orNull(values.contact_email),
      address: values.address.trim(),
      address_detail: orNull(values.address_detail),
      service_codes: JSON.stringify(values.service_codes),
      work_regions: JSON.stringify(values.work_regions),
      introduction: orNull(values.introduction),
      experience: orNull(values.experience),
      remarks: orNull(values.remarks),
      privacy_consent: 'true',
      terms_consent: 'true',
      business_registration_file: file,
    },
    headers: { 'Idempotency-Key': idempotencyKey },
    throwOnError: true,
  });
  return data;
}

export function useCreatePartner() {
  return useMutation({ mutationFn: createPartner });
}

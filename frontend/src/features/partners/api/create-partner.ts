import { useMutation } from '@tanstack/react-query';

import { client } from '@/client/client.gen';
import type { PartnerRegistered, PartnersRegisterErrors, PartnersRegisterResponses } from '@/client/types.gen';
import '@/lib/api-client';
import { formatBusinessNumber } from '@/lib/business-number';
import { digitsOnly } from '@/lib/phone';

import type { PartnerFormValues } from '../schema';

export interface CreatePartnerInput {
  values: PartnerFormValues;
  file: File | null;
  idempotencyKey: string;
}

/** The multipart form of POST /partners. Optional fields are left out when blank. */
export function partnerFormData({ values, file }: Omit<CreatePartnerInput, 'idempotencyKey'>): FormData {
  const form = new FormData();
  const optional = (name: string, value: string) => {
    if (value.trim()) form.set(name, value.trim());
  };
  form.set('company_name', values.company_name.trim());
  form.set('representative_name', values.representative_name.trim());
  if (values.business_number) form.set('business_number', formatBusinessNumber(values.business_number));
  form.set('contact_phone', digitsOnly(values.contact_phone));
  optional('contact_email', values.contact_email);
  form.set('address', values.address.trim());
  optional('address_detail', values.address_detail);
  form.set('service_codes', JSON.stringify(values.service_codes));
  form.set('work_regions', JSON.stringify(values.work_regions));
  optional('introduction', values.introduction);
  optional('experience', values.experience);
  optional('remarks', values.remarks);
  form.set('privacy_consent', 'true');
  form.set('terms_consent', 'true');
  if (file) form.set('business_registration_file', file, file.name);
  return form;
}

/** POST /partners as multipart (see createApplication for why it uses the client directly). */
export async function createPartner(input: CreatePartnerInput): Promise<PartnerRegistered> {
  const { data } = await client.post<PartnersRegisterResponses, PartnersRegisterErrors, true>({
    url: '/api/v1/partners',
    body: partnerFormData(input),
    bodySerializer: null,
    // null drops the client's default JSON Content-Type; fetch sets multipart with its boundary.
    headers: { 'Content-Type': null, 'Idempotency-Key': input.idempotencyKey },
    throwOnError: true,
  });
  return data;
}

export function useCreatePartner() {
  return useMutation({ mutationFn: createPartner });
}

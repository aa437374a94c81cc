import { useQuery } from '@tanstack/react-query';

import { COMPANY } from '@/config/company';
import { companyQueries } from '@/lib/company-query';

export interface CompanyInfo {
  name: string;
  phone: string;
  email: string;
  address: string;
  businessNumber: string | null;
  representative: string | null;
  tagline: string;
  businessHours: string;
  legalName: string;
  /** False while the settings are loading (the fallback is shown meanwhile). */
  loaded: boolean;
}

/** The company profile from the settings, with the built-in values as the loading/failure fallback. */
export function useCompany(): CompanyInfo {
  const { data } = useQuery(companyQueries.profile());
  return {
    name: data?.name || COMPANY.name,
    phone: data?.phone || COMPANY.phone,
    email: data?.email || COMPANY.email,
    address: data?.address || COMPANY.address,
    businessNumber: data?.business_number || null,
    representative: data?.representative || null,
    tagline: data?.tagline || COMPANY.slogan,
    businessHours: COMPANY.businessHours,
    legalName: data?.name || COMPANY.legalName,
    loaded: data !== undefined,
  };
}

export type {
  BookingStatus,
  District,
  ProvinceWithDistricts,
  ServiceCatalog,
  ServiceCategoryWithServices,
  ServiceType,
} from '@/client/types.gen';

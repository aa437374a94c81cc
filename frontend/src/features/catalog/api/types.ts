export type {
  BookingStatus,
  DistrictOut,
  ProvinceWithDistricts,
  Catalog,
  CategoryWithServices,
  ServiceTypeOut,
} from '@/client/types.gen';

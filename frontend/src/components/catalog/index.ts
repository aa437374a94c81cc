export * from './catalog-utils';
export { RegionPicker, REGION_PRESETS, type WorkRegion } from './region-picker';
export { ServiceIcon } from './service-icon';
export { ServicePicker } from './service-picker';

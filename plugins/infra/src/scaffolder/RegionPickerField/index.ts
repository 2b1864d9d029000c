export {
  RegionPickerField,
  regionContext,
  validateRegions,
} from './RegionPickerField';

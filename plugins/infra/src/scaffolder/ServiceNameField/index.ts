export { ServiceNameField } from './ServiceNameField';
export {
  existingService,
  existingServiceMessage,
  infraTabPath,
  isChangeMode,
} from './existingService';

export { infraApiRef } from './InfraApi';
export type {
  ChangePreview,
  ChangePreviewOutcome,
  InfraApi,
  PlanOutcome,
  ServiceChangeSource,
} from './InfraApi';
export { InfraClient } from './InfraClient';

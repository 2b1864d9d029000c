export { infraApiRef } from './InfraApi';
export type {
  ChangePreview,
  ChangePreviewOutcome,
  DecisionChange,
  InfraApi,
  PlanOutcome,
  ServiceChangeSource,
} from './InfraApi';
export { InfraClient } from './InfraClient';

export { infraApiRef } from './InfraApi';
export type { InfraApi, PlanOutcome } from './InfraApi';
export { InfraClient } from './InfraClient';

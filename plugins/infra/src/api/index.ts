export { infraApiRef } from './InfraApi';
export type { InfraApi } from './InfraApi';
export { InfraClient } from './InfraClient';

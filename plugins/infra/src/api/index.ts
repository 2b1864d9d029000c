export * from './InfraApi';
export * from './InfraClient';

export * from './errorBudget';
export * from './burnRate';
export * from './queries';
export * from './live';
export * from './buckets';
export * from './latencyThreshold';

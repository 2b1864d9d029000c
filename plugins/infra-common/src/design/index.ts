export * from './types';
export {
  designSchema,
  SUBNET_TIERS,
  SIZE_CLASSES,
  SEVERITIES,
  COST_FAMILIES,
} from './schema';
export * from './names';
export * from './adminAccess';
export type { Reasoned } from './reasoned';
export * from './cidr';
export * from './redundancy';
export * from './disasterRecovery';
export * from './network';
export * from './sizing';
export * from './security';
export * from './operations';
export * from './iac';
export * from './cost';
export * from './slos';

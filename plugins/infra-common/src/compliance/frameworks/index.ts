import type { FrameworkId } from '../../catalog';
import { gdpr } from './gdpr';
import { hipaa } from './hipaa';
import { iso27001 } from './iso27001';
import { pciDss } from './pciDss';
import { soc2 } from './soc2';
import type { FrameworkDefinition } from './types';

export type {
  FrameworkDefinition,
  FrameworkRequirement,
  RequirementSeverity,
} from './types';
export { PCI_AUDIT_LOG_RETENTION_DAYS } from './pciDss';

export const FRAMEWORKS: Record<FrameworkId, FrameworkDefinition> = {
  soc2,
  iso27001,
  hipaa,
  'pci-dss': pciDss,
  gdpr,
};

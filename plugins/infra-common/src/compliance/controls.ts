/*
 * The technical controls Plinth can check, each read from an environment's declared
 * controls (`spec.environment.controls`, see docs/catalog-contract.md). A check answers
 * true (met), false (not met) or undefined (no data): absent data is never a pass.
 */
import type { DeclaredControls, Stage } from '../catalog';

export interface ControlDefinition {
  /** Unique per check and parameters: `audit-log-retention-365d`. */
  id: string;
  title: string;
  /** The declared field the evidence shows. */
  field: keyof DeclaredControls;
  /** Stages the control applies to; production-only controls skip dev and staging. */
  stages: readonly Stage[];
  check(controls: DeclaredControls): boolean | undefined;
  fixHint: string;
}

const ALL_STAGES: readonly Stage[] = ['development', 'staging', 'production'];
const PRODUCTION: readonly Stage[] = ['production'];

function flag(
  id: string,
  field: keyof DeclaredControls,
  title: string,
  fixHint: string,
  stages: readonly Stage[] = ALL_STAGES,
): ControlDefinition {
  return {
    id,
    title,
    field,
    stages,
    check: c => {
      const value = c[field];
      return value === undefined ? undefined : value === true;
    },
    fixHint,
  };
}

export const encryptionAtRest = (): ControlDefinition => ({
  id: 'encryption-at-rest',
  title: 'Data encrypted at rest',
  field: 'encryptionAtRest',
  stages: ALL_STAGES,
  check: c =>
    c.encryptionAtRest === undefined
      ? undefined
      : c.encryptionAtRest !== 'none',
  fixHint:
    'Enable storage encryption on databases, volumes and buckets, and declare encryptionAtRest.',
});

export const encryptionAtRestManagedKey = (): ControlDefinition => ({
  id: 'encryption-at-rest-managed-key',
  title: 'Data encrypted at rest with a customer-managed key',
  field: 'encryptionAtRest',
  stages: ALL_STAGES,
  check: c =>
    c.encryptionAtRest === undefined
      ? undefined
      : c.encryptionAtRest === 'managed-key',
  fixHint:
    'Encrypt with a customer-managed KMS / Cloud KMS / Key Vault key with rotation, and declare encryptionAtRest: managed-key.',
});

export const encryptionInTransit = (): ControlDefinition =>
  flag(
    'encryption-in-transit',
    'encryptionInTransit',
    'Traffic encrypted in transit',
    'Terminate TLS at the load balancer, redirect HTTP to HTTPS and encrypt connections to databases.',
  );

export const tlsMinimum12 = (): ControlDefinition => ({
  id: 'tls-1-2-minimum',
  title: 'TLS 1.2 or newer only',
  field: 'tlsMinVersion',
  stages: ALL_STAGES,
  // Only "1.2" and "1.3" exist in the contract; anything else is treated as too old.
  check: c =>
    c.tlsMinVersion === undefined
      ? undefined
      : c.tlsMinVersion === '1.2' || c.tlsMinVersion === '1.3',
  fixHint: 'Set the load balancer TLS policy to TLS 1.2 or newer.',
});

export const auditLogging = (): ControlDefinition =>
  flag(
    'audit-logging',
    'auditLogging',
    'Audit logging enabled',
    'Enable the cloud audit trail (CloudTrail, Cloud Audit Logs, Activity Log) for every region.',
  );

export const auditLogRetention = (minDays: number): ControlDefinition => ({
  id: `audit-log-retention-${minDays}d`,
  title: `Audit logs kept at least ${minDays} days`,
  field: 'auditLogRetentionDays',
  stages: ALL_STAGES,
  check: c =>
    c.auditLogRetentionDays === undefined
      ? undefined
      : c.auditLogRetentionDays >= minDays,
  fixHint: `Keep audit logs for at least ${minDays} days (archive tier is fine after 90 days).`,
});

export const backups = (minDays: number): ControlDefinition => ({
  id: `backups-${minDays}d`,
  title: `Backups kept at least ${minDays} days`,
  field: 'backupRetentionDays',
  stages: PRODUCTION,
  check: c => {
    if (c.backups === false) return false;
    if (c.backups === undefined || c.backupRetentionDays === undefined)
      return undefined;
    return c.backupRetentionDays >= minDays;
  },
  fixHint: `Enable automated backups with a retention of at least ${minDays} days.`,
});

export const pointInTimeRecovery = (): ControlDefinition =>
  flag(
    'point-in-time-recovery',
    'pointInTimeRecovery',
    'Point-in-time recovery for databases',
    'Enable point-in-time recovery on production databases.',
    PRODUCTION,
  );

export const multiAz = (): ControlDefinition =>
  flag(
    'multi-az',
    'multiAz',
    'Production spread across availability zones',
    'Run production in at least two availability zones, databases included.',
    PRODUCTION,
  );

export const flowLogs = (): ControlDefinition =>
  flag(
    'flow-logs',
    'flowLogs',
    'Network flow logs enabled',
    'Enable VPC / subnet flow logs and ship them to the log archive.',
  );

export const privateDataTier = (): ControlDefinition =>
  flag(
    'private-data-tier',
    'privateDataTier',
    'Data stores not reachable from the internet',
    'Put databases and caches in private data subnets with no public address.',
  );

export const networkSegmentation = (): ControlDefinition =>
  flag(
    'network-segmentation',
    'networkSegmentation',
    'Network tiers separated by rules',
    'Separate public, private and data tiers with security groups / firewall rules that allow only the needed ports.',
  );

export const deletionProtection = (): ControlDefinition =>
  flag(
    'deletion-protection',
    'deletionProtection',
    'Deletion protection on production data',
    'Enable deletion protection on production databases and state buckets.',
    PRODUCTION,
  );

export const waf = (): ControlDefinition =>
  flag(
    'waf',
    'waf',
    'Web application firewall in front of public endpoints',
    'Attach a WAF (AWS WAF, Cloud Armor, Azure WAF) with the managed core rule set.',
    PRODUCTION,
  );

export const leastPrivilegeRoles = (): ControlDefinition =>
  flag(
    'least-privilege-roles',
    'leastPrivilegeRoles',
    'Least-privilege roles',
    'Give workloads and pipelines their own roles scoped to the resources they use; no wildcard admin policies.',
  );

export const secretsManagement = (): ControlDefinition =>
  flag(
    'secrets-management',
    'secretsManagement',
    'Secrets in a secrets manager',
    'Keep credentials in Secrets Manager / Secret Manager / Key Vault, never in code or variables.',
  );

export const dataResidencyEu = (): ControlDefinition => ({
  id: 'data-residency-eu',
  title: 'Personal data stays in the EU',
  field: 'dataResidency',
  stages: ALL_STAGES,
  check: c =>
    c.dataResidency === undefined ? undefined : c.dataResidency === 'eu',
  fixHint:
    'Deploy to EU regions only and declare dataResidency: eu, or document the transfer safeguards (SCCs).',
});

export const restoreTested = (): ControlDefinition =>
  flag(
    'restore-tested',
    'restoreTested',
    'Restore from backup tested',
    'Run the restore runbook against a copy of production and record the date.',
    PRODUCTION,
  );

/*
 * Security floors: what the frameworks and the data classification force, whatever the
 * answers say. Answers may raise a floor, never lower it.
 */
import type { FrameworkId, Stage, TlsVersion } from '../catalog';
import { byDefault, derived, fromAnswer, type Reasoned } from './reasoned';
import type { DataClassification, DataKind } from './types';

const FRAMEWORK_NAMES: Record<FrameworkId, string> = {
  soc2: 'SOC 2',
  iso27001: 'ISO 27001',
  hipaa: 'HIPAA',
  'pci-dss': 'PCI DSS',
  gdpr: 'GDPR',
};

/** Audit log retention each framework needs (days) and the requirement behind it. */
export const AUDIT_LOG_FLOORS: Partial<Record<FrameworkId, [number, string]>> =
  {
    'pci-dss': [365, 'PCI DSS 10.5.1 keeps audit logs 12 months'],
    hipaa: [
      365,
      'HIPAA 164.312(b) audit controls (one year kept online; six years recommended)',
    ],
    soc2: [365, 'SOC 2 CC7.2 audits look back over a year of logs'],
    iso27001: [365, 'ISO 27001 A.8.15 logging, audited yearly'],
  };
export const DEFAULT_AUDIT_LOG_DAYS = 90;

/** Backup retention floors for production (days). */
export const BACKUP_FLOORS: Partial<Record<FrameworkId, [number, string]>> = {
  hipaa: [30, 'HIPAA 164.308(a)(7)(ii)(A) data backup plan'],
  soc2: [7, 'SOC 2 A1.2 backups'],
  iso27001: [7, 'ISO 27001 A.8.13 information backup'],
  gdpr: [7, 'GDPR Art. 32(1)(c) timely restore'],
};
/** 35 days is the longest automated backup retention AWS RDS offers. */
export const DEFAULT_PRODUCTION_BACKUP_DAYS = 35;
/** Staging keeps a week of backups. */
export const STAGING_BACKUP_DAYS = 7;
/** Keys rotate yearly. */
export const KEY_ROTATION_DAYS = 365;
/** Flow logs: as long as the audit logs in production (at most a year), a month elsewhere. */
export const MAX_FLOW_LOG_DAYS = 365;
export const NON_PRODUCTION_FLOW_LOG_DAYS = 30;

export function flowLogRetentionFor(
  stage: Stage,
  auditLogDays: number,
): number {
  return stage === 'production'
    ? Math.min(auditLogDays, MAX_FLOW_LOG_DAYS)
    : NON_PRODUCTION_FLOW_LOG_DAYS;
}

function strongestFloor(
  frameworks: readonly FrameworkId[],
  floors: Partial<Record<FrameworkId, [number, string]>>,
): [number, string] | undefined {
  let best: [number, string] | undefined;
  for (const f of frameworks) {
    const floor = floors[f];
    if (floor && (!best || floor[0] > best[0])) best = floor;
  }
  return best;
}

/**
 * An answered retention, raised to the strongest framework floor when it is below it; the
 * reason names the requirement that raised it.
 */
function answeredAtLeastFloor(
  answered: number,
  floor: [number, string] | undefined,
): Reasoned<number> {
  if (floor && answered < floor[0]) {
    return derived(
      floor[0],
      `answered ${answered} days, raised to ${floor[0]}: ${floor[1]}`,
    );
  }
  return fromAnswer(answered);
}

export function auditLogRetentionFor(
  frameworks: readonly FrameworkId[],
  answered: number | undefined,
): Reasoned<number> {
  const floor = strongestFloor(frameworks, AUDIT_LOG_FLOORS);
  if (answered !== undefined) return answeredAtLeastFloor(answered, floor);
  if (floor) return derived(floor[0], floor[1]);
  return byDefault(
    DEFAULT_AUDIT_LOG_DAYS,
    'no framework asks for more: 90 days covers an incident investigation',
  );
}

export function backupRetentionFor(
  stage: Stage,
  frameworks: readonly FrameworkId[],
  answered: number | undefined,
): Reasoned<number> {
  if (stage === 'development') {
    return derived(1, 'development data is disposable: one day of backups');
  }
  if (stage === 'staging') {
    return derived(
      STAGING_BACKUP_DAYS,
      'staging keeps a week of backups to rehearse restores',
    );
  }
  const floor = strongestFloor(frameworks, BACKUP_FLOORS);
  if (answered !== undefined) return answeredAtLeastFloor(answered, floor);
  return byDefault(
    Math.max(DEFAULT_PRODUCTION_BACKUP_DAYS, floor?.[0] ?? 0),
    'no retention given: 35 days, the longest automated retention on every cloud',
  );
}

/**
 * Encryption at rest always uses a customer-managed key with rotation: it is Plinth's
 * secure default, and PCI DSS 3.5.1/3.6.1 and HIPAA 164.312(a)(2)(iv) require it.
 */
export function encryptionAtRestFor(
  frameworks: readonly FrameworkId[],
): Reasoned<'managed-key'> {
  const requiring = frameworks
    .filter(f => f === 'pci-dss' || f === 'hipaa')
    .map(f => FRAMEWORK_NAMES[f]);
  return {
    value: 'managed-key',
    reason: requiring.length
      ? `${requiring.join(
          ' and ',
        )} require encryption at rest with managed keys; rotated yearly`
      : 'secure default: a customer-managed key, rotated yearly, so access to data can be revoked',
    origin: 'derived',
  };
}

export function tlsMinimum(
  answered: TlsVersion,
  defaulted: boolean,
): Reasoned<TlsVersion> {
  return defaulted
    ? {
        value: answered,
        reason:
          'TLS 1.2 is the oldest version still considered secure (PCI DSS 4.2.1, NIST SP 800-52r2)',
        origin: 'default',
      }
    : { value: answered, reason: 'answered', origin: 'answered' };
}

/** A WAF guards public production endpoints; PCI DSS 6.4.2 asks for one. */
export function wafFor(options: {
  stage: Stage;
  publicIngress: boolean;
  frameworks: readonly FrameworkId[];
  answered?: boolean;
}): Reasoned<boolean> {
  if (!options.publicIngress) {
    return {
      value: false,
      reason: 'the load balancer is internal: no internet traffic to filter',
      origin: 'derived',
    };
  }
  if (options.answered !== undefined) {
    return { value: options.answered, reason: 'answered', origin: 'answered' };
  }
  const needed =
    options.stage === 'production' || options.frameworks.includes('pci-dss');
  return needed
    ? {
        value: true,
        reason: options.frameworks.includes('pci-dss')
          ? 'PCI DSS 6.4.2: public web applications sit behind a WAF'
          : 'public production traffic is filtered by a WAF with the managed core rule set',
        origin: 'derived',
      }
    : {
        value: false,
        reason: `${options.stage} is not a production endpoint`,
        origin: 'derived',
      };
}

/** Data that must never sit behind a public address or be exposed without review. */
export function isSensitive(
  classification: DataClassification,
  kinds: readonly DataKind[],
): boolean {
  return (
    classification === 'restricted' ||
    kinds.includes('cardholder') ||
    kinds.includes('phi')
  );
}

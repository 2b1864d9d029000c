/*
 * What the environment schema accepts for each declared control, checked by hand: the
 * parsers' fast path and the compliance summary read raw entities with these instead of
 * zod, and must accept exactly what the schema accepts (environment.fastPath.test.ts).
 */
import {
  DeclaredControls,
  ENCRYPTION_AT_REST,
  RESIDENCIES,
  TLS_VERSIONS,
} from './types';

/** An optional boolean. */
export const isFlag = (v: unknown) => v === undefined || typeof v === 'boolean';

/** An optional whole number of days. */
export const isDays = (v: unknown) =>
  v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);

/** An optional string out of `values`. */
export const isOneOf = (v: unknown, values: readonly string[]) =>
  v === undefined || (typeof v === 'string' && values.includes(v));

/** Each declared control's check. */
export const CONTROL_CHECKS: {
  [K in keyof Required<DeclaredControls>]: (v: unknown) => boolean;
} = {
  encryptionAtRest: v => isOneOf(v, ENCRYPTION_AT_REST),
  encryptionInTransit: isFlag,
  tlsMinVersion: v => isOneOf(v, TLS_VERSIONS),
  auditLogging: isFlag,
  auditLogRetentionDays: isDays,
  backups: isFlag,
  backupRetentionDays: isDays,
  pointInTimeRecovery: isFlag,
  multiAz: isFlag,
  flowLogs: isFlag,
  privateDataTier: isFlag,
  networkSegmentation: isFlag,
  deletionProtection: isFlag,
  waf: isFlag,
  leastPrivilegeRoles: isFlag,
  secretsManagement: isFlag,
  dataResidency: v => isOneOf(v, RESIDENCIES),
  restoreTested: isFlag,
};

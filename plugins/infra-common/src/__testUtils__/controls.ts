/*
 * Arbitrary declared controls for the property tests: every value the environment schema
 * accepts for each control; the two retention counts are given by the test, which picks
 * the ranges (or the values around the frameworks' thresholds) it needs.
 */
import fc from 'fast-check';
import {
  DeclaredControls,
  ENCRYPTION_AT_REST,
  RESIDENCIES,
  TLS_VERSIONS,
} from '../catalog/types';

export function controlArbitraries(days: {
  auditLogRetentionDays: fc.Arbitrary<number>;
  backupRetentionDays: fc.Arbitrary<number>;
}): Record<keyof DeclaredControls, fc.Arbitrary<unknown>> {
  return {
    encryptionAtRest: fc.constantFrom(...ENCRYPTION_AT_REST),
    encryptionInTransit: fc.boolean(),
    tlsMinVersion: fc.constantFrom(...TLS_VERSIONS),
    auditLogging: fc.boolean(),
    auditLogRetentionDays: days.auditLogRetentionDays,
    backups: fc.boolean(),
    backupRetentionDays: days.backupRetentionDays,
    pointInTimeRecovery: fc.boolean(),
    multiAz: fc.boolean(),
    flowLogs: fc.boolean(),
    privateDataTier: fc.boolean(),
    networkSegmentation: fc.boolean(),
    deletionProtection: fc.boolean(),
    waf: fc.boolean(),
    leastPrivilegeRoles: fc.boolean(),
    secretsManagement: fc.boolean(),
    dataResidency: fc.constantFrom(...RESIDENCIES),
    restoreTested: fc.boolean(),
  };
}

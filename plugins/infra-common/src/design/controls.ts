/*
 * The controls an environment declares in the catalog: exactly what the design builds,
 * so the compliance preview of the wizard and the catalog's evaluation agree.
 */
import type { DeclaredControls } from '../catalog';
import {
  DEFAULT_PRODUCTION_BACKUP_DAYS,
  STAGING_BACKUP_DAYS,
} from './security';
import type { EnvironmentDesign } from './types';

/** What an environment will declare in the catalog: exactly what the design builds. */
export function declaredControlsOf(
  env: EnvironmentDesign,
  residency: DeclaredControls['dataResidency'],
): DeclaredControls {
  const db = env.database;
  const production = env.stage === 'production';
  return {
    encryptionAtRest: env.encryption.atRest,
    encryptionInTransit: true,
    tlsMinVersion: env.encryption.tlsMinVersion,
    auditLogging: true,
    auditLogRetentionDays: env.auditLog.retentionDays,
    // Stateless services have nothing to back up but their code, which lives in git.
    backups: true,
    backupRetentionDays:
      db?.backupRetentionDays ??
      (production ? DEFAULT_PRODUCTION_BACKUP_DAYS : STAGING_BACKUP_DAYS),
    pointInTimeRecovery: db
      ? db.pointInTimeRecovery
      : env.stage !== 'development',
    multiAz: env.multiAz,
    flowLogs: env.flowLogs.enabled,
    privateDataTier: true,
    networkSegmentation: true,
    deletionProtection: db ? db.deletionProtection : production,
    waf: env.loadBalancer.waf,
    leastPrivilegeRoles: true,
    secretsManagement: true,
    dataResidency: residency,
    restoreTested: false,
  };
}

/** How each environment meets a control, for the design's compliance section. */
export function howMet(
  field: keyof DeclaredControls,
  environments: readonly EnvironmentDesign[],
): string {
  return environments
    .map(
      e => `${e.name}: ${field} = ${JSON.stringify(e.controls[field] ?? null)}`,
    )
    .join('; ');
}

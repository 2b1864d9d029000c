/*
 * Each environment's design, put together from what steps 1, 2, 4 and 5 decided for it,
 * with the controls it will declare in the catalog.
 */
import type { Answers } from '../answers/schema';
import { declaredControlsOf } from '../design/controls';
import { NON_PRODUCTION_RECOVERY_MINUTES } from '../design/disasterRecovery';
import { APP_PORT } from '../design/network';
import { KEY_ROTATION_DAYS, flowLogRetentionFor } from '../design/security';
import { cacheFor, computeFor, databaseFor } from '../design/sizing';
import type { TlsVersion } from '../catalog';
import type { EnvironmentDesign } from '../design/types';
import type { Reliability } from './reliability';
import type { EnvironmentTopology } from './topology';
import type { Workloads } from './workloads';

/** What step 5 decides for the whole design and for each environment. */
export interface SecuritySettings {
  auditLogRetentionDays: number;
  tlsMinVersion: TlsVersion;
  encryptionAtRest: EnvironmentDesign['encryption']['atRest'];
  waf: boolean[];
}

export function environmentDesigns(
  answers: Answers,
  workloads: Workloads,
  topology: readonly EnvironmentTopology[],
  reliability: Reliability,
  security: SecuritySettings,
): EnvironmentDesign[] {
  const { topology: asked, workload } = answers;
  const { cloud } = asked;
  const tls = security.tlsMinVersion;
  const auditDays = security.auditLogRetentionDays;
  return answers.environments.map((env, index) => {
    const placed = topology[index];
    const { multiAz, drPattern, autoscaling, backupRetentionDays } =
      reliability.environments[index];
    const sizeClass = workloads.sizes[index];
    const production = env.stage === 'production';
    const design: EnvironmentDesign = {
      name: env.name,
      stage: env.stage,
      cloud,
      regions: { primary: asked.primaryRegion, secondary: placed.secondary },
      multiAz,
      multiRegion: placed.multiRegion,
      zones: placed.zones,
      cidr: placed.cidr,
      networks: placed.networks,
      firewallRules: placed.firewallRules,
      loadBalancer: {
        scheme: asked.publicIngress ? 'public' : 'internal',
        tlsMinVersion: tls,
        httpToHttpsRedirect: true,
        waf: security.waf[index],
        healthCheckPath: reliability.healthCheckPath,
        targetPort: APP_PORT,
      },
      compute: computeFor({
        cloud,
        kind: asked.compute,
        sizeClass,
        autoscaling,
        zoneSpread: placed.zoneSpread,
        healthCheckPath: reliability.healthCheckPath,
        headroom: workloads.headroom,
      }),
      encryption: {
        atRest: security.encryptionAtRest,
        keyRotation: true,
        keyRotationDays: KEY_ROTATION_DAYS,
        inTransit: true,
        tlsMinVersion: tls,
      },
      auditLog: { enabled: true, retentionDays: auditDays },
      flowLogs: {
        enabled: true,
        retentionDays: flowLogRetentionFor(env.stage, auditDays),
      },
      drPattern,
      rtoMinutes: production
        ? reliability.rtoMinutes
        : NON_PRODUCTION_RECOVERY_MINUTES,
      rpoMinutes: production
        ? reliability.rpoMinutes
        : NON_PRODUCTION_RECOVERY_MINUTES,
      controls: {},
    };
    if (asked.database !== 'none') {
      const keepsReplicas =
        production && placed.multiRegion && drPattern !== 'backup-restore';
      design.database = databaseFor({
        cloud,
        engine: asked.database,
        stage: env.stage,
        sizeClass,
        storageGb: workload.storageGb,
        multiAz,
        backupRetentionDays,
        crossRegionReplicas: keepsReplicas ? placed.secondary : [],
      });
    }
    if (asked.cache === 'redis')
      design.cache = cacheFor(cloud, sizeClass, multiAz);
    design.controls = declaredControlsOf(
      design,
      answers.constraints.dataResidency,
    );
    return design;
  });
}

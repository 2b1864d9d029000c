/*
 * GCP data replica: a cross-region read replica of the primary Cloud SQL instance in a
 * standby region, on that region's private network only, encrypted with that region's key
 * (a Cloud SQL key must be in the instance's region). Failover promotes it (see the failover
 * runbook). A replica takes no backups of its own; once promoted, backups are turned on.
 */
import { ref, resource } from '../../hcl';
import { TerraformModule, callsReplica, primaryOutput } from '../module';
import { COMMON_VARIABLES } from '../variables';
import {
  LABELS_AND_PROJECT,
  afterGrants,
  moduleVariables,
  serviceAgentKeyUser,
} from './common';
import { cloudSqlSettings } from './data';

export function gcpReplica(): TerraformModule {
  return {
    name: 'replica',
    variables: moduleVariables(
      {
        name: 'region',
        type: 'string',
        description: 'The standby region.',
      },
      {
        name: 'master_instance_name',
        type: 'string',
        description: 'Name of the primary Cloud SQL instance.',
      },
      {
        name: 'database_version',
        type: 'string',
        description: 'Engine version, as the primary.',
      },
      {
        name: 'network_id',
        type: 'string',
        description: "This region's VPC (private IP only).",
      },
      {
        name: 'kms_key_id',
        type: 'string',
        description: "This region's key.",
      },
      {
        name: 'tier',
        type: 'string',
        description: 'Machine tier, as the primary: it takes over its load.',
      },
      COMMON_VARIABLES.deletionProtection,
    ),
    main: [
      ...LABELS_AND_PROJECT,
      serviceAgentKeyUser('cloud_sql'),
      resource('google_sql_database_instance', 'replica', {
        name: ref('var', 'name'),
        region: ref('var', 'region'),
        database_version: ref('var', 'database_version'),
        master_instance_name: ref('var', 'master_instance_name'),
        encryption_key_name: ref('var', 'kms_key_id'),
        deletion_protection: ref('var', 'deletion_protection'),
        settings: cloudSqlSettings('ZONAL'),
        depends_on: afterGrants('cloud_sql'),
      }),
    ],
    outputs: [
      {
        name: 'replica_name',
        value: ref('google_sql_database_instance', 'replica', 'name'),
        description:
          'Instance to promote (`gcloud sql instances promote-replica`).',
      },
    ],
    usedBy: callsReplica,
    args: ({ env, network: n }) => ({
      region: n.region,
      master_instance_name: primaryOutput('data', 'database_instance_name'),
      database_version: primaryOutput('data', 'database_version'),
      network_id: ref('module', 'network', 'network_id'),
      // The replica's private IP needs the private service access of its network first.
      depends_on: [ref('module', 'network')],
      kms_key_id: ref('module', 'security', 'kms_key_id'),
      tier: env.database?.instanceType,
      deletion_protection: env.database?.deletionProtection ?? true,
    }),
  };
}

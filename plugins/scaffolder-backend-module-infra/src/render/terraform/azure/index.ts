/*
 * Azure: the azurerm provider (pinned, Entra ID for storage data-plane calls), the state in
 * an azurerm backend (blob lease locking, Entra ID auth), and the six modules. Azure
 * resources take their region as `location`, so the provider blocks carry no region and
 * every module call passes its region's location.
 */
import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import { nested, ref } from '../../hcl';
import type { CloudTarget, RootVariable } from '../cloud';
import { azureCompute } from './compute';
import { azureData } from './data';
import { azureEdge } from './edge';
import { azureFailover } from './failover';
import { azureReplica } from './replica';
import { anyReplica, hasStandbyRegion } from '../drClaims';
import { azureNetwork } from './network';
import { azureObservability } from './observability';
import { azureSecurity } from './security';

// Variables without a value have no default either: the first plan asks for them (the
// workflow passes them as TF_VAR_*, see the README) instead of running on a fake value.
function rootVariables(env: EnvironmentDesign, design: Design): RootVariable[] {
  const variables: RootVariable[] = [
    {
      spec: {
        name: 'subscription_id',
        type: 'string',
        description: 'The Azure subscription of this environment.',
      },
    },
    {
      spec: {
        name: 'instance_type',
        type: 'string',
        description: 'VM size for nodes or instances.',
      },
      value: env.compute.instanceType,
    },
    {
      spec: {
        name: 'certificate_secret_id',
        type: 'string',
        description:
          'Key Vault secret id of the TLS certificate the Application Gateway serves.',
      },
    },
    // A standby region's gateway reads its certificate from that region's Key Vault.
    {
      spec: {
        name: 'secondary_certificate_secret_id',
        type: 'string',
        description:
          "Key Vault secret id of the TLS certificate in the standby region's Key Vault (disaster recovery).",
      },
    },
    {
      spec: {
        name: 'management_ip_ranges',
        type: 'list(string)',
        description:
          'Public IP ranges of the machine that runs Terraform (CI runners), allowed through the Key Vault firewall: without them creating the key is refused (403).',
      },
    },
  ];
  if (design.environments.some(e => e.database?.engine === 'mysql')) {
    variables.push(
      {
        spec: {
          name: 'database_admins_group_name',
          type: 'string',
          description:
            'Display name of the Entra ID group that administers the MySQL server.',
        },
      },
      {
        spec: {
          name: 'database_admins_group_object_id',
          type: 'string',
          description: 'Object id of that Entra ID group.',
        },
      },
    );
  }
  if (env.compute.kind === 'vms') {
    variables.push({
      spec: {
        name: 'ssh_public_key',
        type: 'string',
        description: 'Public SSH key of the instances admin user.',
      },
    });
  }
  return variables;
}

export const azure: CloudTarget = {
  provider: {
    name: 'azurerm',
    source: 'hashicorp/azurerm',
    // 4.32: PostgreSQL flexible server accepts the versionless key id the modules pass
    // (4.23 to 4.31 reject it); 4.26: MySQL flexible server's `public_network_access`.
    version: '~> 4.32',
  },
  // random and time generate and rotate the MySQL administrator password at apply time.
  extraProviders: design =>
    design.environments.some(e => e.database?.engine === 'mysql')
      ? [
          { name: 'random', source: 'hashicorp/random', version: '~> 3.6' },
          { name: 'time', source: 'hashicorp/time', version: '~> 0.12' },
        ]
      : [],
  modules: (design: Design) => [
    azureNetwork,
    azureSecurity(design),
    azureCompute(design.environments[0].compute.kind),
    azureData(design),
    ...(anyReplica(design) ? [azureReplica(design)] : []),
    azureEdge,
    ...(design.environments.some(hasStandbyRegion) ? [azureFailover] : []),
    azureObservability,
  ],
  // azurerm has no provider region or default tags: modules take location and tags.
  providerBlock: () => ({
    subscription_id: ref('var', 'subscription_id'),
    storage_use_azuread: true,
    features: nested({
      key_vault: nested({
        purge_soft_delete_on_destroy: false,
        recover_soft_deleted_key_vaults: true,
      }),
      resource_group: nested({ prevent_deletion_if_contains_resources: true }),
    }),
  }),
  backend: (design, env) => {
    const backend = design.iac.stateBackend;
    return nested(
      {
        resource_group_name: `rg-${backend.keyPrefix}-tfstate`,
        storage_account_name: backend.bucket,
        container_name: 'tfstate',
        key: `${backend.keyPrefix}/${env.name}.tfstate`,
        use_azuread_auth: true,
      },
      'azurerm',
    );
  },
  rootVariables,
};

/*
 * The GitHub repository variables the generated workflow reads, per environment (suffix
 * `_<ENV>`, e.g. `AWS_ROLE_ARN_PROD`): the OIDC identity of each environment and the root
 * variables that have no value in the tfvars. The README lists them from here, so the two
 * cannot drift apart.
 */
import type { Cloud } from '@plinth/backstage-plugin-infra-common';

export interface RepositoryVariable {
  name: string;
  perEnvironment: boolean;
  description: string;
}

export const REPOSITORY_VARIABLES: Record<Cloud, RepositoryVariable[]> = {
  aws: [
    {
      name: 'AWS_ROLE_ARN',
      perEnvironment: true,
      description:
        'IAM role the workflow assumes with GitHub OIDC (trust: token.actions.githubusercontent.com, this repository).',
    },
    {
      name: 'DOMAIN_NAME',
      perEnvironment: true,
      description:
        'Host name of the service (`domain_name`); each region requests its ACM certificate for it.',
    },
    {
      name: 'DNS_ZONE_NAME',
      perEnvironment: true,
      description:
        'Public Route 53 zone holding that name (`dns_zone_name`); validates the certificates.',
    },
  ],
  azure: [
    {
      name: 'AZURE_TENANT_ID',
      perEnvironment: false,
      description: 'Entra ID tenant.',
    },
    {
      name: 'AZURE_CLIENT_ID',
      perEnvironment: true,
      description:
        'App registration or managed identity with a federated credential for this repository.',
    },
    {
      name: 'AZURE_SUBSCRIPTION_ID',
      perEnvironment: true,
      description: 'Subscription of the environment (`subscription_id`).',
    },
    {
      name: 'TLS_CERTIFICATE_SECRET_ID',
      perEnvironment: true,
      description:
        'Key Vault secret id of the certificate the Application Gateway serves (`certificate_secret_id`).',
    },
    {
      name: 'SECONDARY_TLS_CERTIFICATE_SECRET_ID',
      perEnvironment: true,
      description:
        "Standby region only: secret id of the certificate in that region's Key Vault (`secondary_certificate_secret_id`).",
    },
    {
      name: 'MANAGEMENT_IP_RANGES',
      perEnvironment: true,
      description:
        'JSON list of the runner egress ranges allowed through the Key Vault firewall (`management_ip_ranges`), e.g. `["203.0.113.0/28"]`.',
    },
    {
      name: 'DATABASE_ADMINS_GROUP_NAME',
      perEnvironment: true,
      description: 'MySQL only: Entra ID group that administers the server.',
    },
    {
      name: 'DATABASE_ADMINS_GROUP_OBJECT_ID',
      perEnvironment: true,
      description: 'MySQL only: object id of that group.',
    },
    {
      name: 'SSH_PUBLIC_KEY',
      perEnvironment: true,
      description: 'VMs only: public key of the admin user.',
    },
  ],
  gcp: [
    {
      name: 'GCP_WORKLOAD_IDENTITY_PROVIDER',
      perEnvironment: true,
      description:
        'Workload identity provider resource name that trusts this repository.',
    },
    {
      name: 'GCP_SERVICE_ACCOUNT',
      perEnvironment: true,
      description: 'Service account the workflow impersonates.',
    },
    {
      name: 'GCP_PROJECT_ID',
      perEnvironment: true,
      description: 'Project id of the environment (`project`).',
    },
    {
      name: 'DOMAINS',
      perEnvironment: true,
      description:
        'JSON list of the HTTPS domains (`domains`), e.g. `["api.payments.internal.corp"]`.',
    },
  ],
};

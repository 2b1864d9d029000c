/*
 * GCP: the google provider (pinned), the state in a gcs backend (one prefix per
 * environment), and the six modules, each in its own file like aws/ and azure/: network,
 * security, compute (GKE, a managed instance group or Cloud Run), data (Cloud SQL,
 * Memorystore), edge (HTTPS load balancer, Cloud Armor) and observability (audit logs).
 */
import { nested, ref } from '../../hcl';
import type { CloudTarget } from '../cloud';
import { gcpCompute } from './compute';
import { gcpData } from './data';
import { gcpEdge } from './edge';
import { gcpNetwork } from './network';
import { gcpObservability } from './observability';
import { gcpReplica } from './replica';
import { anyReplica } from '../drClaims';
import { gcpSecurity } from './security';

export const gcp: CloudTarget = {
  provider: { name: 'google', source: 'hashicorp/google', version: '~> 6.14' },
  modules: design => [
    gcpNetwork,
    gcpSecurity(design),
    gcpCompute(design),
    gcpData(design),
    ...(anyReplica(design) ? [gcpReplica()] : []),
    gcpEdge(design),
    gcpObservability,
  ],
  providerBlock: region => ({ project: ref('var', 'project'), region }),
  backend: (design, env) =>
    nested(
      {
        bucket: design.iac.stateBackend.bucket,
        prefix: `${design.iac.stateBackend.keyPrefix}/${env.name}`,
      },
      'gcs',
    ),
  rootVariables: env => [
    {
      spec: {
        name: 'project',
        type: 'string',
        description:
          'The Google Cloud project id of this environment (no default: the first plan asks for it).',
      },
    },
    {
      spec: {
        name: 'instance_type',
        type: 'string',
        description: 'Machine type for nodes or instances.',
      },
      value: env.compute.instanceType,
    },
    {
      spec: {
        name: 'domains',
        type: 'list(string)',
        description:
          'Domains served over HTTPS (Google-managed certificate); their DNS must point at the load balancer.',
      },
    },
  ],
};

import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import { nested } from '../../hcl';
import type { CloudTarget } from '../cloud';
import { awsCompute } from './compute';
import { awsData } from './data';
import { awsEdge } from './edge';
import { awsFailover } from './failover';
import { awsReplica } from './replica';
import { anyReplica, hasStandbyRegion } from '../drClaims';
import { awsNetwork } from './network';
import { awsObservability } from './observability';
import { awsSecurity } from './security';

export const aws: CloudTarget = {
  provider: { name: 'aws', source: 'hashicorp/aws', version: '~> 6.25' },
  modules: (design: Design) => {
    const kind = design.environments[0].compute.kind;
    return [
      awsNetwork,
      awsSecurity(design),
      awsCompute(kind),
      awsData(design),
      ...(anyReplica(design) ? [awsReplica(design)] : []),
      awsEdge(kind),
      ...(design.environments.some(hasStandbyRegion) ? [awsFailover] : []),
      awsObservability,
    ];
  },
  providerBlock: (region, tags) => ({
    region,
    default_tags: nested({ tags }),
  }),
  backend: (design, env) => {
    const backend = design.iac.stateBackend;
    return nested(
      {
        bucket: backend.bucket,
        key: `${backend.keyPrefix}/${env.name}.tfstate`,
        region: backend.region,
        encrypt: true,
        // Native S3 locking when the design chose it, else the DynamoDB lock table.
        use_lockfile: backend.locking === 'native' ? true : undefined,
        dynamodb_table:
          backend.locking === 'native' ? undefined : `${backend.bucket}-locks`,
      },
      's3',
    );
  },
  rootVariables: (env: EnvironmentDesign) => [
    {
      spec: {
        name: 'instance_type',
        type: 'string',
        description: 'Instance type for nodes or instances.',
      },
      value: env.compute.instanceType,
    },
    // Each region's edge module requests its own ACM certificate (certificates are
    // regional) and validates it by DNS in this public zone.
    {
      spec: {
        name: 'domain_name',
        type: 'string',
        description:
          'Host name the service answers on (the certificate and the DNS records).',
      },
    },
    {
      spec: {
        name: 'dns_zone_name',
        type: 'string',
        description:
          'Public Route 53 hosted zone that holds domain_name (certificate validation, failover records).',
      },
    },
  ],
};

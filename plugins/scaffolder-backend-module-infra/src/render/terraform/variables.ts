/*
 * Module variables declared alike by modules of several clouds, defined once so their
 * descriptions cannot drift apart. `name` and `tags`, which every module takes, are in
 * module.ts; what only one cloud's modules share is in that cloud's common.ts.
 */
import type { VariableSpec } from './module';

export const COMMON_VARIABLES = {
  deletionProtection: {
    name: 'deletion_protection',
    type: 'bool',
    description: 'Refuse deletion (production).',
  },
  minSize: {
    name: 'min_size',
    type: 'number',
    description: 'Fewest replicas.',
  },
  maxSize: { name: 'max_size', type: 'number', description: 'Most replicas.' },
  // As the AWS and GCP modules word it; Azure's have their own (azure/common.ts).
  targetPort: {
    name: 'target_port',
    type: 'number',
    description: 'The port the workload listens on.',
  },
  workloadSubnet: {
    name: 'subnet_id',
    type: 'string',
    description: 'Workload subnet.',
  },
} satisfies Record<string, VariableSpec>;

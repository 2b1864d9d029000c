/*
 * AWS network: a VPC with public, private and data subnets across the zones, NAT gateways
 * (one per zone in production), the default security group emptied, and flow logs of all
 * traffic into an encrypted CloudWatch log group.
 */
import { comment, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import {
  NAME_VARIABLE,
  TAGS_VARIABLE,
  logRetentionDays,
  nameWith,
  subnetListVariable,
  subnetsOf,
} from '../module';
import { cloudWatchRetentionDays } from './retention';

function subnets(tier: 'public' | 'private' | 'data') {
  return resource('aws_subnet', tier, {
    count: raw(`length(var.${tier}_subnets)`),
    vpc_id: ref('aws_vpc', 'main', 'id'),
    availability_zone: raw(`var.${tier}_subnets[count.index].zone`),
    cidr_block: raw(`var.${tier}_subnets[count.index].cidr`),
    // Nothing gets a public address by itself; the load balancer and NAT have their own.
    map_public_ip_on_launch: false,
    tags: raw(
      `merge(var.tags, { Name = "\${var.name}-${tier}-\${count.index}", tier = "${tier}" })`,
    ),
  });
}

export const awsNetwork: TerraformModule = {
  name: 'network',
  variables: [
    NAME_VARIABLE,
    { name: 'cidr', type: 'string', description: 'The VPC CIDR block.' },
    subnetListVariable(
      'public_subnets',
      'Load balancer and NAT subnets, one per zone.',
    ),
    subnetListVariable('private_subnets', 'Workload subnets, one per zone.'),
    subnetListVariable(
      'data_subnets',
      'Database and cache subnets, one per zone; no route to the internet.',
    ),
    {
      name: 'nat_gateway_count',
      type: 'number',
      description:
        'NAT gateways: one per zone for zone-independent egress, or one.',
    },
    {
      name: 'flow_log_retention_days',
      type: 'number',
      description: 'Days to keep VPC flow logs.',
    },
    {
      name: 'kms_key_arn',
      type: 'string',
      description: 'Key that encrypts the flow log group.',
    },
    TAGS_VARIABLE,
  ],
  main: [
    resource('aws_vpc', 'main', {
      cidr_block: ref('var', 'cidr'),
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: raw('merge(var.tags, { Name = var.name })'),
    }),
    comment(
      'The default security group allows nothing; every tier has its own group.',
    ),
    resource('aws_default_security_group', 'main', {
      vpc_id: ref('aws_vpc', 'main', 'id'),
      tags: ref('var', 'tags'),
    }),
    subnets('public'),
    subnets('private'),
    subnets('data'),
    resource('aws_internet_gateway', 'main', {
      vpc_id: ref('aws_vpc', 'main', 'id'),
      tags: ref('var', 'tags'),
    }),
    resource('aws_eip', 'nat', {
      count: ref('var', 'nat_gateway_count'),
      domain: 'vpc',
      tags: ref('var', 'tags'),
    }),
    resource('aws_nat_gateway', 'main', {
      count: ref('var', 'nat_gateway_count'),
      allocation_id: raw('aws_eip.nat[count.index].id'),
      subnet_id: raw('aws_subnet.public[count.index].id'),
      tags: ref('var', 'tags'),
      depends_on: [ref('aws_internet_gateway', 'main')],
    }),
    resource('aws_route_table', 'public', {
      vpc_id: ref('aws_vpc', 'main', 'id'),
      route: nested({
        cidr_block: '0.0.0.0/0',
        gateway_id: ref('aws_internet_gateway', 'main', 'id'),
      }),
      tags: ref('var', 'tags'),
    }),
    resource('aws_route_table_association', 'public', {
      count: raw('length(aws_subnet.public)'),
      subnet_id: raw('aws_subnet.public[count.index].id'),
      route_table_id: ref('aws_route_table', 'public', 'id'),
    }),
    comment(
      'Private subnets leave through the NAT gateway of their zone (or the only one).',
    ),
    resource('aws_route_table', 'private', {
      count: raw('length(aws_subnet.private)'),
      vpc_id: ref('aws_vpc', 'main', 'id'),
      route: nested({
        cidr_block: '0.0.0.0/0',
        nat_gateway_id: raw(
          'aws_nat_gateway.main[count.index % var.nat_gateway_count].id',
        ),
      }),
      tags: ref('var', 'tags'),
    }),
    resource('aws_route_table_association', 'private', {
      count: raw('length(aws_subnet.private)'),
      subnet_id: raw('aws_subnet.private[count.index].id'),
      route_table_id: raw('aws_route_table.private[count.index].id'),
    }),
    comment('Data subnets have no route to the internet at all.'),
    resource('aws_route_table', 'data', {
      vpc_id: ref('aws_vpc', 'main', 'id'),
      tags: ref('var', 'tags'),
    }),
    resource('aws_route_table_association', 'data', {
      count: raw('length(aws_subnet.data)'),
      subnet_id: raw('aws_subnet.data[count.index].id'),
      route_table_id: ref('aws_route_table', 'data', 'id'),
    }),
    resource('aws_cloudwatch_log_group', 'flow_logs', {
      name: raw('"/vpc/${var.name}/flow-logs"'),
      retention_in_days: ref('var', 'flow_log_retention_days'),
      kms_key_id: ref('var', 'kms_key_arn'),
      tags: ref('var', 'tags'),
    }),
    resource('aws_iam_role', 'flow_logs', {
      name: nameWith('flow-logs'),
      assume_role_policy: raw(
        'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }] })',
      ),
      tags: ref('var', 'tags'),
    }),
    comment(
      'Least privilege: the flow-log role may only write to its own log group.',
    ),
    resource('aws_iam_role_policy', 'flow_logs', {
      name: nameWith('flow-logs'),
      role: ref('aws_iam_role', 'flow_logs', 'id'),
      policy: raw(
        'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource = "${aws_cloudwatch_log_group.flow_logs.arn}:*" }] })',
      ),
    }),
    resource('aws_flow_log', 'main', {
      vpc_id: ref('aws_vpc', 'main', 'id'),
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: ref('aws_cloudwatch_log_group', 'flow_logs', 'arn'),
      iam_role_arn: ref('aws_iam_role', 'flow_logs', 'arn'),
      tags: ref('var', 'tags'),
    }),
  ],
  outputs: [
    {
      name: 'vpc_id',
      value: ref('aws_vpc', 'main', 'id'),
      description: 'The VPC.',
    },
    {
      name: 'vpc_cidr',
      value: ref('aws_vpc', 'main', 'cidr_block'),
      description: 'The VPC CIDR block.',
    },
    {
      name: 'public_subnet_ids',
      value: ref('aws_subnet', 'public', '*', 'id'),
      description: 'Public subnets (load balancer).',
    },
    {
      name: 'private_subnet_ids',
      value: ref('aws_subnet', 'private', '*', 'id'),
      description: 'Private subnets (workloads).',
    },
    {
      name: 'data_subnet_ids',
      value: ref('aws_subnet', 'data', '*', 'id'),
      description: 'Data subnets (databases, caches).',
    },
  ],
  usedBy: () => true,
  args: call => ({
    cidr: call.network.cidr,
    public_subnets: subnetsOf(call.network, 'public'),
    private_subnets: subnetsOf(call.network, 'private'),
    data_subnets: subnetsOf(call.network, 'data'),
    nat_gateway_count: Math.max(1, call.network.natGateways),
    flow_log_retention_days: cloudWatchRetentionDays(
      logRetentionDays(call.env),
    ),
    kms_key_arn: ref('module', 'security', 'kms_key_arn'),
  }),
};

/*
 * AWS security: the environment's customer-managed KMS key (rotated yearly), one security
 * group per tier with the design's rules (never SSH/RDP from the internet), and the
 * workload role with only what the service needs.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem } from '../../hcl';
import { data, raw, ref, resource } from '../../hcl';
import { firewallRulesOf, ruleLabel } from '../firewall';
import type { TerraformModule } from '../module';
import { NAME_VARIABLE, TAGS_VARIABLE, nameWith } from '../module';

const TIERS = ['public', 'private', 'data'] as const;

/** Who assumes the workload role, by compute kind. */
const WORKLOAD_PRINCIPAL: Record<string, string> = {
  kubernetes: 'ec2.amazonaws.com',
  containers: 'ecs-tasks.amazonaws.com',
  vms: 'ec2.amazonaws.com',
  serverless: 'lambda.amazonaws.com',
};

function ruleResources(design: Design): HclFileItem[] {
  return firewallRulesOf(design).map((rule, index) => {
    const type =
      rule.direction === 'ingress'
        ? 'aws_vpc_security_group_ingress_rule'
        : 'aws_vpc_security_group_egress_rule';
    const ports =
      rule.protocol === 'all'
        ? {}
        : { from_port: rule.fromPort, to_port: rule.toPort };
    const peer =
      rule.peer.kind === 'tier'
        ? {
            referenced_security_group_id: ref(
              'aws_security_group',
              rule.peer.tier,
              'id',
            ),
          }
        : {
            cidr_ipv4:
              rule.peer.kind === 'internet' ? '0.0.0.0/0' : rule.peer.cidr,
          };
    return resource(type, ruleLabel(rule, index), {
      security_group_id: ref('aws_security_group', rule.tier, 'id'),
      description: rule.description,
      ip_protocol: rule.protocol === 'all' ? '-1' : rule.protocol,
      ...ports,
      ...peer,
      tags: ref('var', 'tags'),
    });
  });
}

export function awsSecurity(design: Design): TerraformModule {
  const principal =
    WORKLOAD_PRINCIPAL[design.environments[0]?.compute.kind ?? 'vms'];
  return {
    name: 'security',
    variables: [
      NAME_VARIABLE,
      {
        name: 'vpc_id',
        type: 'string',
        description: 'The VPC the security groups belong to.',
      },
      {
        name: 'kms_deletion_window_days',
        type: 'number',
        description: 'Days a deleted key can still be recovered.',
        default: 30,
      },
      TAGS_VARIABLE,
    ],
    main: [
      data('aws_caller_identity', 'current', {}),
      data('aws_region', 'current', {}),
      resource('aws_kms_key', 'main', {
        description: raw('"Encryption at rest for ${var.name}"'),
        enable_key_rotation: true,
        rotation_period_in_days: 365,
        is_enabled: true,
        deletion_window_in_days: ref('var', 'kms_deletion_window_days'),
        // The account administers the key; CloudWatch Logs and CloudTrail may only use it, and
        // EC2 Auto Scaling's service-linked role uses it for the encrypted EBS volumes it launches.
        policy: raw(`jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "AccountAdministers", Effect = "Allow", Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "LogsEncrypt", Effect = "Allow", Principal = { Service = "logs.\${data.aws_region.current.name}.amazonaws.com" }, Action = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], Resource = "*", Condition = { ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:\${data.aws_region.current.name}:\${data.aws_caller_identity.current.account_id}:*" } } },
      { Sid = "CloudTrailEncrypt", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = ["kms:GenerateDataKey*", "kms:DescribeKey"], Resource = "*", Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } } },
      { Sid = "AutoScalingUsesKeyForEbs", Effect = "Allow", Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" }, Action = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource = "*" },
      { Sid = "AutoScalingAttachesEbs", Effect = "Allow", Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" }, Action = "kms:CreateGrant", Resource = "*", Condition = { Bool = { "kms:GrantIsForAWSResource" = true } } }
    ]
  })`),
        tags: ref('var', 'tags'),
      }),
      resource('aws_kms_alias', 'main', {
        name: raw('"alias/${var.name}"'),
        target_key_id: ref('aws_kms_key', 'main', 'key_id'),
      }),
      ...TIERS.map(tier =>
        resource('aws_security_group', tier, {
          name: nameWith(tier),
          description: `The ${tier} tier of the service; rules are separate resources.`,
          vpc_id: ref('var', 'vpc_id'),
          tags: ref('var', 'tags'),
        }),
      ),
      ...ruleResources(design),
      resource('aws_iam_role', 'workload', {
        name: nameWith('workload'),
        assume_role_policy: raw(
          `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "${principal}" } }] })`,
        ),
        tags: ref('var', 'tags'),
      }),
      resource('aws_iam_role_policy', 'workload', {
        name: nameWith('workload'),
        role: ref('aws_iam_role', 'workload', 'id'),
        // Only its own key and its own secrets: nothing with a wildcard action or account-wide resource.
        policy: raw(`jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = aws_kms_key.main.arn },
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = "arn:aws:secretsmanager:\${data.aws_region.current.name}:\${data.aws_caller_identity.current.account_id}:secret:\${var.name}/*" }
    ]
  })`),
      }),
    ],
    outputs: [
      {
        name: 'kms_key_arn',
        value: ref('aws_kms_key', 'main', 'arn'),
        description: 'The environment key.',
      },
      ...TIERS.map(tier => ({
        name: `${tier}_security_group_id`,
        value: ref('aws_security_group', tier, 'id'),
        description: `Security group of the ${tier} tier.`,
      })),
      {
        name: 'workload_role_arn',
        value: ref('aws_iam_role', 'workload', 'arn'),
        description: 'The workload role.',
      },
      {
        name: 'workload_role_name',
        value: ref('aws_iam_role', 'workload', 'name'),
        description: 'The workload role name.',
      },
    ],
    usedBy: () => true,
    args: () => ({ vpc_id: ref('module', 'network', 'vpc_id') }),
  };
}

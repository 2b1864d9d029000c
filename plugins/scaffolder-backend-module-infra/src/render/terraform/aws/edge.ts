/*
 * AWS edge: an application load balancer with an HTTPS listener on a TLS policy at least
 * the design's minimum, port 80 only redirecting to HTTPS, the target group health-checked
 * on the design's path, and a WAF web ACL with AWS's managed rules when asked.
 */
import type {
  ComputeKind,
  TlsVersion,
} from '@plinth/backstage-plugin-infra-common';
import { data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule } from '../module';
import { NAME_VARIABLE, TAGS_VARIABLE, nameWith } from '../module';
import { COMMON_VARIABLES } from '../variables';

/** ELB policies by minimum TLS version; both refuse TLS 1.0 and 1.1. */
export const AWS_TLS_POLICY: Record<TlsVersion, string> = {
  '1.2': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  '1.3': 'ELBSecurityPolicy-TLS13-1-3-2021-06',
};

const TARGET_TYPE: Record<ComputeKind, string> = {
  kubernetes: 'ip',
  containers: 'ip',
  vms: 'instance',
  serverless: 'lambda',
};

const WAF_RULE_SETS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
];

/** A certificate in the module's region, validated by DNS records in the zone. */
const CERTIFICATE = [
  data('aws_route53_zone', 'certificate', {
    name: ref('var', 'dns_zone_name'),
    private_zone: false,
  }),
  resource('aws_acm_certificate', 'main', {
    domain_name: ref('var', 'domain_name'),
    validation_method: 'DNS',
    tags: ref('var', 'tags'),
    lifecycle: nested({ create_before_destroy: true }),
  }),
  // Every region's certificate for a name asks for the same CNAME, hence allow_overwrite.
  resource('aws_route53_record', 'certificate_validation', {
    for_each: raw(
      '{ for o in aws_acm_certificate.main.domain_validation_options : o.domain_name => o }',
    ),
    zone_id: ref('data', 'aws_route53_zone', 'certificate', 'zone_id'),
    name: raw('each.value.resource_record_name'),
    type: raw('each.value.resource_record_type'),
    records: [raw('each.value.resource_record_value')],
    ttl: 60,
    allow_overwrite: true,
  }),
  resource('aws_acm_certificate_validation', 'main', {
    certificate_arn: ref('aws_acm_certificate', 'main', 'arn'),
    validation_record_fqdns: raw(
      '[for record in aws_route53_record.certificate_validation : record.fqdn]',
    ),
  }),
];

export function awsEdge(kind: ComputeKind): TerraformModule {
  const lambda = kind === 'serverless';
  return {
    name: 'edge',
    variables: [
      NAME_VARIABLE,
      {
        name: 'internal',
        type: 'bool',
        description:
          'An internal load balancer instead of an internet-facing one.',
      },
      { name: 'vpc_id', type: 'string', description: 'The VPC.' },
      {
        name: 'subnet_ids',
        type: 'list(string)',
        description: 'Subnets of the load balancer.',
      },
      {
        name: 'security_group_id',
        type: 'string',
        description: 'The public tier security group.',
      },
      {
        name: 'domain_name',
        type: 'string',
        description: 'Host name of the certificate.',
      },
      {
        name: 'dns_zone_name',
        type: 'string',
        description: 'Public hosted zone that validates the certificate.',
      },
      {
        name: 'ssl_policy',
        type: 'string',
        description: 'TLS policy of the HTTPS listener.',
      },
      COMMON_VARIABLES.targetPort,
      {
        name: 'health_check_path',
        type: 'string',
        description: 'Path the load balancer probes.',
      },
      {
        name: 'waf_enabled',
        type: 'bool',
        description: 'Put a WAF web ACL in front of the load balancer.',
      },
      COMMON_VARIABLES.deletionProtection,
      TAGS_VARIABLE,
    ],
    main: [
      resource('aws_lb', 'main', {
        name: ref('var', 'name'),
        load_balancer_type: 'application',
        internal: ref('var', 'internal'),
        subnets: ref('var', 'subnet_ids'),
        security_groups: [ref('var', 'security_group_id')],
        drop_invalid_header_fields: true,
        enable_deletion_protection: ref('var', 'deletion_protection'),
        tags: ref('var', 'tags'),
      }),
      resource('aws_lb_target_group', 'workload', {
        name: ref('var', 'name'),
        target_type: TARGET_TYPE[kind],
        port: lambda ? undefined : ref('var', 'target_port'),
        protocol: lambda ? undefined : 'HTTP',
        vpc_id: lambda ? undefined : ref('var', 'vpc_id'),
        health_check: nested({
          enabled: true,
          path: ref('var', 'health_check_path'),
          matcher: '200-399',
          interval: 15,
          // The interval must exceed the timeout; a Lambda target group's default timeout is 30 s.
          timeout: 5,
          healthy_threshold: 2,
          unhealthy_threshold: 3,
        }),
        tags: ref('var', 'tags'),
      }),
      ...CERTIFICATE,
      resource('aws_lb_listener', 'https', {
        load_balancer_arn: ref('aws_lb', 'main', 'arn'),
        port: 443,
        protocol: 'HTTPS',
        ssl_policy: ref('var', 'ssl_policy'),
        // This region's validated certificate: an ACM certificate serves only its own region.
        certificate_arn: ref(
          'aws_acm_certificate_validation',
          'main',
          'certificate_arn',
        ),
        default_action: nested({
          type: 'forward',
          target_group_arn: ref('aws_lb_target_group', 'workload', 'arn'),
        }),
      }),
      resource('aws_lb_listener', 'http_redirect', {
        load_balancer_arn: ref('aws_lb', 'main', 'arn'),
        port: 80,
        protocol: 'HTTP',
        default_action: nested({
          type: 'redirect',
          redirect: nested({
            port: '443',
            protocol: 'HTTPS',
            status_code: 'HTTP_301',
          }),
        }),
      }),
      resource('aws_wafv2_web_acl', 'main', {
        count: raw('var.waf_enabled ? 1 : 0'),
        name: nameWith('waf'),
        scope: 'REGIONAL',
        default_action: nested({ allow: nested({}) }),
        rule: WAF_RULE_SETS.map((ruleSet, priority) =>
          nested({
            name: ruleSet,
            priority,
            override_action: nested({ none: nested({}) }),
            statement: nested({
              managed_rule_group_statement: nested({
                name: ruleSet,
                vendor_name: 'AWS',
              }),
            }),
            visibility_config: nested({
              cloudwatch_metrics_enabled: true,
              metric_name: ruleSet,
              sampled_requests_enabled: true,
            }),
          }),
        ),
        visibility_config: nested({
          cloudwatch_metrics_enabled: true,
          metric_name: nameWith('waf'),
          sampled_requests_enabled: true,
        }),
        tags: ref('var', 'tags'),
      }),
      resource('aws_wafv2_web_acl_association', 'main', {
        count: raw('var.waf_enabled ? 1 : 0'),
        resource_arn: ref('aws_lb', 'main', 'arn'),
        web_acl_arn: raw('aws_wafv2_web_acl.main[0].arn'),
      }),
    ],
    outputs: [
      {
        name: 'load_balancer_dns_name',
        value: ref('aws_lb', 'main', 'dns_name'),
        description: 'DNS name of the load balancer.',
      },
      {
        name: 'load_balancer_zone_id',
        value: ref('aws_lb', 'main', 'zone_id'),
        description: 'Hosted zone of the load balancer (DNS alias records).',
      },
      {
        name: 'target_group_arn',
        value: ref('aws_lb_target_group', 'workload', 'arn'),
        description: 'Target group of the workload.',
        // A target group takes targets (an ECS service, for one) only once a listener
        // forwards to it: callers wait for the listener, the known first-apply race.
        dependsOn: [ref('aws_lb_listener', 'https')],
      },
    ],
    usedBy: () => true,
    args: ({ env }) => ({
      internal: env.loadBalancer.scheme === 'internal',
      vpc_id: ref('module', 'network', 'vpc_id'),
      subnet_ids:
        env.loadBalancer.scheme === 'internal'
          ? ref('module', 'network', 'private_subnet_ids')
          : ref('module', 'network', 'public_subnet_ids'),
      security_group_id: ref('module', 'security', 'public_security_group_id'),
      domain_name: ref('var', 'domain_name'),
      dns_zone_name: ref('var', 'dns_zone_name'),
      ssl_policy: AWS_TLS_POLICY[env.loadBalancer.tlsMinVersion],
      target_port: env.loadBalancer.targetPort,
      health_check_path: env.loadBalancer.healthCheckPath,
      waf_enabled: env.loadBalancer.waf,
      deletion_protection: env.stage === 'production',
    }),
  };
}

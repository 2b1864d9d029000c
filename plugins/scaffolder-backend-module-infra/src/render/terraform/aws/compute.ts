/*
 * AWS compute, per the design's kind: EKS with a managed node group, ECS on Fargate,
 * an auto-scaling group of instances, or Lambda. Everything runs in the private subnets,
 * scales between the design's bounds and is health-checked by the load balancer.
 * Instances only answer IMDSv2 and have encrypted disks.
 */
import type { ComputeKind } from '@plinth/backstage-plugin-infra-common';
import type { HclFileItem, HclValue } from '../../hcl';
import { data, nested, raw, ref, resource } from '../../hcl';
import type { TerraformModule, VariableSpec } from '../module';
import { NAME_VARIABLE, TAGS_VARIABLE, nameWith } from '../module';
import { COMMON_VARIABLES } from '../variables';

const LAUNCH_TEMPLATE_BODY = {
  name_prefix: raw('"${var.name}-"'),
  instance_type: ref('var', 'instance_type'),
  vpc_security_group_ids: [ref('var', 'security_group_id')],
  // IMDSv2 only, one hop: a compromised container cannot reach the node's credentials.
  metadata_options: nested({
    http_endpoint: 'enabled',
    http_tokens: 'required',
    http_put_response_hop_limit: 1,
  }),
  block_device_mappings: nested({
    device_name: '/dev/xvda',
    ebs: nested({
      encrypted: true,
      kms_key_id: ref('var', 'kms_key_arn'),
      volume_type: 'gp3',
      volume_size: 50,
    }),
  }),
  tag_specifications: nested({
    resource_type: 'instance',
    tags: ref('var', 'tags'),
  }),
  tags: ref('var', 'tags'),
};

/** For EKS managed nodes: EKS picks the AMI and attaches the node role itself. */
const LAUNCH_TEMPLATE = resource(
  'aws_launch_template',
  'workload',
  LAUNCH_TEMPLATE_BODY,
);

/**
 * For an auto-scaling group, which needs an image and the instance profile in the template:
 * the latest Amazon Linux 2023 for the instance type's architecture, from AWS's public SSM
 * parameter.
 */
const VM_LAUNCH_TEMPLATE: HclFileItem[] = [
  data('aws_ec2_instance_type', 'workload', {
    instance_type: ref('var', 'instance_type'),
  }),
  data('aws_ssm_parameter', 'ami', {
    name: raw(
      '"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${contains(data.aws_ec2_instance_type.workload.supported_architectures, "arm64") ? "arm64" : "x86_64"}"',
    ),
  }),
  resource('aws_launch_template', 'workload', {
    ...LAUNCH_TEMPLATE_BODY,
    image_id: ref('data', 'aws_ssm_parameter', 'ami', 'insecure_value'),
    iam_instance_profile: nested({
      arn: ref('aws_iam_instance_profile', 'workload', 'arn'),
    }),
  }),
];

function nodeSecurityGroupRules(): HclFileItem[] {
  const clusterSg = raw(
    'aws_eks_cluster.main.vpc_config[0].cluster_security_group_id',
  );
  const nodeSg = ref('var', 'security_group_id');
  const rule = (
    kind: 'ingress' | 'egress',
    name: string,
    body: Record<string, HclValue>,
  ) =>
    resource(`aws_vpc_security_group_${kind}_rule`, name, {
      ...body,
      tags: ref('var', 'tags'),
    });
  return [
    ...[443, 10250].map(port =>
      rule('ingress', `nodes_from_control_plane_${port}`, {
        security_group_id: nodeSg,
        referenced_security_group_id: clusterSg,
        ip_protocol: 'tcp',
        from_port: port,
        to_port: port,
        description: `EKS control plane to nodes on ${port}`,
      }),
    ),
    rule('ingress', 'control_plane_from_nodes', {
      security_group_id: clusterSg,
      referenced_security_group_id: nodeSg,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      description: 'Nodes to the EKS API',
    }),
    rule('egress', 'nodes_to_control_plane', {
      security_group_id: nodeSg,
      referenced_security_group_id: clusterSg,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      description: 'Nodes to the EKS API',
    }),
    rule('ingress', 'node_to_node', {
      security_group_id: nodeSg,
      referenced_security_group_id: nodeSg,
      ip_protocol: '-1',
      description: 'Node to node (pods, cluster DNS)',
    }),
    rule('egress', 'node_to_node', {
      security_group_id: nodeSg,
      referenced_security_group_id: nodeSg,
      ip_protocol: '-1',
      description: 'Node to node (pods, cluster DNS)',
    }),
  ];
}

const BY_KIND: Record<ComputeKind, HclFileItem[]> = {
  kubernetes: [
    resource('aws_iam_role', 'cluster', {
      name: nameWith('eks'),
      assume_role_policy: raw(
        'jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "eks.amazonaws.com" } }] })',
      ),
      tags: ref('var', 'tags'),
    }),
    resource('aws_iam_role_policy_attachment', 'cluster', {
      role: ref('aws_iam_role', 'cluster', 'name'),
      policy_arn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    }),
    resource('aws_iam_role_policy_attachment', 'nodes', {
      for_each: raw(
        'toset(["arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"])',
      ),
      role: ref('var', 'workload_role_name'),
      policy_arn: raw('each.value'),
    }),
    resource('aws_eks_cluster', 'main', {
      name: ref('var', 'name'),
      role_arn: ref('aws_iam_role', 'cluster', 'arn'),
      enabled_cluster_log_types: [
        'api',
        'audit',
        'authenticator',
        'controllerManager',
        'scheduler',
      ],
      vpc_config: nested({
        subnet_ids: ref('var', 'private_subnet_ids'),
        security_group_ids: [ref('var', 'security_group_id')],
        endpoint_private_access: true,
        endpoint_public_access: false,
      }),
      encryption_config: nested({
        resources: ['secrets'],
        provider: nested({ key_arn: ref('var', 'kms_key_arn') }),
      }),
      tags: ref('var', 'tags'),
      depends_on: [ref('aws_iam_role_policy_attachment', 'cluster')],
    }),
    LAUNCH_TEMPLATE,
    // The launch template replaces EKS's own node security group, so its rules are ours:
    // the control plane reaches kubelets (10250) and webhooks (443), nodes reach the API
    // (443) and each other (pod and DNS traffic).
    ...nodeSecurityGroupRules(),
    resource('aws_eks_node_group', 'main', {
      cluster_name: ref('aws_eks_cluster', 'main', 'name'),
      node_group_name: nameWith('nodes'),
      node_role_arn: ref('var', 'workload_role_arn'),
      subnet_ids: ref('var', 'private_subnet_ids'),
      scaling_config: nested({
        min_size: ref('var', 'min_size'),
        max_size: ref('var', 'max_size'),
        desired_size: ref('var', 'min_size'),
      }),
      launch_template: nested({
        id: ref('aws_launch_template', 'workload', 'id'),
        version: ref('aws_launch_template', 'workload', 'latest_version'),
      }),
      update_config: nested({ max_unavailable: 1 }),
      tags: ref('var', 'tags'),
      depends_on: [ref('aws_iam_role_policy_attachment', 'nodes')],
    }),
  ],
  containers: [
    resource('aws_ecs_cluster', 'main', {
      name: ref('var', 'name'),
      setting: nested({ name: 'containerInsights', value: 'enabled' }),
      tags: ref('var', 'tags'),
    }),
    resource('aws_ecs_task_definition', 'workload', {
      family: ref('var', 'name'),
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: ref('var', 'task_cpu'),
      memory: ref('var', 'task_memory'),
      task_role_arn: ref('var', 'workload_role_arn'),
      execution_role_arn: ref('var', 'workload_role_arn'),
      container_definitions: raw(
        'jsonencode([{ name = "app", image = var.image, essential = true, readonlyRootFilesystem = true, portMappings = [{ containerPort = var.target_port, protocol = "tcp" }] }])',
      ),
      tags: ref('var', 'tags'),
    }),
    resource('aws_ecs_service', 'workload', {
      name: ref('var', 'name'),
      cluster: ref('aws_ecs_cluster', 'main', 'id'),
      task_definition: ref('aws_ecs_task_definition', 'workload', 'arn'),
      desired_count: ref('var', 'min_size'),
      launch_type: 'FARGATE',
      health_check_grace_period_seconds: 60,
      network_configuration: nested({
        subnets: ref('var', 'private_subnet_ids'),
        security_groups: [ref('var', 'security_group_id')],
        assign_public_ip: false,
      }),
      load_balancer: nested({
        target_group_arn: ref('var', 'target_group_arn'),
        container_name: 'app',
        container_port: ref('var', 'target_port'),
      }),
      deployment_circuit_breaker: nested({ enable: true, rollback: true }),
      tags: ref('var', 'tags'),
    }),
    resource('aws_appautoscaling_target', 'workload', {
      service_namespace: 'ecs',
      scalable_dimension: 'ecs:service:DesiredCount',
      resource_id: raw(
        '"service/${aws_ecs_cluster.main.name}/${aws_ecs_service.workload.name}"',
      ),
      min_capacity: ref('var', 'min_size'),
      max_capacity: ref('var', 'max_size'),
    }),
    resource('aws_appautoscaling_policy', 'cpu', {
      name: nameWith('cpu'),
      policy_type: 'TargetTrackingScaling',
      service_namespace: ref(
        'aws_appautoscaling_target',
        'workload',
        'service_namespace',
      ),
      scalable_dimension: ref(
        'aws_appautoscaling_target',
        'workload',
        'scalable_dimension',
      ),
      resource_id: ref('aws_appautoscaling_target', 'workload', 'resource_id'),
      target_tracking_scaling_policy_configuration: nested({
        target_value: 60,
        predefined_metric_specification: nested({
          predefined_metric_type: 'ECSServiceAverageCPUUtilization',
        }),
      }),
    }),
  ],
  vms: [
    resource('aws_iam_instance_profile', 'workload', {
      name: nameWith('workload'),
      role: ref('var', 'workload_role_name'),
    }),
    ...VM_LAUNCH_TEMPLATE,
    resource('aws_autoscaling_group', 'workload', {
      name: ref('var', 'name'),
      min_size: ref('var', 'min_size'),
      max_size: ref('var', 'max_size'),
      vpc_zone_identifier: ref('var', 'private_subnet_ids'),
      target_group_arns: [ref('var', 'target_group_arn')],
      health_check_type: 'ELB',
      health_check_grace_period: 120,
      launch_template: nested({
        id: ref('aws_launch_template', 'workload', 'id'),
        version: ref('aws_launch_template', 'workload', 'latest_version'),
      }),
      instance_refresh: nested({ strategy: 'Rolling' }),
    }),
    resource('aws_autoscaling_policy', 'cpu', {
      name: nameWith('cpu'),
      autoscaling_group_name: ref('aws_autoscaling_group', 'workload', 'name'),
      policy_type: 'TargetTrackingScaling',
      target_tracking_configuration: nested({
        target_value: 60,
        predefined_metric_specification: nested({
          predefined_metric_type: 'ASGAverageCPUUtilization',
        }),
      }),
    }),
  ],
  serverless: [
    // A function in a VPC creates its network interfaces with its own role.
    resource('aws_iam_role_policy_attachment', 'lambda_vpc', {
      role: ref('var', 'workload_role_name'),
      policy_arn:
        'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    }),
    resource('aws_lambda_function', 'workload', {
      function_name: ref('var', 'name'),
      role: ref('var', 'workload_role_arn'),
      package_type: 'Image',
      image_uri: ref('var', 'image'),
      memory_size: ref('var', 'task_memory'),
      timeout: 30,
      kms_key_arn: ref('var', 'kms_key_arn'),
      reserved_concurrent_executions: ref('var', 'max_size'),
      tracing_config: nested({ mode: 'Active' }),
      vpc_config: nested({
        subnet_ids: ref('var', 'private_subnet_ids'),
        security_group_ids: [ref('var', 'security_group_id')],
      }),
      tags: ref('var', 'tags'),
      depends_on: [ref('aws_iam_role_policy_attachment', 'lambda_vpc')],
    }),
    resource('aws_lambda_permission', 'load_balancer', {
      statement_id: 'AllowLoadBalancer',
      action: 'lambda:InvokeFunction',
      function_name: ref('aws_lambda_function', 'workload', 'function_name'),
      principal: 'elasticloadbalancing.amazonaws.com',
      source_arn: ref('var', 'target_group_arn'),
    }),
    resource('aws_lb_target_group_attachment', 'workload', {
      target_group_arn: ref('var', 'target_group_arn'),
      target_id: ref('aws_lambda_function', 'workload', 'arn'),
      depends_on: [ref('aws_lambda_permission', 'load_balancer')],
    }),
  ],
};

const VARIABLES: VariableSpec[] = [
  NAME_VARIABLE,
  {
    name: 'private_subnet_ids',
    type: 'list(string)',
    description: 'Where the workload runs.',
  },
  {
    name: 'security_group_id',
    type: 'string',
    description: 'The private tier security group.',
  },
  {
    name: 'kms_key_arn',
    type: 'string',
    description: 'Key for disks, secrets and logs.',
  },
  {
    name: 'workload_role_arn',
    type: 'string',
    description: 'The workload role.',
  },
  {
    name: 'workload_role_name',
    type: 'string',
    description: 'The workload role name.',
  },
  {
    name: 'target_group_arn',
    type: 'string',
    description: 'Load balancer target group.',
  },
  COMMON_VARIABLES.targetPort,
  {
    name: 'instance_type',
    type: 'string',
    description: 'Instance type for nodes or instances.',
  },
  {
    name: 'task_cpu',
    type: 'number',
    description: 'CPU units per task (1024 = 1 vCPU).',
  },
  {
    name: 'task_memory',
    type: 'number',
    description: 'Memory per task or function, in MiB.',
  },
  {
    name: 'min_size',
    type: 'number',
    description: 'Fewest replicas: enough for the zones.',
  },
  {
    name: 'max_size',
    type: 'number',
    description: 'Most replicas: peak load with headroom.',
  },
  {
    name: 'image',
    type: 'string',
    description: 'Container image to run.',
    default: 'public.ecr.aws/nginx/nginx:stable',
  },
  TAGS_VARIABLE,
];

export function awsCompute(kind: ComputeKind): TerraformModule {
  return {
    name: 'compute',
    variables: VARIABLES,
    main: BY_KIND[kind],
    outputs: [
      {
        name: 'workload_name',
        value: ref('var', 'name'),
        description: 'Name of the cluster, service, group or function.',
      },
    ],
    usedBy: () => true,
    args: ({ env }) => ({
      private_subnet_ids: ref('module', 'network', 'private_subnet_ids'),
      security_group_id: ref('module', 'security', 'private_security_group_id'),
      kms_key_arn: ref('module', 'security', 'kms_key_arn'),
      workload_role_arn: ref('module', 'security', 'workload_role_arn'),
      workload_role_name: ref('module', 'security', 'workload_role_name'),
      target_group_arn: ref('module', 'edge', 'target_group_arn'),
      target_port: env.loadBalancer.targetPort,
      instance_type: ref('var', 'instance_type'),
      task_cpu: Math.max(256, Math.min(4096, env.compute.vcpu * 1024)),
      task_memory: Math.max(512, Math.round(env.compute.memoryGb * 1024)),
      min_size: ref('var', 'min_size'),
      max_size: ref('var', 'max_size'),
    }),
  };
}

/*
 * Regressions for defects that pass `validate` and fail at apply time (or on the first plan),
 * each asserted on the parsed HCL of the generated files.
 */
import { parse } from '@cdktf/hcl2json';
import { renderRepository } from '..';
import { renderCi } from '../ci';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { parseFiles } from './__testUtils__/hclTree';
import { everyTestDesign } from './__testUtils__/testDesigns';
import type { Design } from '@plinth/backstage-plugin-infra-common';

async function parsed(design: Design) {
  return parseFiles(renderTerraform(design));
}

describe('AWS apply-time defects', () => {
  it('gives each region its own validated ACM certificate (certificates are regional)', async () => {
    const files = await parsed(fixtureDesign('aws', { multiRegion: true }));
    const edge = files.get('terraform/modules/edge/main.tf');
    expect(edge.resource.aws_lb_listener.https[0].certificate_arn).toBe(
      '${aws_acm_certificate_validation.main.certificate_arn}',
    );
    expect(edge.resource.aws_acm_certificate.main[0].validation_method).toBe(
      'DNS',
    );
    // The module is called once per region, each call on its region's provider.
    const root = files.get('terraform/envs/prod/main.tf');
    expect(root.module.edge[0].providers).toBeUndefined();
    expect(root.module.edge_secondary[0].providers).toEqual({
      aws: '${aws.secondary}',
    });
    expect(root.module.edge_secondary[0]).not.toHaveProperty('certificate_arn');
  });

  it('makes the ECS service wait for the listener, not only the target group', async () => {
    const files = await parsed(fixtureDesign('aws', { compute: 'containers' }));
    const output = files.get('terraform/modules/edge/outputs.tf').output
      .target_group_arn[0];
    expect(output.depends_on).toEqual(['${aws_lb_listener.https}']);
    const service = files.get('terraform/modules/compute/main.tf').resource
      .aws_ecs_service.workload[0];
    expect(service.load_balancer[0].target_group_arn).toBe(
      '${var.target_group_arn}',
    );
    const root = files.get('terraform/envs/prod/main.tf');
    expect(root.module.compute[0].target_group_arn).toBe(
      '${module.edge.target_group_arn}',
    );
  });

  it("lets EC2 Auto Scaling's service-linked role use the EBS key", async () => {
    const files = await parsed(fixtureDesign('aws', { compute: 'vms' }));
    const policy: string = files.get('terraform/modules/security/main.tf')
      .resource.aws_kms_key.main[0].policy;
    const role =
      ':role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
    expect(policy).toContain(role);
    expect(policy).toMatch(/Sid = "AutoScalingAttachesEbs".*"kms:CreateGrant"/);
    expect(policy).toMatch(/GrantIsForAWSResource/);
  });

  it('opens the node security group to the EKS control plane and to other nodes', async () => {
    const main = (await parsed(fixtureDesign('aws'))).get(
      'terraform/modules/compute/main.tf',
    );
    const template = main.resource.aws_launch_template.workload[0];
    expect(template.vpc_security_group_ids).toEqual([
      '${var.security_group_id}',
    ]);
    const ingress = main.resource.aws_vpc_security_group_ingress_rule;
    const clusterSg =
      '${aws_eks_cluster.main.vpc_config[0].cluster_security_group_id}';
    for (const port of [443, 10250]) {
      expect(ingress[`nodes_from_control_plane_${port}`][0]).toMatchObject({
        security_group_id: '${var.security_group_id}',
        referenced_security_group_id: clusterSg,
        from_port: port,
        to_port: port,
      });
    }
    expect(ingress.control_plane_from_nodes[0]).toMatchObject({
      security_group_id: clusterSg,
      referenced_security_group_id: '${var.security_group_id}',
      from_port: 443,
    });
    expect(ingress.node_to_node[0]).toMatchObject({
      security_group_id: '${var.security_group_id}',
      referenced_security_group_id: '${var.security_group_id}',
      ip_protocol: '-1',
    });
  });
});

describe('Azure apply-time defects', () => {
  it('lets the runner through the Key Vault firewall: its ranges are required, never an empty list', async () => {
    const files = renderTerraform(fixtureDesign('azure'));
    const main = await parse(
      'main.tf',
      files.find(f => f.path === 'terraform/modules/security/main.tf')!.content,
    );
    expect(
      main.resource.azurerm_key_vault.main[0].network_acls[0].ip_rules,
    ).toBe('${var.management_ip_ranges}');
    const variables = await parse(
      'variables.tf',
      files.find(f => f.path === 'terraform/envs/prod/variables.tf')!.content,
    );
    expect(variables.variable.management_ip_ranges[0]).not.toHaveProperty(
      'default',
    );
    const tfvars = files.find(
      f => f.path === 'terraform/envs/prod/terraform.tfvars',
    )!.content;
    expect(tfvars).not.toMatch(/management_ip_ranges/);
  });
});

describe('Azure Application Gateway backends', () => {
  it.each([
    ['containers', true],
    ['serverless', true],
    ['vms', false],
  ] as const)(
    'reaches a %s backend on the port its ingress serves',
    async (compute, https) => {
      const files = await parsed(fixtureDesign('azure', { compute }));
      const gateway = files.get('terraform/modules/edge/main.tf').resource
        .azurerm_application_gateway;
      const settings = (Object.values<any>(gateway)[0][0] as any)
        .backend_http_settings[0];
      expect(settings.port).toBe(
        '${var.backend_https ? 443 : var.target_port}',
      );
      const call = files.get('terraform/envs/prod/main.tf').module.edge[0];
      expect(call.backend_https).toBe(https);
    },
  );
});

describe('Azure Application Gateway pools have a member in every region', () => {
  const KINDS = ['kubernetes', 'containers', 'vms', 'serverless'] as const;
  it.each(KINDS)('%s', async compute => {
    const files = await parsed(
      fixtureDesign('azure', { compute, multiRegion: true }),
    );
    const outputs = files.get('terraform/modules/compute/outputs.tf').output;
    const root = files.get('terraform/envs/prod/main.tf').module;
    const edgeCalls = Object.keys(root).filter(name => /^edge/.test(name));
    expect(edgeCalls).toEqual(['edge', 'edge_secondary']);
    for (const edge of edgeCalls) {
      const compute_ = root[edge.replace('edge', 'compute')][0];
      // Members by name or address from the compute module, or instances that join the pool.
      const listed =
        outputs.backend_fqdns[0].value.length +
        outputs.backend_ip_addresses[0].value.length;
      const joins = (compute_.backend_pool_ids ?? []).includes(
        `\${module.${edge}.backend_pool_id}`,
      );
      expect({ edge, member: listed > 0 || joins }).toEqual({
        edge,
        member: true,
      });
    }
  });

  it('gives AKS a fixed internal load balancer address inside its own subnet', async () => {
    const design = fixtureDesign('azure', { multiRegion: true });
    const files = await parsed(design);
    const outputs = files.get('terraform/modules/compute/outputs.tf').output;
    expect(outputs.backend_ip_addresses[0].value).toEqual([
      '${cidrhost(var.subnet_prefix, 250)}',
    ]);
    const root = files.get('terraform/envs/prod/main.tf').module;
    const prod = design.environments.find(e => e.stage === 'production')!;
    expect(root.compute[0].subnet_prefix).toBe(
      prod.networks[0].subnets.find(s => s.tier === 'private')!.cidr,
    );
    expect(root.compute_secondary[0].subnet_prefix).toBe(
      prod.networks[1].subnets.find(s => s.tier === 'private')!.cidr,
    );
  });
});

describe('Azure flow logs in a fresh region', () => {
  it('name the Network Watcher Azure creates with the VNet instead of reading it at plan time', async () => {
    const files = await parsed(fixtureDesign('azure', { multiRegion: true }));
    for (const [path, json] of files)
      expect({
        path,
        reads: Boolean(json.data?.azurerm_network_watcher),
      }).toEqual({
        path,
        reads: false,
      });
    const flowLog = files.get('terraform/modules/observability/main.tf')
      .resource.azurerm_network_watcher_flow_log.vnet[0];
    expect(flowLog.network_watcher_name).toBe('NetworkWatcher_${var.location}');
    expect(flowLog.resource_group_name).toBe('NetworkWatcherRG');
    // After the VNet: its id is the flow log's target.
    expect(flowLog.target_resource_id).toBe('${var.vnet_id}');
  });
});

describe('Azure database replica', () => {
  it('sits in a data subnet delegated to flexible servers in the standby region', async () => {
    const files = await parsed(fixtureDesign('azure', { multiRegion: true }));
    const root = files.get('terraform/envs/prod/main.tf').module;
    expect(root.replica_secondary[0].data_subnet_id).toBe(
      '${module.network_secondary.data_subnet_id}',
    );
    expect(root.network_secondary[0].data_subnet_delegation).toBe(
      'Microsoft.DBforPostgreSQL/flexibleServers',
    );
  });
});

describe('GCP database replica', () => {
  it("waits for its own region's private service access, not the primary's", async () => {
    const files = await parsed(fixtureDesign('gcp', { multiRegion: true }));
    const call = files.get('terraform/envs/prod/main.tf').module
      .replica_secondary[0];
    expect(call.depends_on).toEqual(['${module.network_secondary}']);
    expect(call.network_id).toBe('${module.network_secondary.network_id}');
    // The source is the primary's instance.
    expect(call.master_instance_name).toBe(
      '${module.data.database_instance_name}',
    );
  });
});

describe('GCP apply-time defects', () => {
  it("uses each region's own VPC range in the shared firewall rules", async () => {
    const design = fixtureDesign('gcp');
    design.environments.forEach(env => {
      env.loadBalancer.scheme = 'internal';
      env.firewallRules = env.firewallRules.map(rule =>
        rule.peer.kind === 'internet'
          ? { ...rule, peer: { kind: 'cidr', cidr: env.cidr } }
          : rule,
      );
    });
    const files = await parsed(design);
    const security = files.get('terraform/modules/security/main.tf');
    const ranges = Object.values<any>(
      security.resource.google_compute_firewall,
    ).flatMap(r => r[0].source_ranges ?? []);
    expect(ranges).toContain('${var.vpc_cidr}');
    for (const env of design.environments)
      expect(ranges).not.toContain(env.cidr);
    const prod = design.environments.find(e => e.stage === 'production')!;
    expect(
      files.get('terraform/envs/prod/main.tf').module.security[0].vpc_cidr,
    ).toBe(prod.networks[0].cidr);
  });
});

describe('no fake value in any generated file', () => {
  const FAKE = /REPLACE-ME|\bACCOUNT\b|\bREGION\b|example\.com|CHANGEME|TODO/;
  it.each(everyTestDesign())('%s', (label, design) => {
    // The fixtures are renderer inputs without the planner's decisions: their Terraform and CI.
    const files = label.startsWith('planned')
      ? renderRepository(design)
      : [...renderTerraform(design), ...renderCi(design)];
    const offending = files
      .filter(f => FAKE.test(f.content))
      .map(f => `${f.path}: ${FAKE.exec(f.content)![0]}`);
    expect(offending).toEqual([]);
  });
});

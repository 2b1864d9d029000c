/*
 * Regressions for names and shapes checked against the pinned providers' documentation
 * (hashicorp/aws ~> 6.25, hashicorp/google ~> 6.14, hashicorp/azurerm ~> 4.32), asserted on
 * the parsed HCL. `terraform validate` needs the providers, which these tests cannot
 * download; where a `terraform` binary is on PATH, `terraform fmt -check` runs on every
 * compute kind of every cloud.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import type {
  Cloud,
  ComputeKind,
  Design,
} from '@plinth/backstage-plugin-infra-common';
import { execFileSync, spawnSync } from 'node:child_process';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { parseFiles } from './__testUtils__/hclTree';

async function moduleMain(design: Design, module: string) {
  const parsed = await parseFiles(renderTerraform(design));
  return parsed.get(`terraform/modules/${module}/main.tf`);
}

function withMysql(design: Design): Design {
  const copy = structuredClone(design);
  for (const env of copy.environments) {
    if (env.database) {
      env.database.engine = 'mysql';
      env.database.engineVersion = '8.0';
      env.database.port = 3306;
    }
  }
  return copy;
}

describe('aws ~> 6.25', () => {
  it('gives the instances of an auto-scaling group an image and the instance profile', async () => {
    const main = await moduleMain(
      fixtureDesign('aws', { compute: 'vms' }),
      'compute',
    );
    const template = main.resource.aws_launch_template.workload[0];
    expect(template.image_id).toBe(
      '${data.aws_ssm_parameter.ami.insecure_value}',
    );
    expect(template.iam_instance_profile).toEqual([
      { arn: '${aws_iam_instance_profile.workload.arn}' },
    ]);
    expect(main.data.aws_ssm_parameter.ami[0].name).toMatch(
      /^\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-kernel-default-/,
    );
  });

  it('leaves image and instance profile to EKS in a managed node group template', async () => {
    const main = await moduleMain(fixtureDesign('aws'), 'compute');
    const template = main.resource.aws_launch_template.workload[0];
    expect(template).not.toHaveProperty('image_id');
    expect(template).not.toHaveProperty('iam_instance_profile');
  });

  it('lets a function in the VPC create its network interfaces', async () => {
    const main = await moduleMain(
      fixtureDesign('aws', { compute: 'serverless' }),
      'compute',
    );
    expect(main.resource.aws_iam_role_policy_attachment.lambda_vpc[0]).toEqual({
      role: '${var.workload_role_name}',
      policy_arn:
        'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    });
    expect(main.resource.aws_lambda_function.workload[0].depends_on).toEqual([
      '${aws_iam_role_policy_attachment.lambda_vpc}',
    ]);
  });

  it.each(['kubernetes', 'serverless'] as ComputeKind[])(
    'health-checks with a timeout shorter than the interval (%s)',
    async compute => {
      const main = await moduleMain(fixtureDesign('aws', { compute }), 'edge');
      const [check] =
        main.resource.aws_lb_target_group.workload[0].health_check;
      expect(check.timeout).toBeLessThan(check.interval);
    },
  );

  it('moves audit logs to Glacier IR only when they then stay its 90-day minimum', async () => {
    const main = await moduleMain(fixtureDesign('aws'), 'observability');
    const [rule] =
      main.resource.aws_s3_bucket_lifecycle_configuration.audit[0].rule;
    expect(rule).not.toHaveProperty('transition');
    expect(rule.dynamic.transition[0].for_each).toBe(
      '${var.log_retention_days >= 180 ? [1] : []}',
    );
    expect(rule.dynamic.transition[0].content[0]).toEqual({
      days: 90,
      storage_class: 'GLACIER_IR',
    });
  });
});

describe('azurerm ~> 4.32', () => {
  it('names MySQL 8.0 by the version azurerm accepts and closes public access', async () => {
    const main = await moduleMain(withMysql(fixtureDesign('azure')), 'data');
    const server = main.resource.azurerm_mysql_flexible_server.main[0];
    expect(server.version).toBe('8.0.21');
    expect(server.public_network_access).toBe('Disabled');
    expect(server).not.toHaveProperty('public_network_access_enabled');
  });

  describe('MySQL administrator (required when create_mode is Default)', () => {
    const design = withMysql(fixtureDesign('azure'));
    const files = renderTerraform(design);

    it('signs in with a password generated at apply time, never written by Plinth', async () => {
      const main = await moduleMain(design, 'data');
      const server = main.resource.azurerm_mysql_flexible_server.main[0];
      expect(server.administrator_login).toBe('dbadmin');
      expect(server.administrator_password).toBe(
        '${random_password.mysql_admin.result}',
      );
      expect(main.resource.random_password.mysql_admin[0]).toMatchObject({
        length: 32,
        keepers: { rotation: '${time_rotating.mysql_admin_password.id}' },
      });
      // No file carries a password value: only the reference above assigns one.
      for (const f of files) {
        const assigned = [
          ...f.content.matchAll(
            /^\s*(?:administrator_)?password\s*=\s*(.*)$/gm,
          ),
        ].map(m => m[1]);
        expect(
          assigned.filter(v => v !== 'random_password.mysql_admin.result'),
        ).toEqual([]);
      }
    });

    it('keeps the password as an expiring Key Vault secret and never outputs it', async () => {
      const parsed = await parseFiles(files);
      const main = parsed.get('terraform/modules/data/main.tf');
      expect(
        main.resource.azurerm_key_vault_secret.mysql_admin_password[0],
      ).toEqual({
        name: '${var.name}-mysql-admin-password',
        value: '${random_password.mysql_admin.result}',
        key_vault_id: '${var.key_vault_id}',
        content_type: 'password',
        expiration_date:
          '${timeadd(time_rotating.mysql_admin_password.rotation_rfc3339, "720h")}',
        depends_on: ['${azurerm_role_assignment.deployer_secrets}'],
        tags: '${var.tags}',
      });
      expect(
        main.resource.azurerm_role_assignment.deployer_secrets[0],
      ).toMatchObject({
        scope: '${var.key_vault_id}',
        role_definition_name: 'Key Vault Secrets Officer',
      });
      const outputs = [...parsed.entries()]
        .filter(([p]) => p.endsWith('outputs.tf'))
        .flatMap(([, f]) => Object.values<any>(f.output ?? {}).flat());
      expect(
        outputs.filter(o => /random_password|_secret\./.test(String(o.value))),
      ).toEqual([]);
      const tfvars = files
        .filter(f => f.path.endsWith('.tfvars'))
        .map(f => f.content)
        .join('\n');
      expect(tfvars).not.toMatch(/password/i);
    });

    it('makes the Entra ID group the administrator through an identity of the server', async () => {
      const parsed = await parseFiles(files);
      const main = parsed.get('terraform/modules/data/main.tf');
      const admin =
        main.resource
          .azurerm_mysql_flexible_server_active_directory_administrator.main[0];
      expect(admin).toEqual({
        server_id: '${azurerm_mysql_flexible_server.main.id}',
        identity_id: '${azurerm_user_assigned_identity.mysql_entra.id}',
        login: '${var.entra_admin_group_name}',
        object_id: '${var.entra_admin_group_object_id}',
        tenant_id: '${data.azurerm_client_config.current.tenant_id}',
      });
      const [identity] =
        main.resource.azurerm_mysql_flexible_server.main[0].identity;
      expect(identity.identity_ids).toContain(admin.identity_id);
      const root = parsed.get('terraform/envs/prod/main.tf');
      expect(root.module.data[0]).toMatchObject({
        key_vault_id: '${module.security.key_vault_id}',
        entra_admin_group_name: '${var.database_admins_group_name}',
        entra_admin_group_object_id: '${var.database_admins_group_object_id}',
      });
    });

    it('pins random and time in the roots that need them, and only there', async () => {
      const providers = async (d: Design) =>
        Object.keys(
          (await parseFiles(renderTerraform(d))).get(
            'terraform/envs/prod/versions.tf',
          ).terraform[0].required_providers[0],
        );
      const required = (await parseFiles(files)).get(
        'terraform/envs/prod/versions.tf',
      ).terraform[0].required_providers[0];
      expect(required.random).toEqual({
        source: 'hashicorp/random',
        version: '~> 3.6',
      });
      expect(required.time).toEqual({
        source: 'hashicorp/time',
        version: '~> 0.12',
      });
      expect(await providers(fixtureDesign('azure'))).toEqual(['azurerm']);
    });
  });

  it('keeps PostgreSQL on its major version with public access off', async () => {
    const main = await moduleMain(fixtureDesign('azure'), 'data');
    const server = main.resource.azurerm_postgresql_flexible_server.main[0];
    expect(server.version).toBe('16');
    expect(server.public_network_access_enabled).toBe(false);
  });

  it('writes the scale set health extension settings as a jsonencode call in fmt layout', async () => {
    const main = await moduleMain(
      fixtureDesign('azure', { compute: 'vms' }),
      'compute',
    );
    const [extension] =
      main.resource.azurerm_linux_virtual_machine_scale_set.main[0].extension;
    expect(extension.settings).toBe(
      [
        '${jsonencode({',
        '      protocol    = "http"',
        '      port        = var.target_port',
        '      requestPath = var.health_check_path',
        '    })}',
      ].join('\n'),
    );
  });
});

const CLOUDS: Cloud[] = ['aws', 'gcp', 'azure'];
const KINDS: ComputeKind[] = ['kubernetes', 'containers', 'vms', 'serverless'];

describe.each(CLOUDS)('%s Terraform of every compute kind', cloud => {
  it.each(KINDS)(
    'passes terraform fmt -check where terraform is installed (%s)',
    compute => {
      if (
        spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0
      ) {
        // eslint-disable-next-line no-console
        console.warn('terraform is not on PATH: fmt was not checked');
        return;
      }
      const dir = createMockDirectory();
      for (const f of renderTerraform(
        fixtureDesign(cloud, {
          compute,
          multiRegion: compute === 'kubernetes',
        }),
      ))
        dir.addContent({ [f.path]: f.content });
      expect(() =>
        execFileSync('terraform', ['fmt', '-check', '-recursive', dir.path], {
          stdio: 'pipe',
        }),
      ).not.toThrow();
    },
  );
});

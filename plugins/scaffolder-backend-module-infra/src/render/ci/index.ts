import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { BOOTSTRAP_ROOT } from '../terraform/bootstrap';
import { environmentRootPath, GITLAB_CI_PATH, WORKFLOW_PATH } from '../names';
import { GENERATED_HEADER, toYaml } from '../yaml';
import { tflintConfig } from './tflint';
import {
  BUDGET_GATE_SCRIPT,
  budgetQuery,
  GITHUB_OVERRIDE_HINT,
  GITHUB_OVERRIDE_INPUT,
  hasBudgetGate,
} from './budgetGate';
import { gitlabPipeline } from './gitlab';
import {
  ACTIONS,
  PinnedAction,
  TFLINT_VERSION,
  uses,
  withVersionComments,
} from './actions';

/*
 * CI for the infrastructure: format, validate, lint, policy scan, plan on
 * review, gated apply. Design values (environment names, paths) reach shell
 * steps only through `env:` and are read as "$VARIABLE"; no `${{ }}` expression
 * is ever built from design text, and the only expressions used are fixed ones.
 */

// 1.10 is the first release of both tools with S3 native state locking (use_lockfile).
const TERRAFORM_VERSION = '1.10.5';
const OPENTOFU_VERSION = '1.10.0';

const binaryOf = (design: Design) =>
  design.iac.tool === 'opentofu' ? 'tofu' : 'terraform';

const setupIac = (design: Design) =>
  design.iac.tool === 'opentofu'
    ? {
        name: 'Set up OpenTofu',
        uses: uses(ACTIONS.setupOpentofu),
        with: { tofu_version: OPENTOFU_VERSION, tofu_wrapper: false },
      }
    : {
        name: 'Set up Terraform',
        uses: uses(ACTIONS.setupTerraform),
        with: {
          terraform_version: TERRAFORM_VERSION,
          terraform_wrapper: false,
        },
      };

const jobKey = (prefix: string, env: EnvironmentDesign) =>
  `${prefix}-${env.name}`;

/** Whether a person approves this environment's applies. */
const isGated = (design: Design, env: EnvironmentDesign) =>
  design.iac.gatedEnvironments?.includes(env.name) ||
  env.stage === 'production';

/** The suffix of an environment's repository variables: `prod` -> `PROD`. */
export const variableSuffix = (env: EnvironmentDesign) =>
  env.name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * A repository variable of the environment, `vars.<NAME>_<ENV>`. The expression is fixed
 * text; the suffix comes from the job's env (VARS_SUFFIX), never from design text.
 */
const envVar = (name: string) =>
  `\${{ vars[format('${name}_{0}', env.VARS_SUFFIX)] }}`;

/**
 * The root variables without a value (see the README), from repository variables per
 * environment; Terraform ignores a TF_VAR_ that a root does not declare.
 */
const TF_VARS: Record<string, Record<string, string>> = {
  aws: {
    TF_VAR_domain_name: envVar('DOMAIN_NAME'),
    TF_VAR_dns_zone_name: envVar('DNS_ZONE_NAME'),
  },
  azure: {
    TF_VAR_subscription_id: envVar('AZURE_SUBSCRIPTION_ID'),
    TF_VAR_certificate_secret_id: envVar('TLS_CERTIFICATE_SECRET_ID'),
    TF_VAR_secondary_certificate_secret_id: envVar(
      'SECONDARY_TLS_CERTIFICATE_SECRET_ID',
    ),
    TF_VAR_management_ip_ranges: envVar('MANAGEMENT_IP_RANGES'),
    TF_VAR_database_admins_group_name: envVar('DATABASE_ADMINS_GROUP_NAME'),
    TF_VAR_database_admins_group_object_id: envVar(
      'DATABASE_ADMINS_GROUP_OBJECT_ID',
    ),
    TF_VAR_ssh_public_key: envVar('SSH_PUBLIC_KEY'),
  },
  gcp: {
    TF_VAR_project: envVar('GCP_PROJECT_ID'),
    TF_VAR_domains: envVar('DOMAINS'),
  },
};

/** A workflow step that runs `action` with `inputs`. */
function actionStep(
  name: string,
  action: PinnedAction,
  inputs: Record<string, string>,
) {
  return { name, uses: uses(action), with: inputs };
}

/**
 * OIDC login to each cloud: no stored cloud secret, one identity per environment. Built
 * per job: the YAML writer would turn one shared object into an anchor and aliases.
 */
const CLOUD_LOGIN: Record<string, () => Record<string, unknown>> = {
  aws: () =>
    actionStep('Log in to AWS (OIDC)', ACTIONS.awsCredentials, {
      'role-to-assume': envVar('AWS_ROLE_ARN'),
      'aws-region': '${{ env.PRIMARY_REGION }}',
      'role-session-name': 'terraform-${{ github.run_id }}',
    }),
  azure: () =>
    actionStep(
      'Log in to Azure (OIDC, federated credential)',
      ACTIONS.azureLogin,
      {
        'client-id': envVar('AZURE_CLIENT_ID'),
        'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
        'subscription-id': envVar('AZURE_SUBSCRIPTION_ID'),
      },
    ),
  gcp: () =>
    actionStep(
      'Log in to Google Cloud (workload identity federation)',
      ACTIONS.googleAuth,
      {
        workload_identity_provider: envVar('GCP_WORKLOAD_IDENTITY_PROVIDER'),
        service_account: envVar('GCP_SERVICE_ACCOUNT'),
      },
    ),
};

function cloudLogin(design: Design): Record<string, unknown>[] {
  const login = CLOUD_LOGIN[design.cloud];
  if (!login) throw new Error(`no CI login for cloud ${design.cloud}`);
  return [login()];
}

/** Env of the steps that run Terraform against the cloud (azurerm reads ARM_* for OIDC). */
function cloudEnv(design: Design): Record<string, string> {
  const tfVars = TF_VARS[design.cloud] ?? {};
  if (design.cloud !== 'azure') return tfVars;
  return {
    ...tfVars,
    ARM_USE_OIDC: 'true',
    ARM_CLIENT_ID: envVar('AZURE_CLIENT_ID'),
    ARM_TENANT_ID: '${{ vars.AZURE_TENANT_ID }}',
    ARM_SUBSCRIPTION_ID: envVar('AZURE_SUBSCRIPTION_ID'),
  };
}

/** A pull request from a fork gets no cloud identity, no plan and no apply. */
const NOT_A_FORK =
  "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository";

/** Updates this environment's one plan comment in place (found by its marker), or adds it. */
const PLAN_COMMENT_SCRIPT = [
  "const fs = require('fs');",
  "const plan = fs.readFileSync(process.env.PLAN_FILE, 'utf8').slice(0, 60000);",
  'const marker = `<!-- plinth-plan:${process.env.ENVIRONMENT_NAME} -->`;',
  'const body = `${marker}\n### Plan for `${process.env.ENVIRONMENT_NAME}`\n\n<details><summary>Show plan</summary>\n\n```\n${plan}\n```\n</details>`;',
  'const comments = await github.paginate(github.rest.issues.listComments, { ...context.repo, issue_number: context.issue.number });',
  'const mine = comments.find(c => c.user.type === "Bot" && c.body.startsWith(marker));',
  'if (mine) await github.rest.issues.updateComment({ ...context.repo, comment_id: mine.id, body });',
  'else await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body });',
].join('\n');

/** Fails the apply when the GitHub environment has no required reviewer: approval is not optional. */
const REQUIRE_REVIEWERS = [
  'reviewers=$(gh api "repos/$GITHUB_REPOSITORY/environments/$ENVIRONMENT_NAME" --jq \'[.protection_rules[]? | select(.type == "required_reviewers")] | length\')',
  'if [ "$reviewers" -lt 1 ]; then',
  '  echo "::error::GitHub environment $ENVIRONMENT_NAME has no required reviewers; add them (Settings > Environments) before applying."',
  '  exit 1',
  'fi',
].join('\n');

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

/** The GitHub Actions workflow, as an object: jobs and steps can be added before it is written. */
export function githubWorkflow(design: Design) {
  const tf = binaryOf(design);
  const checkout = {
    uses: uses(ACTIONS.checkout),
    with: { 'persist-credentials': false },
  };
  const envFor = (env: EnvironmentDesign) => ({
    ENVIRONMENT_NAME: env.name,
    ROOT: environmentRootPath(env.name),
    VARS_SUFFIX: variableSuffix(env),
    PRIMARY_REGION: env.regions.primary,
  });
  const init: WorkflowStep = {
    name: 'Init',
    run: `${tf} -chdir="$ROOT" init -input=false`,
  };
  // One state per environment: its plans, applies and drift checks never overlap.
  const stateConcurrency = (env: EnvironmentDesign) => ({
    group: `tfstate-${env.name}`,
    'cancel-in-progress': false,
  });
  // Every job that runs Terraform starts so: the code, the binary, the cloud identity.
  const loggedIn = (): WorkflowStep[] => [
    checkout,
    setupIac(design),
    ...cloudLogin(design),
  ];
  const cloudSteps = (steps: WorkflowStep[]): WorkflowStep[] =>
    steps.map(step =>
      step.run?.includes(`${tf} -chdir`)
        ? { ...step, env: { ...cloudEnv(design), ...step.env } }
        : step,
    );

  const planJobs = Object.fromEntries(
    design.environments.map(env => [
      jobKey('plan', env),
      {
        name: `Plan ${env.name}`,
        if: `(github.event_name == 'pull_request' || github.event_name == 'push' || github.event_name == 'workflow_dispatch') && (${NOT_A_FORK})`,
        needs: ['checks'],
        'runs-on': 'ubuntu-latest',
        permissions: {
          contents: 'read',
          'id-token': 'write',
          'pull-requests': 'write',
        },
        concurrency: stateConcurrency(env),
        env: envFor(env),
        steps: cloudSteps([
          ...loggedIn(),
          init,
          {
            name: 'Plan',
            run: `${tf} -chdir="$ROOT" plan -input=false -no-color -lock-timeout=10m -out=tfplan\n${tf} -chdir="$ROOT" show -no-color tfplan > "$RUNNER_TEMP/plan.txt"`,
          },
          {
            // The apply job applies exactly this file, after approval.
            name: 'Save the plan',
            uses: uses(ACTIONS.uploadArtifact),
            with: {
              name: `tfplan-${env.name}`,
              // The lock file too: the apply must use the providers the plan was made with.
              path: `${environmentRootPath(
                env.name,
              )}/tfplan\n${environmentRootPath(env.name)}/.terraform.lock.hcl`,
              'include-hidden-files': true,
              'retention-days': 7,
              'if-no-files-found': 'error',
            },
          },
          {
            name: 'Post the plan on the pull request',
            if: "github.event_name == 'pull_request'",
            uses: uses(ACTIONS.githubScript),
            env: { PLAN_FILE: '${{ runner.temp }}/plan.txt' },
            with: { script: PLAN_COMMENT_SCRIPT },
          },
        ]),
      },
    ]),
  );

  const applyJobs = Object.fromEntries(
    design.environments.map((env, index) => [
      jobKey('apply', env),
      {
        name: `Apply ${env.name}`,
        // workflow_dispatch: a run by hand, the way to override the error-budget gate
        if: "(github.event_name == 'push' || github.event_name == 'workflow_dispatch') && github.ref == 'refs/heads/main'",
        needs: [
          jobKey('plan', env),
          ...(index === 0
            ? []
            : [jobKey('apply', design.environments[index - 1])]),
        ],
        'runs-on': 'ubuntu-latest',
        // The GitHub environment holds the approval: the job waits for its reviewers.
        environment: env.name,
        permissions: { contents: 'read', 'id-token': 'write', actions: 'read' },
        concurrency: stateConcurrency(env),
        env: envFor(env),
        steps: cloudSteps([
          ...(isGated(design, env)
            ? [
                {
                  name: 'Require a reviewer on this environment',
                  env: { GH_TOKEN: '${{ github.token }}' },
                  run: REQUIRE_REVIEWERS,
                },
              ]
            : []),
          ...(hasBudgetGate(design, env)
            ? [
                {
                  name: 'Error budget gate',
                  env: {
                    PROMETHEUS_URL: envVar('PROMETHEUS_URL'),
                    ERROR_BUDGET_GATE: envVar('ERROR_BUDGET_GATE'),
                    BUDGET_QUERY: budgetQuery(design, env),
                    OVERRIDE_ERROR_BUDGET: `\${{ github.event_name == 'workflow_dispatch' && inputs.${GITHUB_OVERRIDE_INPUT} }}`,
                    OVERRIDE_HINT: GITHUB_OVERRIDE_HINT,
                    ERROR_MARK: '::error::',
                  },
                  run: BUDGET_GATE_SCRIPT,
                },
              ]
            : []),
          ...loggedIn(),
          {
            name: 'Fetch the reviewed plan',
            uses: uses(ACTIONS.downloadArtifact),
            with: {
              name: `tfplan-${env.name}`,
              path: environmentRootPath(env.name),
            },
          },
          init,
          {
            name: 'Apply the saved plan',
            run: `${tf} -chdir="$ROOT" apply -input=false -lock-timeout=10m tfplan`,
          },
        ]),
      },
    ]),
  );

  const driftJobs = Object.fromEntries(
    design.environments.map(env => [
      jobKey('drift', env),
      {
        name: `Drift check ${env.name}`,
        if: "github.event_name == 'schedule'",
        'runs-on': 'ubuntu-latest',
        permissions: { contents: 'read', 'id-token': 'write' },
        concurrency: stateConcurrency(env),
        env: envFor(env),
        steps: cloudSteps([
          ...loggedIn(),
          init,
          {
            // -detailed-exitcode: 2 means the cloud differs from the code.
            name: 'Plan against the live state',
            run: `set +e\n${tf} -chdir="$ROOT" plan -input=false -no-color -lock-timeout=10m -detailed-exitcode\ncode=$?\nif [ "$code" -eq 2 ]; then echo "::error::$ENVIRONMENT_NAME has drifted from the code"; fi\nexit "$code"`,
          },
        ]),
      },
    ]),
  );

  const paths = [
    'terraform/**',
    '.tflint.hcl',
    '.github/workflows/infrastructure.yaml',
  ];
  return {
    name: 'infrastructure',
    on: {
      pull_request: { paths },
      push: { branches: ['main'], paths },
      // Plan and apply main by hand; the only way to apply past the error-budget gate.
      workflow_dispatch: {
        inputs: {
          [GITHUB_OVERRIDE_INPUT]: {
            description:
              'Apply even if an SLO has no error budget left (a fix or a rollback)',
            type: 'boolean',
            default: false,
          },
        },
      },
      // Daily drift detection, off the hour most workflows start on.
      schedule: [{ cron: '17 5 * * *' }],
    },
    permissions: { contents: 'read' },
    jobs: {
      checks: {
        name: 'Format, validate, lint and policy scan',
        if: "github.event_name != 'schedule'",
        'runs-on': 'ubuntu-latest',
        env: {
          // The environment roots and the state bootstrap root.
          ROOTS: [
            ...design.environments.map(env => environmentRootPath(env.name)),
            BOOTSTRAP_ROOT,
          ].join(' '),
        },
        steps: [
          checkout,
          setupIac(design),
          { name: 'Format', run: `${tf} fmt -check -recursive terraform` },
          {
            name: 'Validate',
            run: `for root in $ROOTS; do\n  ${tf} -chdir="$root" init -backend=false -input=false\n  ${tf} -chdir="$root" validate\ndone`,
          },
          {
            name: 'Set up TFLint',
            uses: uses(ACTIONS.setupTflint),
            with: { tflint_version: TFLINT_VERSION },
          },
          {
            name: 'Lint (the cloud ruleset of .tflint.hcl)',
            env: { GITHUB_TOKEN: '${{ github.token }}' },
            run: 'tflint --init --config "$GITHUB_WORKSPACE/.tflint.hcl"\ntflint --recursive --chdir terraform --config "$GITHUB_WORKSPACE/.tflint.hcl"',
          },
          {
            name: 'Policy scan (Checkov)',
            uses: uses(ACTIONS.checkov),
            with: {
              directory: 'terraform',
              framework: 'terraform',
              quiet: true,
              soft_fail: false,
            },
          },
        ],
      },
      ...planJobs,
      ...applyJobs,
      ...driftJobs,
    },
  };
}

function gitlab(design: Design) {
  const tf = binaryOf(design);
  return gitlabPipeline(design, {
    tf,
    image:
      design.iac.tool === 'opentofu'
        ? {
            name: `ghcr.io/opentofu/opentofu:${OPENTOFU_VERSION}`,
            entrypoint: [''],
          }
        : {
            name: `hashicorp/terraform:${TERRAFORM_VERSION}`,
            entrypoint: [''],
          },
    tflintImage: {
      name: `ghcr.io/terraform-linters/tflint:${TFLINT_VERSION}`,
      entrypoint: [''],
    },
    gated: env => Boolean(isGated(design, env)),
    budgetGate: env =>
      hasBudgetGate(design, env) ? budgetQuery(design, env) : undefined,
  });
}

/**
 * `.github/workflows/infrastructure.yaml`, always (the repository contract),
 * and `.gitlab-ci.yml` as well when the design's CI provider is GitLab CI.
 */
export function renderCi(design: Design): GeneratedFile[] {
  const files: GeneratedFile[] = [
    {
      path: WORKFLOW_PATH,
      content: withVersionComments(
        toYaml(githubWorkflow(design), GENERATED_HEADER),
      ),
    },
    { path: '.tflint.hcl', content: tflintConfig(design) },
  ];
  if (design.iac.ciProvider === 'gitlab-ci') {
    files.push({
      path: GITLAB_CI_PATH,
      content: toYaml(gitlab(design), GENERATED_HEADER),
    });
  }
  return files;
}

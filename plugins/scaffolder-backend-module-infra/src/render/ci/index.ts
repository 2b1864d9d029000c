import type {
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { environmentRootPath, GITLAB_CI_PATH, WORKFLOW_PATH } from '../names';
import { GENERATED_HEADER, toYaml } from '../yaml';

/*
 * CI for the infrastructure: format, validate, lint, policy scan, plan on
 * review, gated apply. Design values (environment names, paths) reach shell
 * steps only through `env:` and are read as "$VARIABLE"; no `${{ }}` expression
 * is ever built from design text, and the only expressions used are fixed ones.
 */

// 1.10 is the first release of both tools with S3 native state locking (use_lockfile).
const TERRAFORM_VERSION = '1.10.5';
const OPENTOFU_VERSION = '1.10.0';
const TFLINT_VERSION = 'v0.53.0';

const binaryOf = (design: Design) =>
  design.iac.tool === 'opentofu' ? 'tofu' : 'terraform';

const setupIac = (design: Design) =>
  design.iac.tool === 'opentofu'
    ? {
        name: 'Set up OpenTofu',
        uses: 'opentofu/setup-opentofu@v1',
        with: { tofu_version: OPENTOFU_VERSION, tofu_wrapper: false },
      }
    : {
        name: 'Set up Terraform',
        uses: 'hashicorp/setup-terraform@v3',
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
  (env.stage === 'production' && design.iac.prodApproval);

function githubWorkflow(design: Design) {
  const tf = binaryOf(design);
  const checkout = { uses: 'actions/checkout@v4' };
  const envFor = (env: EnvironmentDesign) => ({
    ENVIRONMENT_NAME: env.name,
    ROOT: environmentRootPath(env.name),
  });

  const planJobs = Object.fromEntries(
    design.environments.map(env => [
      jobKey('plan', env),
      {
        name: `Plan ${env.name}`,
        if: "github.event_name == 'pull_request'",
        needs: ['checks'],
        'runs-on': 'ubuntu-latest',
        permissions: {
          contents: 'read',
          'id-token': 'write',
          'pull-requests': 'write',
        },
        env: envFor(env),
        steps: [
          checkout,
          setupIac(design),
          { name: 'Init', run: `${tf} -chdir="$ROOT" init -input=false` },
          {
            name: 'Plan',
            run: `${tf} -chdir="$ROOT" plan -input=false -no-color -out=tfplan\n${tf} -chdir="$ROOT" show -no-color tfplan > "$RUNNER_TEMP/plan.txt"`,
          },
          {
            name: 'Post the plan on the pull request',
            uses: 'actions/github-script@v7',
            env: { PLAN_FILE: '${{ runner.temp }}/plan.txt' },
            with: {
              script: [
                "const fs = require('fs');",
                'const plan = fs.readFileSync(process.env.PLAN_FILE, "utf8").slice(0, 60000);',
                'const body = `### Plan for \\`${process.env.ENVIRONMENT_NAME}\\`\\n\\n<details><summary>Show plan</summary>\\n\\n\\`\\`\\`\\n${plan}\\n\\`\\`\\`\\n</details>`;',
                'await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body });',
              ].join('\n'),
            },
          },
        ],
      },
    ]),
  );

  const applyJobs = Object.fromEntries(
    design.environments.map((env, index) => [
      jobKey('apply', env),
      {
        name: `Apply ${env.name}`,
        if: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
        needs:
          index === 0
            ? ['checks']
            : [jobKey('apply', design.environments[index - 1])],
        'runs-on': 'ubuntu-latest',
        // A GitHub environment per stage; production's requires a reviewer,
        // configured in the repository settings (see docs/runbooks/deploy.md).
        environment: env.name,
        permissions: { contents: 'read', 'id-token': 'write' },
        concurrency: {
          group: `apply-${env.name}`,
          'cancel-in-progress': false,
        },
        env: {
          ...envFor(env),
          APPROVAL_REQUIRED: String(isGated(design, env)),
        },
        steps: [
          checkout,
          setupIac(design),
          { name: 'Init', run: `${tf} -chdir="$ROOT" init -input=false` },
          {
            name: 'Apply',
            run: `${tf} -chdir="$ROOT" apply -input=false -auto-approve`,
          },
        ],
      },
    ]),
  );

  return {
    name: 'infrastructure',
    on: {
      pull_request: {
        paths: ['terraform/**', '.github/workflows/infrastructure.yaml'],
      },
      push: {
        branches: ['main'],
        paths: ['terraform/**', '.github/workflows/infrastructure.yaml'],
      },
    },
    permissions: { contents: 'read' },
    jobs: {
      checks: {
        name: 'Format, validate, lint and policy scan',
        'runs-on': 'ubuntu-latest',
        env: {
          ROOTS: design.environments
            .map(env => environmentRootPath(env.name))
            .join(' '),
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
            uses: 'terraform-linters/setup-tflint@v4',
            with: { tflint_version: TFLINT_VERSION },
          },
          {
            name: 'Lint',
            run: 'tflint --init\ntflint --recursive --chdir terraform',
          },
          {
            name: 'Policy scan (Checkov)',
            uses: 'bridgecrewio/checkov-action@v12',
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
    },
  };
}

function gitlabPipeline(design: Design) {
  const tf = binaryOf(design);
  const image =
    design.iac.tool === 'opentofu'
      ? {
          name: `ghcr.io/opentofu/opentofu:${OPENTOFU_VERSION}`,
          entrypoint: [''],
        }
      : { name: `hashicorp/terraform:${TERRAFORM_VERSION}`, entrypoint: [''] };
  const jobs: Record<string, unknown> = {
    stages: ['check', 'plan', 'apply'],
    default: { image },
    fmt: { stage: 'check', script: [`${tf} fmt -check -recursive terraform`] },
    tflint: {
      stage: 'check',
      image: {
        name: `ghcr.io/terraform-linters/tflint:${TFLINT_VERSION}`,
        entrypoint: [''],
      },
      script: ['tflint --init', 'tflint --recursive --chdir terraform'],
    },
    checkov: {
      stage: 'check',
      image: { name: 'bridgecrew/checkov:3', entrypoint: [''] },
      script: ['checkov --directory terraform --framework terraform'],
    },
  };
  for (const env of design.environments) {
    const variables = {
      ENVIRONMENT_NAME: env.name,
      ROOT: environmentRootPath(env.name),
    };
    jobs[`validate-${env.name}`] = {
      stage: 'check',
      variables,
      script: [
        `${tf} -chdir="$ROOT" init -backend=false -input=false`,
        `${tf} -chdir="$ROOT" validate`,
      ],
    };
    jobs[`plan-${env.name}`] = {
      stage: 'plan',
      variables,
      rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
      script: [
        `${tf} -chdir="$ROOT" init -input=false`,
        `${tf} -chdir="$ROOT" plan -input=false -out=tfplan`,
      ],
      artifacts: {
        paths: [`${environmentRootPath(env.name)}/tfplan`],
        expire_in: '1 week',
      },
    };
    jobs[`apply-${env.name}`] = {
      stage: 'apply',
      variables,
      environment: { name: env.name },
      rules: [
        {
          if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
          when: isGated(design, env) ? 'manual' : 'on_success',
        },
      ],
      script: [
        `${tf} -chdir="$ROOT" init -input=false`,
        `${tf} -chdir="$ROOT" apply -input=false -auto-approve`,
      ],
    };
  }
  return jobs;
}

/**
 * `.github/workflows/infrastructure.yaml`, always (the repository contract),
 * and `.gitlab-ci.yml` as well when the design's CI provider is GitLab CI.
 */
export function renderCi(design: Design): GeneratedFile[] {
  const files: GeneratedFile[] = [
    {
      path: WORKFLOW_PATH,
      content: toYaml(githubWorkflow(design), GENERATED_HEADER),
    },
  ];
  if (design.iac.ciProvider === 'gitlab-ci') {
    files.push({
      path: GITLAB_CI_PATH,
      content: toYaml(gitlabPipeline(design), GENERATED_HEADER),
    });
  }
  return files;
}

/*
 * `.gitlab-ci.yml`: the same checks, plans and gated applies as the GitHub workflow. Each plan
 * and apply logs in to the cloud with the job's OIDC token (`id_tokens`), no stored cloud
 * secret: AWS and Azure through their providers' web-identity settings, Google Cloud through a
 * workload identity federation credentials file. The values come from GitLab CI/CD variables
 * scoped to the job's environment; design values reach scripts only through `variables:`.
 * The plan is saved as an artifact and exactly that plan is applied, one environment's state
 * operations at a time (`resource_group`).
 */
import type {
  Cloud,
  Design,
  EnvironmentDesign,
} from '@plinth/backstage-plugin-infra-common';
import { environmentRootPath } from '../names';
import { BOOTSTRAP_ROOT } from '../terraform/bootstrap';
import { BUDGET_GATE_SCRIPT, GITLAB_OVERRIDE_HINT } from './budgetGate';

const TOKEN_FILE = '"$CI_PROJECT_DIR/.oidc-token"';

/** The audience each cloud's federation trusts; GCP's names the provider (a CI/CD variable). */
const AUDIENCE: Record<Cloud, string> = {
  aws: 'sts.amazonaws.com',
  azure: 'api://AzureADTokenExchange',
  gcp: 'https://iam.googleapis.com/$GCP_WORKLOAD_IDENTITY_PROVIDER',
};

/** Shell lines that make the job's OIDC token the cloud identity of Terraform and its backend. */
export const GITLAB_LOGIN: Record<Cloud, string[]> = {
  aws: [
    `printf '%s' "$CLOUD_ID_TOKEN" > ${TOKEN_FILE}`,
    // The provider and the S3 backend assume AWS_ROLE_ARN with this token (AWS SDK web identity).
    `export AWS_WEB_IDENTITY_TOKEN_FILE=${TOKEN_FILE}`,
    'export AWS_ROLE_SESSION_NAME="terraform-$CI_JOB_ID"',
  ],
  azure: [
    // azurerm and its backend exchange the token for the federated credential's identity.
    'export ARM_USE_OIDC=true ARM_OIDC_TOKEN="$CLOUD_ID_TOKEN"',
    'export ARM_CLIENT_ID="$AZURE_CLIENT_ID" ARM_TENANT_ID="$AZURE_TENANT_ID" ARM_SUBSCRIPTION_ID="$AZURE_SUBSCRIPTION_ID"',
  ],
  gcp: [
    `printf '%s' "$CLOUD_ID_TOKEN" > ${TOKEN_FILE}`,
    // An external_account credentials file: Google's STS exchanges the token, then the
    // service account is impersonated (GitLab's documented workload identity federation).
    `printf '{"type":"external_account","audience":"//iam.googleapis.com/%s","subject_token_type":"urn:ietf:params:oauth:token-type:jwt","token_url":"https://sts.googleapis.com/v1/token","credential_source":{"file":"%s"},"service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/%s:generateAccessToken"}' "$GCP_WORKLOAD_IDENTITY_PROVIDER" "$CI_PROJECT_DIR/.oidc-token" "$GCP_SERVICE_ACCOUNT" > "$CI_PROJECT_DIR/.gcp-credentials.json"`,
    'export GOOGLE_APPLICATION_CREDENTIALS="$CI_PROJECT_DIR/.gcp-credentials.json"',
  ],
};

export interface GitlabOptions {
  tf: string;
  image: { name: string; entrypoint: string[] };
  tflintImage: { name: string; entrypoint: string[] };
  gated(env: EnvironmentDesign): boolean;
  /** The remaining-budget query of a gated environment, undefined when it has no gate. */
  budgetGate(env: EnvironmentDesign): string | undefined;
}

export function gitlabPipeline(design: Design, options: GitlabOptions) {
  const { tf } = options;
  const roots = [
    ...design.environments.map(env => environmentRootPath(env.name)),
    BOOTSTRAP_ROOT,
  ];
  const jobs: Record<string, unknown> = {
    stages: ['check', 'plan', 'gate', 'apply'],
    default: { image: options.image },
    fmt: { stage: 'check', script: [`${tf} fmt -check -recursive terraform`] },
    validate: {
      stage: 'check',
      variables: { ROOTS: roots.join(' ') },
      script: [
        `for root in $ROOTS; do ${tf} -chdir="$root" init -backend=false -input=false && ${tf} -chdir="$root" validate || exit 1; done`,
      ],
    },
    tflint: {
      stage: 'check',
      image: options.tflintImage,
      script: ['tflint --init', 'tflint --recursive --chdir terraform'],
    },
    checkov: {
      stage: 'check',
      image: { name: 'bridgecrew/checkov:3', entrypoint: [''] },
      script: ['checkov --directory terraform --framework terraform'],
    },
  };
  const identity = {
    id_tokens: { CLOUD_ID_TOKEN: { aud: AUDIENCE[design.cloud] } },
    before_script: GITLAB_LOGIN[design.cloud],
  };
  for (const env of design.environments) {
    const root = environmentRootPath(env.name);
    const variables = { ENVIRONMENT_NAME: env.name, ROOT: root };
    jobs[`plan-${env.name}`] = {
      stage: 'plan',
      variables,
      // `prepare`: the job reads the environment's scoped variables without deploying.
      environment: { name: env.name, action: 'prepare' },
      resource_group: `tfstate-${env.name}`,
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' },
      ],
      ...identity,
      script: [
        `${tf} -chdir="$ROOT" init -input=false`,
        `${tf} -chdir="$ROOT" plan -input=false -lock-timeout=10m -out=tfplan`,
      ],
      artifacts: {
        paths: [`${root}/tfplan`, `${root}/.terraform.lock.hcl`],
        expire_in: '1 week',
      },
    };
    const query = options.budgetGate(env);
    if (query) {
      // PROMETHEUS_URL and ERROR_BUDGET_GATE are CI/CD variables of the environment;
      // OVERRIDE_ERROR_BUDGET=true is set when running a pipeline by hand.
      jobs[`budget-gate-${env.name}`] = {
        stage: 'gate',
        image: { name: 'alpine:3.20', entrypoint: [''] },
        variables: {
          ENVIRONMENT_NAME: env.name,
          BUDGET_QUERY: query,
          OVERRIDE_HINT: GITLAB_OVERRIDE_HINT,
        },
        environment: { name: env.name, action: 'prepare' },
        needs: [{ job: `plan-${env.name}`, artifacts: false }],
        rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }],
        before_script: ['apk add --no-cache curl jq'],
        script: [BUDGET_GATE_SCRIPT],
      };
    }
    jobs[`apply-${env.name}`] = {
      stage: 'apply',
      variables,
      environment: { name: env.name },
      resource_group: `tfstate-${env.name}`,
      needs: [
        { job: `plan-${env.name}`, artifacts: true },
        ...(query
          ? [{ job: `budget-gate-${env.name}`, artifacts: false }]
          : []),
      ],
      rules: [
        {
          if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
          when: options.gated(env) ? 'manual' : 'on_success',
        },
      ],
      ...identity,
      // Exactly the reviewed plan; Terraform refuses it if the state has moved since.
      script: [
        `${tf} -chdir="$ROOT" init -input=false`,
        `${tf} -chdir="$ROOT" apply -input=false -lock-timeout=10m tfplan`,
      ],
    };
  }
  return jobs;
}

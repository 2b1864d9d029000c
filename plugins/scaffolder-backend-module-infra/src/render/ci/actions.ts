/*
 * The actions the generated workflow uses, each pinned to the commit of a release tag (a
 * tag can be moved; a commit cannot). Each commit was read from the action's own
 * repository: `git rev-list -n1 <tag>` on a clone of github.com/<repo>. To upgrade, read the
 * new tag's commit the same way and change both fields.
 */
export interface PinnedAction {
  repo: string;
  version: string;
  commit: string;
}

export const ACTIONS = {
  checkout: {
    repo: 'actions/checkout',
    version: 'v7.0.1',
    commit: '3d3c42e5aac5ba805825da76410c181273ba90b1',
  },
  setupTerraform: {
    repo: 'hashicorp/setup-terraform',
    version: 'v4.0.1',
    commit: 'dfe3c3f87815947d99a8997f908cb6525fc44e9e',
  },
  setupOpentofu: {
    repo: 'opentofu/setup-opentofu',
    version: 'v2.0.2',
    commit: 'a1320f892987e89d278cc92dc5adc984fb93aca4',
  },
  setupTflint: {
    repo: 'terraform-linters/setup-tflint',
    version: 'v6.3.0',
    commit: '6e1e0642c0289bd619021bf6b34e3c08ed1e005a',
  },
  checkov: {
    repo: 'bridgecrewio/checkov-action',
    version: 'v12.3119.0',
    commit: '59b9d7edfcad5b87fbe3f473a9a134a721ad03f8',
  },
  githubScript: {
    repo: 'actions/github-script',
    version: 'v8.0.0',
    commit: 'ed597411d8f924073f98dfc5c65a23a2325f34cd',
  },
  uploadArtifact: {
    repo: 'actions/upload-artifact',
    version: 'v7.0.0',
    commit: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
  },
  downloadArtifact: {
    repo: 'actions/download-artifact',
    version: 'v8.0.1',
    commit: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
  },
  awsCredentials: {
    repo: 'aws-actions/configure-aws-credentials',
    version: 'v6.2.3',
    commit: 'e6de054238d6b7531b4efff3b6587d9aade6a06c',
  },
  azureLogin: {
    repo: 'azure/login',
    version: 'v3.0.1',
    commit: 'f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca',
  },
  googleAuth: {
    repo: 'google-github-actions/auth',
    version: 'v3.0.0',
    commit: '7c6bc770dae815cd3e89ee6cdf493a5fab2cc093',
  },
} satisfies Record<string, PinnedAction>;

/** `owner/repo@<commit>` for a step's `uses:`. */
export function uses(action: PinnedAction): string {
  return `${action.repo}@${action.commit}`;
}

/** The rendered YAML with each pinned `uses:` followed by its release, as people read it. */
export function withVersionComments(yamlText: string): string {
  let text = yamlText;
  for (const action of Object.values(ACTIONS)) {
    text = text
      .split(`${uses(action)}\n`)
      .join(`${uses(action)} # ${action.version}\n`);
  }
  return text;
}

/** TFLint and its provider rulesets (github.com/terraform-linters, latest release tags). */
export const TFLINT_VERSION = 'v0.64.0';
export const TFLINT_RULESETS: Record<
  string,
  { name: string; version: string }
> = {
  aws: { name: 'aws', version: '0.48.0' },
  azure: { name: 'azurerm', version: '0.32.0' },
  gcp: { name: 'google', version: '0.39.0' },
};

/*
 * The review page's words for the planner's values and reasons: numbers rounded for
 * people, the design's ids (`managed-key`, `gcs: ...`) and the burn-rate formula said
 * in plain words. Display only: the design and the generated repository keep the ids.
 */
import type { Decision } from '@plinth/backstage-plugin-infra-common';

/** Rounded for people: 0.0432000000013 -> 0.0432, 99.9999 stays, 1234.56 -> 1,235. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) {
    return value.toLocaleString('en-US');
  }
  // Ten significant digits drop floating-point noise before rounding for display.
  const clean = Number(value.toPrecision(10));
  if (Math.abs(clean) >= 100) return Math.round(clean).toLocaleString('en-US');
  if (Math.abs(clean) >= 1) {
    return clean.toLocaleString('en-US', { maximumFractionDigits: 5 });
  }
  return String(Number(clean.toPrecision(3)));
}

const VALUE_WORDS: Record<string, string> = {
  'managed-key': 'customer-managed keys',
  'provider-managed': "the cloud provider's keys",
  'backup-restore': 'backup and restore',
  'pilot-light': 'pilot light',
  'warm-standby': 'warm standby',
  'active-active': 'active-active',
  'github-actions': 'GitHub Actions',
  'gitlab-ci': 'GitLab CI',
};

const STATE_BACKENDS: Record<string, string> = {
  s3: 'S3 bucket',
  gcs: 'Cloud Storage bucket',
  azurerm: 'Azure Storage account',
};

function valueWords(text: string): string {
  const backend = /^(s3|gcs|azurerm): (.+)$/.exec(text);
  if (backend) return `${STATE_BACKENDS[backend[1]]} ${backend[2]}`;
  return VALUE_WORDS[text] ?? text;
}

export function formatValue(value: Decision['value']): string {
  if (Array.isArray(value)) return value.map(valueWords).join(', ') || 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  return valueWords(String(value));
}

/** The reason in words; a plain answer is called one, a default says so. */
export function plainReason(decision: Decision): string {
  const { origin, id } = decision;
  let reason = decision.reason;
  if (id.endsWith('.burnRates')) {
    reason =
      'alerts fire when failures spend the error budget faster than the objective allows (x14.4: 14 times faster); a fast burn pages someone, a slow one opens a ticket';
  }
  if (origin === 'answered') {
    // The planner's reasons for answers often start with the word itself.
    const rest = reason.replace(/^answered[;:,.]?\s*/, '');
    return rest ? `Your answer: ${rest}` : 'Your answer';
  }
  if (origin === 'default') {
    return `${reason} (default)`;
  }
  return reason;
}

/*
 * Reads `plinth.prometheus` (declared in this plugin's config.d.ts): a default
 * Prometheus and named ones that an SLO or environment entity selects with the
 * `plinth.dev/prometheus` annotation. Entities can only name configured
 * instances, never give a URL, so the catalog cannot point the backend anywhere.
 */
import { RootConfigService } from '@backstage/backend-plugin-api';

type Config = Pick<
  RootConfigService,
  | 'getString'
  | 'getOptionalConfig'
  | 'getOptionalNumber'
  | 'getOptionalBoolean'
  | 'getConfig'
  | 'has'
  | 'keys'
  | 'getOptionalString'
>;

/** The default instance's name, for messages and annotations. */
export const DEFAULT_INSTANCE = 'default';

/** Annotation on an SLO or environment entity naming a `plinth.prometheus.instances` key. */
export const ANNOTATION_PROMETHEUS = 'plinth.dev/prometheus';

const INSTANCE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const DEFAULT_TIMEOUT_MS = 5000;
const MAX_TIMEOUT_MS = 60000;

export interface PrometheusInstanceConfig {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The instance holds demo data (the embedded default's backfilled history). */
  demo: boolean;
}

function readInstance(name: string, config: Config): PrometheusInstanceConfig {
  const baseUrl = config.getString('baseUrl').replace(/\/+$/, '');
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `plinth.prometheus: ${name} baseUrl must be http(s), got ${url.protocol}`,
    );
  }
  const headersConfig = config.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const key of headersConfig?.keys() ?? []) {
    headers[key] = headersConfig!.getString(key);
  }
  const timeoutMs = config.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new Error(
      `plinth.prometheus: ${name} timeoutMs must be between 1 and ${MAX_TIMEOUT_MS}`,
    );
  }
  return {
    name,
    baseUrl,
    headers,
    timeoutMs,
    demo: config.getOptionalBoolean('demo') ?? false,
  };
}

/** Every configured Prometheus by name; empty when none is configured. */
export function readPrometheusConfig(
  root: Config,
): Map<string, PrometheusInstanceConfig> {
  const instances = new Map<string, PrometheusInstanceConfig>();
  const config = root.getOptionalConfig('plinth.prometheus');
  if (!config) return instances;
  if (config.has('baseUrl')) {
    instances.set(DEFAULT_INSTANCE, readInstance(DEFAULT_INSTANCE, config));
  }
  const named = config.getOptionalConfig('instances');
  for (const name of named?.keys() ?? []) {
    if (!INSTANCE_NAME.test(name) || name === DEFAULT_INSTANCE) {
      throw new Error(
        `plinth.prometheus.instances: '${name}' must match ${INSTANCE_NAME} and not be '${DEFAULT_INSTANCE}'`,
      );
    }
    instances.set(name, readInstance(name, named!.getConfig(name)));
  }
  return instances;
}

/** The instance an annotation value names, or why it cannot be used. */
export function isInstanceName(value: string): boolean {
  return INSTANCE_NAME.test(value);
}

/*
 * The generated-repository contract (docs/generated-repository.md) as the tests state it,
 * once, apart from the renderer's own lists: a module the renderer drops fails them.
 */

/** The Terraform modules every generated repository has, in the order they are called. */
export const CONTRACT_MODULES = [
  'network',
  'security',
  'compute',
  'data',
  'edge',
  'observability',
] as const;

/** Files every generated repository has at fixed paths, besides its modules and roots. */
export const CONTRACT_FILES = [
  'README.md',
  'catalog-info.yaml',
  'mkdocs.yml',
  'monitoring/prometheus/slo-rules.yaml',
  'monitoring/prometheus/slo-rules.test.yaml',
  '.github/workflows/infrastructure.yaml',
] as const;

/** The repository of the payments-api example: the contract's files and its two SLOs. */
export const PAYMENTS_API_FILES = [
  ...CONTRACT_FILES,
  'slos/payments-api-availability.yaml',
  'slos/payments-api-latency.yaml',
];

/** The files of a scaffolder dry run's `directoryContents`, by path, as text. */
export function dryRunFiles(
  directoryContents: Array<{ path: string; base64Content: string }>,
): Map<string, string> {
  return new Map(
    directoryContents.map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

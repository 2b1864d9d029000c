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

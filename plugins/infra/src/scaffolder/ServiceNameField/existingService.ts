import type { CatalogApi } from '@backstage/catalog-client';

/** The wizard's service names are catalog names: `component:default/<name>`. */
export const serviceRef = (name: string) => `component:default/${name}`;

/** The Infrastructure tab of a service, where its change flow starts. */
export const infraTabPath = (name: string) =>
  `/catalog/default/component/${encodeURIComponent(name)}/infrastructure`;

/** Whether the wizard is changing an existing service (`mode: change`) or creating one. */
export function isChangeMode(formData: unknown): boolean {
  return (formData as { mode?: unknown } | undefined)?.mode === 'change';
}

/**
 * The ref of the catalog Component a new service would collide with, if there is one.
 * Creating it anyway would attach the new SLOs and environments to the old entity.
 */
export async function existingService(
  catalogApi: Pick<CatalogApi, 'getEntityByRef'>,
  name: string,
): Promise<string | undefined> {
  const ref = serviceRef(name);
  const entity = await catalogApi.getEntityByRef(ref);
  return entity ? ref : undefined;
}

/** The message that blocks Next, naming the way out. */
export function existingServiceMessage(name: string): string {
  return `a service named ${name} is already in the catalog: change its infrastructure from its Infrastructure tab instead of creating it again`;
}

import { mockServices } from '@backstage/backend-test-utils';
import { planFromInput } from '@plinth/backstage-plugin-infra-common';
import { renderGeneratedRepository } from '../render';

/** The repository the render action writes for these answers, by path. */
export function generated(answers: unknown): Record<string, string> {
  const plan = planFromInput(answers);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return Object.fromEntries(
    renderGeneratedRepository(plan.design, { answers }).map(f => [
      f.path,
      f.content,
    ]),
  );
}

/** A URL reader whose readTree returns the given files. */
export function readerOf(files: Record<string, string>) {
  const reader = mockServices.urlReader.mock();
  reader.readTree.mockResolvedValue({
    etag: 'e1',
    files: async () =>
      Object.entries(files).map(([p, c]) => ({
        path: p,
        content: async () => Buffer.from(c, 'utf8'),
      })),
    archive: jest.fn(),
    dir: jest.fn(),
  } as any);
  return reader;
}

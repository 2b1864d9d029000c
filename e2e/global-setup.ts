/*
 * Starts the real backend once for all specs. It serves the built app (packages/app/dist)
 * through the app-backend plugin, so the browser talks to one origin, as in production.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startBackend } from '../packages/test-support/src/backend';

export default async function globalSetup() {
  if (!existsSync(join(repoRoot, 'packages/app/dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: run `yarn workspace app build` (make test does)',
    );
  }
  const port = Number(process.env.PLINTH_E2E_PORT ?? 7017);
  const backend = await startBackend({ port });
  // eslint-disable-next-line no-console
  console.log(`e2e: backend with the built app at ${backend.baseUrl}`);
  return async () => {
    await backend.stop();
  };
}

/*
 * A process that publishes a workspace with infra:publish:local's core and dies with
 * SIGKILL at the phase named on the command line, for the fault test. Run with the
 * Backstage CLI's node transform: `node -r .../nodeTransform.cjs publishChild.ts <json>`.
 */
import { publishLocalRepository } from '../actions/localRepository';

const { killAt, ...options } = JSON.parse(process.argv[2]);

publishLocalRepository({
  ...options,
  onPhase: async (phase: string) => {
    if (phase === killAt) process.kill(process.pid, 'SIGKILL');
  },
}).then(commit => {
  process.stdout.write(commit);
});

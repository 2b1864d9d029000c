import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  REPOSITORY_NAME_MESSAGE,
  REPOSITORY_NAME_PATTERN,
} from '@plinth/backstage-plugin-infra-common';
import git from 'isomorphic-git';
import { GENERATION_PATH } from '../render/generation';
import {
  localRepositoryInput,
  optionalText,
  text,
  textList,
} from './schemaFields';
import { examples } from './changeLocal.examples';
import {
  commitChangeOnBranch,
  existingBranch,
  filesOfCommit,
  readText,
} from './gitChangeCommit';
import { resolveLocalDirectory } from './publishLocal';
import { commitAuthor, planWorkspaceChange } from './workspaceChange';

const REPO_NAME = 'The existing repository folder, usually `<service>-infra`';
const SOURCE_PATH =
  'Folder of the workspace holding the new generation; default the whole workspace';
/** The commit message: what changed, and the conflicts left for the reviewer. */
function changeMessage(
  service: string,
  files: { added: string[]; changed: string[]; removed: string[] },
  conflicts: string[],
) {
  const list = (title: string, paths: string[]) =>
    paths.length ? `\n${title}:\n${paths.map(p => `- ${p}`).join('\n')}\n` : '';
  return `Change the infrastructure of ${service} (Plinth /infra)
${list('Added', files.added)}${list('Changed', files.changed)}${list(
    'Removed',
    files.removed,
  )}${list(
    'Conflicts, left as they are in the repository (hand edits the new generation also changes; resolve by hand)',
    conflicts,
  )}`;
}

/**
 * Creates the `infra:change:local` action: applies the rendered workspace to an existing
 * local repository as one commit on a new branch, merging each generated file three ways
 * with the previous generation (ADR 1600).
 */
export function createInfraChangeLocalAction(options: { config: Config }) {
  const { config } = options;
  return createTemplateAction({
    id: 'infra:change:local',
    description:
      'Applies the rendered workspace to an existing local repository under ' +
      'plinth.publish.localDirectory as one commit on a new branch plinth/change-<hash>: ' +
      'hand edits are kept by a three-way merge with the previous generation, a conflicting file is listed and never overwritten',
    examples,
    supportsDryRun: true,
    schema: {
      input: localRepositoryInput(REPO_NAME, SOURCE_PATH),
      output: {
        branch: text('The branch holding the change'),
        commit: optionalText('The one commit (absent in a dry run)'),
        filesChanged: textList('Paths the commit adds, changes or removes'),
        conflicts: textList(
          'Paths changed by hand and by the new generation differently: left as they are',
        ),
        repoPath: text('Absolute path of the repository'),
        remoteUrl: text('file: URL of the repository'),
      },
    },
    async handler(ctx) {
      const { repoName, sourcePath } = ctx.input;
      if (!REPOSITORY_NAME_PATTERN.test(repoName)) {
        throw new InputError(`repoName ${REPOSITORY_NAME_MESSAGE}`);
      }
      const repoPath = resolveSafeChildPath(
        resolveLocalDirectory(config),
        repoName,
      );
      let base: string;
      try {
        base = await git.resolveRef({ fs, dir: repoPath, ref: 'HEAD' });
      } catch {
        throw new InputError(
          `There is no local repository ${repoName} to change; create the service first`,
        );
      }
      const current: Record<string, string> = {};
      for (const [p, blob] of await filesOfCommit(repoPath, base)) {
        current[p] = await readText(repoPath, blob.oid);
      }
      const change = await planWorkspaceChange({
        current,
        repository: repoName,
        workspace: resolveSafeChildPath(ctx.workspacePath, sourcePath ?? '.'),
      });
      const next = change.next;
      const { plan } = change;
      const filesChanged = [
        ...plan.added,
        ...plan.changed,
        ...plan.removed,
      ].sort();
      const branch = `plinth/change-${createHash('sha256')
        .update(`${base}\0${next[GENERATION_PATH]}`)
        .digest('hex')
        .slice(0, 12)}`;
      const outputs = {
        branch,
        filesChanged,
        conflicts: plan.conflicts,
        repoPath,
        remoteUrl: pathToFileURL(repoPath).href,
      };
      for (const [name, value] of Object.entries(outputs)) {
        ctx.output(name as keyof typeof outputs, value);
      }
      if (filesChanged.length === 0) {
        throw new InputError(
          `The change leaves every file of ${repoName} as it is${
            plan.conflicts.length
              ? ` except the conflicts ${plan.conflicts.join(', ')}`
              : ''
          }: nothing to commit`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would commit ${filesChanged.length} files on ${branch}`,
        );
        return;
      }
      const commit = await ctx.checkpoint({
        key: `infra.change.local.v1.${repoName}.${branch}`,
        fn: async () => {
          // A replay whose checkpoint was lost finds the branch this change made.
          const earlier = await existingBranch(repoPath, branch);
          if (earlier) return earlier;
          return commitChangeOnBranch({
            dir: repoPath,
            branch,
            base,
            changes: new Map(
              plan.files
                .filter(f => ['added', 'changed', 'removed'].includes(f.status))
                .map(f => [f.path, f.content]),
            ),
            message: changeMessage(
              change.design.service.name,
              plan,
              plan.conflicts,
            ),
            author: commitAuthor(config),
          });
        },
      });
      const conflictNote = plan.conflicts.length
        ? `; conflicts: ${plan.conflicts.join(', ')}`
        : '';
      ctx.logger.info(
        `Committed ${filesChanged.length} files on ${branch} of ${repoName} (${commit})${conflictNote}`,
      );
      ctx.output('commit', commit);
    },
  });
}

import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import {
  resolveSafeChildPath,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ANSWERS_PATH } from '../render/generation';
import { examples } from './changePrepare.examples';
import { text, textList } from './schemaFields';
import { planWorkspaceChange } from './workspaceChange';
import { writeWorkspaceFiles } from './writeWorkspaceFiles';

const MAX_FILES = 5000;

/** The pull request's description: what changed, and the conflicts left for the reviewer. */
function describe(
  service: string,
  files: { added: string[]; changed: string[]; removed: string[] },
  conflicts: string[],
) {
  const list = (paths: string[]) => paths.map(p => `- \`${p}\``).join('\n');
  const parts = [
    `Plinth regenerated the infrastructure of **${service}** from the changed /infra answers. Hand edits in files this change does not touch are kept; edits on other lines are merged.`,
    `Review each environment's plan, which the workflow posts on this pull request, before merging.`,
  ];
  if (files.added.length) parts.push(`Added:\n${list(files.added)}`);
  if (files.changed.length) parts.push(`Changed:\n${list(files.changed)}`);
  if (files.removed.length) {
    parts.push(`Removed (no longer generated):\n${list(files.removed)}`);
  }
  if (conflicts.length) {
    parts.push(
      `**Conflicts**: changed by hand and by this change differently, left as they are in the repository; resolve them by hand:\n${list(
        conflicts,
      )}`,
    );
  }
  return parts.join('\n\n');
}

/**
 * Creates the `infra:change:prepare` action: reads the existing repository
 * (UrlReaderService.readTree) and turns the rendered workspace into the merged result of
 * the change, for `publish:github:pull-request` to propose (ADR 1600).
 */
export function createInfraChangePrepareAction(options: {
  reader: UrlReaderService;
}) {
  const { reader } = options;
  return createTemplateAction({
    id: 'infra:change:prepare',
    description:
      'Merges the rendered workspace with the existing repository (read through the URL reader) three ways, ' +
      'so the workspace holds exactly what a pull request should change: hand edits kept, conflicts left as they are and listed',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        sourceUrl: z =>
          z
            .string({
              description:
                'The repository folder as a URL the URL reader reads, e.g. https://github.com/acme/payments-api-infra/tree/main',
            })
            .url(),
      },
      output: {
        branchName: text(
          'A branch name fixed for this change (plinth/change-<hash>), for publish:github:pull-request: a re-run updates the same pull request',
        ),
        filesChanged: textList('Paths the change adds or changes'),
        removed: textList(
          'Paths the new generation no longer has and nobody edited: pass them as filesToDelete of publish:github:pull-request',
        ),
        conflicts: textList('Paths left as they are in the repository'),
        description: text('The pull request description (Markdown)'),
        title: text('The pull request title'),
      },
    },
    async handler(ctx) {
      const tree = await reader.readTree(ctx.input.sourceUrl);
      const current: Record<string, string> = {};
      let count = 0;
      for (const file of await tree.files()) {
        if (++count > MAX_FILES) {
          throw new InputError(
            `${ctx.input.sourceUrl} has more than ${MAX_FILES} files`,
          );
        }
        current[file.path] = (await file.content()).toString('utf8');
      }
      const change = await planWorkspaceChange({
        current,
        repository: ctx.input.sourceUrl,
        workspace: ctx.workspacePath,
      });
      const next = change.next;
      const { plan } = change;
      // The workspace becomes the result: the repository's version of every file the
      // change must not write (kept hand edits, conflicts), the merge where it writes.
      const writes = plan.files.flatMap(f => {
        if (f.status === 'added' || f.status === 'changed') {
          return [{ path: f.path, content: f.content! }];
        }
        const ours = current[f.path];
        return ours !== undefined && next[f.path] !== ours
          ? [{ path: f.path, content: ours }]
          : [];
      });
      await writeWorkspaceFiles(ctx.workspacePath, writes);
      for (const f of plan.files) {
        const keptAbsent =
          (f.status === 'unchanged' || f.status === 'conflict') &&
          current[f.path] === undefined;
        // A generated file deleted by hand stays deleted: the pull request must not bring it back.
        if (keptAbsent && next[f.path] !== undefined) {
          await fs.rm(resolveSafeChildPath(ctx.workspacePath, f.path), {
            force: true,
          });
        }
      }
      const service = change.design.service.name;
      ctx.output(
        'branchName',
        `plinth/change-${createHash('sha256')
          .update(next[ANSWERS_PATH])
          .digest('hex')
          .slice(0, 12)}`,
      );
      ctx.output('filesChanged', [...plan.added, ...plan.changed].sort());
      ctx.output('removed', plan.removed);
      ctx.output('conflicts', plan.conflicts);
      ctx.output('title', `Change the infrastructure of ${service}`);
      ctx.output('description', describe(service, plan, plan.conflicts));
      const conflictNote = plan.conflicts.length
        ? `, conflicts: ${plan.conflicts.join(', ')}`
        : '';
      ctx.logger.info(
        `Prepared the change of ${service}: ${
          plan.added.length + plan.changed.length
        } files${conflictNote}`,
      );
    },
  });
}

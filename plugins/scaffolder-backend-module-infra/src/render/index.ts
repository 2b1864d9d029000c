import type { Design } from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from './types';
import { renderAlertmanager } from './alertmanager';
import { renderCatalog } from './catalog';
import { renderCi } from './ci';
import { renderDocs } from './docs';
import { renderPrometheus } from './prometheus';
import { renderReadme } from './readme';
import { renderSlos } from './slo';
import { renderTerraform } from './terraform';
import {
  generationManifest,
  renderAnswersFile,
  renderGenerationFile,
} from './generation';

export type { GeneratedFile } from './types';

/** Every artefact family of the generated repository, each a pure function. */
const renderers: Array<(design: Design) => GeneratedFile[]> = [
  renderTerraform,
  renderReadme,
  renderCatalog,
  renderSlos,
  renderPrometheus,
  renderAlertmanager,
  renderDocs,
  renderCi,
];

/**
 * Renders the whole infrastructure repository for a design: the contract of
 * docs/generated-repository.md. Pure; paths are POSIX and relative.
 */
export function renderRepository(design: Design): GeneratedFile[] {
  return renderers.flatMap(render => render(design));
}

/**
 * The repository as the render action writes it: the design's files, the answers
 * (`.plinth/answers.yaml`, when given) and the generation record
 * (`.plinth/generation.json`) that a later change reads. Pure.
 *
 * @public
 */
export function renderGeneratedRepository(
  design: Design,
  options: { answers?: unknown; plinthVersion?: string } = {},
): GeneratedFile[] {
  const files = renderRepository(design);
  if (options.answers !== undefined) {
    files.push(renderAnswersFile(options.answers));
  }
  files.push(
    renderGenerationFile(
      generationManifest(design, files, options.plinthVersion),
    ),
  );
  return files;
}

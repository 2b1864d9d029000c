/*
 * The Terraform / OpenTofu renderer: the design's modules under `terraform/modules/` and
 * one root per environment under `terraform/envs/`. A pure function of the design.
 */
import type { Cloud, Design } from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { renderHclFile } from '../hcl';
import { aws } from './aws';
import { azure } from './azure';
import { gcp } from './gcp';
import type { CloudTarget } from './cloud';
import { renderBootstrap } from './bootstrap';
import { renderEnvironment } from './environment';
import {
  MODULE_ORDER,
  outputsFile,
  variablesFile,
  withoutUnusedVariables,
} from './module';

const CLOUDS: Partial<Record<Cloud, CloudTarget>> = { aws, gcp, azure };

export function renderTerraform(design: Design): GeneratedFile[] {
  const cloud = CLOUDS[design.cloud];
  if (!cloud)
    throw new Error(`no Terraform renderer for cloud ${design.cloud}`);
  const modules = cloud
    .modules(design)
    .map(withoutUnusedVariables)
    .sort(
      (a, b) => MODULE_ORDER.indexOf(a.name) - MODULE_ORDER.indexOf(b.name),
    );

  const moduleFiles = modules.flatMap(module => {
    const dir = `terraform/modules/${module.name}`;
    return [
      {
        path: `${dir}/variables.tf`,
        content: renderHclFile(variablesFile(module.variables)),
      },
      { path: `${dir}/main.tf`, content: renderHclFile(module.main) },
      {
        path: `${dir}/outputs.tf`,
        content: renderHclFile(outputsFile(module.outputs)),
      },
    ];
  });
  const envFiles = design.environments.flatMap(env =>
    renderEnvironment(design, env, modules, cloud),
  );
  return [...moduleFiles, ...envFiles, ...renderBootstrap(design, cloud)];
}

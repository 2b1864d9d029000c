/*
 * Test helpers over hcl2json's JSON: the parsed resources of an environment root and the
 * modules it calls, with `var.x` in a module resolved through the module call to its
 * literal value, so scanner-style rules can be checked on the values Terraform will use.
 */
import { parse } from '@cdktf/hcl2json';
import type { GeneratedFile } from '../../types';

export interface ParsedResource {
  type: string;
  name: string;
  module: string;
  body: Record<string, any>;
}

export async function parseFiles(
  files: GeneratedFile[],
): Promise<Map<string, any>> {
  const parsed = new Map<string, any>();
  for (const file of files.filter(f => f.path.endsWith('.tf'))) {
    parsed.set(file.path, await parse(file.path, file.content));
  }
  return parsed;
}

const VAR_REF = /^\$\{var\.([a-z_0-9]+)\}$/;

/** A value with `${var.x}` replaced by the module call's argument (literal or root variable). */
function resolve(
  value: any,
  args: Record<string, any>,
  tfvars: Record<string, any>,
): any {
  if (typeof value === 'string') {
    const match = VAR_REF.exec(value);
    if (!match) return value;
    const arg = args[match[1]];
    if (arg === undefined) return value;
    return resolve(arg, tfvars, {});
  }
  if (Array.isArray(value))
    return value.map(item => resolve(item, args, tfvars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolve(v, args, tfvars)]),
    );
  }
  return value;
}

/** Every resource an environment root creates through its module calls, variables resolved. */
export async function environmentResources(
  files: GeneratedFile[],
  envName: string,
): Promise<ParsedResource[]> {
  const parsed = await parseFiles(files);
  const root = parsed.get(`terraform/envs/${envName}/main.tf`);
  const tfvarsFile = files.find(
    f => f.path === `terraform/envs/${envName}/terraform.tfvars`,
  )!;
  const tfvars = await parse('terraform.tfvars', tfvarsFile.content);
  const resources: ParsedResource[] = [];
  for (const [callName, [call]] of Object.entries<any>(root.module ?? {})) {
    const moduleDir = String(call.source).replace('../../', 'terraform/');
    const main = parsed.get(`${moduleDir}/main.tf`);
    for (const [type, byName] of Object.entries<any>(main?.resource ?? {})) {
      for (const [name, bodies] of Object.entries<any>(byName)) {
        for (const body of bodies) {
          resources.push({
            type,
            name,
            module: callName,
            body: resolve(body, call, tfvars),
          });
        }
      }
    }
  }
  return resources;
}

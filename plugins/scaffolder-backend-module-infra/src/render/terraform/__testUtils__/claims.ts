/*
 * The claims-vs-code check: each resource address a generated DR page names
 * (`module.<call>.<type>.<name>`) must be a module call of the environment root whose module
 * creates that resource, read from hcl2json's parse of the generated files.
 */
import type { GeneratedFile } from '../../types';
import { parseFiles } from './hclTree';

export interface ClaimedAddress {
  address: string;
  /** A reference the module call must pass (GCP's secondary backend). */
  via?: string;
}

/** The addresses (and `with` references) the DR page lists for an environment. */
export function claimedAddresses(
  files: GeneratedFile[],
  envName: string,
): ClaimedAddress[] {
  const page = files.find(f => f.path === 'docs/disaster-recovery.md')!;
  const section = page.content
    .split(/^## /m)
    .find(part => part.startsWith(`Standby of ${envName} `));
  if (!section) return [];
  return section
    .split('\n')
    .filter(line => line.startsWith('- ') && !line.startsWith('- Not created'))
    .flatMap(line => {
      const via = /\(with `([^`]+)`\)$/.exec(line)?.[1];
      const addresses = [
        ...line.replace(/\(with `[^`]+`\)$/, '').matchAll(/`([^`]+)`/g),
      ].map(m => m[1]);
      return addresses.map(address => ({ address, via }));
    });
}

/** What of the claims the parsed HCL does not have; empty when every claim holds. */
export async function missingClaims(
  files: GeneratedFile[],
  envName: string,
  claims: ClaimedAddress[],
): Promise<string[]> {
  const parsed = await parseFiles(files);
  const root = parsed.get(`terraform/envs/${envName}/main.tf`) ?? {};
  const problems: string[] = [];
  for (const { address, via } of claims) {
    const [, callName, type, name] =
      /^module\.([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)$/.exec(address) ?? [];
    const call = root.module?.[callName]?.[0];
    if (!call) {
      problems.push(`${address}: no module call ${callName}`);
      continue;
    }
    const dir = String(call.source).replace('../../', 'terraform/');
    const body = parsed.get(`${dir}/main.tf`)?.resource?.[type]?.[name]?.[0];
    if (!body) {
      problems.push(`${address}: ${dir} creates no ${type}.${name}`);
      continue;
    }
    if (body.count === 0) problems.push(`${address}: count is 0`);
    if (via && !JSON.stringify(call).includes(`\${${via}}`))
      problems.push(`${address}: module ${callName} is not given ${via}`);
  }
  return problems;
}

/** The files with one top-level block of a module's main.tf removed. */
export function withoutResource(
  files: GeneratedFile[],
  module: string,
  type: string,
  name: string,
): GeneratedFile[] {
  const path = `terraform/modules/${module}/main.tf`;
  return files.map(file => {
    if (file.path !== path) return file;
    const start = file.content.indexOf(`resource "${type}" "${name}" {`);
    if (start < 0) throw new Error(`${path} has no ${type}.${name}`);
    const end = file.content.indexOf('\n}\n', start) + 3;
    return {
      ...file,
      content: file.content.slice(0, start) + file.content.slice(end),
    };
  });
}

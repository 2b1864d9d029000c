/*
 * Cross-references of the generated Terraform, checked on the parsed HCL (what `terraform
 * validate` would reject before any provider is involved): every `var.x` a module or a root
 * reads is declared there, every module call passes
 * only declared variables and every variable without a default, every `module.<call>.<output>`
 * names a call of the root and an output its module declares, and every reference to a
 * resource or data source names one the same file set declares.
 */
import fs from 'fs';
import path from 'path';
import yaml from 'yaml';
import {
  Cloud,
  ComputeKind,
  Design,
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import type { GeneratedFile } from '../types';
import { renderTerraform } from './index';
import { fixtureDesign } from './__testUtils__/designs';
import { parseFiles } from './__testUtils__/hclTree';
import { repoRoot } from '@plinth/test-support';

const CLOUDS: Cloud[] = ['aws', 'gcp', 'azure'];
const KINDS: ComputeKind[] = ['kubernetes', 'containers', 'vms', 'serverless'];

const answersDir = path.join(repoRoot, 'examples/answers');

function exampleDesign(file: string): Design {
  const parsed = parseAnswers(
    yaml.parse(fs.readFileSync(path.join(answersDir, file), 'utf8')),
  );
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return planDesign(parsed.answers, { defaults: parsed.defaults }).design;
}

/** The Azure fixture on MySQL, whose data module takes an administrator password. */
function azureMysqlDesign(): Design {
  const design = structuredClone(fixtureDesign('azure'));
  for (const env of design.environments) {
    if (env.database) {
      env.database.engine = 'mysql';
      env.database.engineVersion = '8.0';
    }
  }
  return design;
}

const designs: Array<[string, Design]> = [
  ...CLOUDS.flatMap(cloud =>
    KINDS.map(
      compute =>
        [
          `${cloud} ${compute}`,
          fixtureDesign(cloud, {
            compute,
            multiRegion: compute === 'kubernetes',
          }),
        ] as [string, Design],
    ),
  ),
  ['azure mysql', azureMysqlDesign()],
  ...fs
    .readdirSync(answersDir)
    .filter(f => f.endsWith('.yaml'))
    .map(f => [f, exampleDesign(f)] as [string, Design]),
];

/** Every string inside a parsed HCL value (hcl2json keeps expressions as `${...}` strings). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.values(value).flatMap(strings);
  return [];
}

/** The expressions of a parsed file: the text inside each `${...}`. */
function expressions(value: unknown): string[] {
  return strings(value).flatMap(s =>
    [...s.matchAll(/\$\{([\s\S]*)\}/g)].map(m => m[1]),
  );
}

function matches(exprs: string[], pattern: RegExp): string[][] {
  return exprs.flatMap(e => [...e.matchAll(pattern)].map(m => [...m]));
}

const ARGUMENTS_NOT_VARIABLES = new Set([
  'source',
  'providers',
  'depends_on',
  'count',
  'for_each',
  'version',
]);

interface Problem {
  file: string;
  problem: string;
}

async function crossReferenceProblems(
  files: GeneratedFile[],
): Promise<Problem[]> {
  const parsed = await parseFiles(files);
  const get = (p: string) => parsed.get(p) ?? {};
  const problems: Problem[] = [];
  const dirs = [...new Set(files.map(f => path.posix.dirname(f.path)))];
  const modules = new Map<
    string,
    { variables: Record<string, any[]>; outputs: Record<string, any[]> }
  >();

  for (const dir of dirs) {
    const tfFiles = [...parsed.keys()].filter(
      p => path.posix.dirname(p) === dir,
    );
    const variables: Record<string, any[]> = Object.assign(
      {},
      ...tfFiles.map(p => get(p).variable ?? {}),
    );
    const outputs: Record<string, any[]> = Object.assign(
      {},
      ...tfFiles.map(p => get(p).output ?? {}),
    );
    modules.set(dir, { variables, outputs });
    const exprs = tfFiles.flatMap(p =>
      expressions({ ...get(p), variable: undefined }),
    );

    // Every var.x read is declared. (The reverse, every declared variable read, is
    // `unusedVariables` below.)
    const read = new Set(
      matches(exprs, /\bvar\.([a-z_][a-z0-9_]*)/g).map(m => m[1]),
    );
    for (const name of read) {
      if (!variables[name])
        problems.push({ file: dir, problem: `var.${name} is not declared` });
    }

    // Every resource or data source referenced is declared in the same directory.
    const declared = new Set<string>();
    for (const p of tfFiles) {
      for (const [type, byName] of Object.entries<any>(get(p).resource ?? {}))
        for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
      for (const [type, byName] of Object.entries<any>(get(p).data ?? {}))
        for (const name of Object.keys(byName))
          declared.add(`data.${type}.${name}`);
    }
    const refs = matches(
      exprs,
      /(?<![.\w])((?:data\.)?(?:aws|google|azurerm)_[a-z0-9_]+\.[a-z_][a-z0-9_]*)/g,
    ).map(m => m[1]);
    for (const ref of new Set(refs)) {
      if (!declared.has(ref))
        problems.push({ file: dir, problem: `${ref} is not declared` });
    }
  }

  // Module calls of every root: arguments, required variables and outputs read.
  for (const dir of dirs.filter(d => d.startsWith('terraform/envs/'))) {
    const root = get(`${dir}/main.tf`);
    const calls: Record<string, any[]> = root.module ?? {};
    const calledModule = (call: string) =>
      modules.get(
        path.posix.normalize(`${dir}/${String(calls[call][0].source)}`),
      );
    for (const [callName, [call]] of Object.entries(calls)) {
      const module = calledModule(callName);
      if (!module) {
        problems.push({
          file: dir,
          problem: `${callName}: no module ${call.source}`,
        });
        continue;
      }
      const passed = Object.keys(call).filter(
        k => !ARGUMENTS_NOT_VARIABLES.has(k),
      );
      for (const arg of passed) {
        if (!module.variables[arg])
          problems.push({
            file: dir,
            problem: `${callName} passes ${arg}, which the module does not declare`,
          });
      }
      for (const [name, [spec]] of Object.entries(module.variables)) {
        if (!('default' in (spec ?? {})) && !passed.includes(name))
          problems.push({
            file: dir,
            problem: `${callName} does not pass ${name}, which has no default`,
          });
      }
    }
    const outputsRead = matches(
      [...parsed.keys()]
        .filter(p => path.posix.dirname(p) === dir)
        .flatMap(p => expressions(get(p))),
      /\bmodule\.([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)/g,
    );
    for (const [, callName, output] of outputsRead) {
      if (!calls[callName]) {
        problems.push({
          file: dir,
          problem: `module.${callName} is not called`,
        });
      } else if (!calledModule(callName)?.outputs[output]) {
        problems.push({
          file: dir,
          problem: `module.${callName}.${output}: the module has no such output`,
        });
      }
    }
    // terraform.tfvars sets only declared root variables.
    const tfvars = files.find(f => f.path === `${dir}/terraform.tfvars`);
    if (tfvars) {
      const values = await parseFiles([{ ...tfvars, path: 'vars.tf' }]);
      for (const name of Object.keys(values.get('vars.tf') ?? {})) {
        if (!modules.get(dir)?.variables[name])
          problems.push({
            file: `${dir}/terraform.tfvars`,
            problem: `${name} is not a declared variable`,
          });
      }
    }
  }
  return problems;
}

/**
 * Variables declared in a directory (a module or a root) that nothing in it reads: tflint's
 * `terraform_unused_declarations`, which the generated CI runs, reports each one.
 */
async function unusedVariables(files: GeneratedFile[]): Promise<string[]> {
  const parsed = await parseFiles(files);
  const dirs = [...new Set([...parsed.keys()].map(p => path.posix.dirname(p)))];
  return dirs.flatMap(dir => {
    const tfFiles = [...parsed.keys()].filter(
      p => path.posix.dirname(p) === dir,
    );
    const declared = tfFiles.flatMap(p =>
      Object.keys(parsed.get(p).variable ?? {}),
    );
    const read = new Set(
      matches(
        tfFiles.flatMap(p => expressions({ ...parsed.get(p), variable: [] })),
        /\bvar\.([a-z_][a-z0-9_]*)/g,
      ).map(m => m[1]),
    );
    return declared
      .filter(name => !read.has(name))
      .map(name => `${dir}: var.${name}`);
  });
}

describe('declared variables of the generated Terraform', () => {
  it.each(designs)(
    'are each read in their module or root (%s)',
    async (_, design) => {
      expect(await unusedVariables(renderTerraform(design))).toEqual([]);
    },
  );

  it('reports a variable nothing reads', async () => {
    const files = renderTerraform(fixtureDesign('aws')).map(f =>
      f.path === 'terraform/modules/data/variables.tf'
        ? {
            ...f,
            content: `${f.content}\nvariable "never_read" {\n  type = string\n}\n`,
          }
        : f,
    );
    expect(await unusedVariables(files)).toEqual([
      'terraform/modules/data: var.never_read',
    ]);
  });
});

describe('cross-references of the generated Terraform', () => {
  it.each(designs)(
    'every variable, module output and resource reference resolves (%s)',
    async (_, design) => {
      expect(await crossReferenceProblems(renderTerraform(design))).toEqual([]);
    },
  );

  it('reports a module output, a variable and a resource that do not exist', async () => {
    const files = renderTerraform(fixtureDesign('aws'));
    const broken = files.map(f => {
      if (f.path === 'terraform/envs/prod/main.tf')
        return {
          ...f,
          content: f.content.replace(
            'module.network.vpc_id',
            'module.network.no_such_output',
          ),
        };
      if (f.path === 'terraform/modules/data/main.tf')
        return {
          ...f,
          content: f.content
            .replace('var.kms_key_arn', 'var.no_such_variable')
            .replace(
              'aws_db_subnet_group.main.name',
              'aws_db_subnet_group.missing.name',
            ),
        };
      return f;
    });
    expect(await crossReferenceProblems(broken)).toEqual(
      expect.arrayContaining([
        {
          file: 'terraform/envs/prod',
          problem:
            'module.network.no_such_output: the module has no such output',
        },
        {
          file: 'terraform/modules/data',
          problem: 'var.no_such_variable is not declared',
        },
        {
          file: 'terraform/modules/data',
          problem: 'aws_db_subnet_group.missing is not declared',
        },
      ]),
    );
  });
});

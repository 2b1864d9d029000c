/*
 * An environment root and the local modules it calls, as the evidence rules read them:
 * every resource with its module call, and arguments resolved through `var.x` to the
 * module call's argument and from there to the root's tfvars or variable defaults, so a
 * rule sees the value Terraform will use and the line where it is written.
 */
import { readHcl, HclAttribute, HclBlock, HclDocument } from './hclReader';

/**
 * A text file of the infrastructure repository, path relative to its root.
 *
 * @public
 */
export interface IacFile {
  path: string;
  text: string;
}

/** A value as a rule reads it, with where it is written. */
export interface Resolved {
  /** The literal (number, boolean, string without interpolation), or the expression text. */
  value: unknown;
  /** True when `value` is a literal, not an unresolved expression. */
  literal: boolean;
  file: string;
  line: number;
  /** The attribute name at that place. */
  name: string;
}

/**
 * A resource of an environment root or of a module it calls.
 *
 * @public
 */
export interface TfResource {
  type: string;
  name: string;
  file: string;
  block: HclBlock;
  /** The module call it is created by; undefined at the root. */
  call?: { name: string; file: string; block: HclBlock };
}

/**
 * An environment root as the evidence rules read it.
 *
 * @public
 */
export interface TfEnvironment {
  root: string;
  resources: TfResource[];
  /** Root-level values: tfvars first, then variable defaults. */
  variables: Map<string, { attribute: HclAttribute; file: string }>;
  errors: string[];
}

function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** `a/b/../../c` -> `c`; undefined when it leaves the repository. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

const STRING_LITERAL = /^"((?:[^"\\$%]|\\.|\$(?!\{)|%(?!\{))*)"$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The literal an expression is, if it is one. */
export function literalOf(expression: string): { value: unknown } | undefined {
  if (expression === 'true') return { value: true };
  if (expression === 'false') return { value: false };
  if (expression === 'null') return { value: null };
  if (NUMBER.test(expression)) return { value: Number(expression) };
  const s = STRING_LITERAL.exec(expression);
  if (s) return { value: s[1].replace(/\\(.)/g, '$1') };
  return undefined;
}

const VAR_REF = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/;

function dirFiles(docs: Map<string, HclDocument>, dir: string): HclDocument[] {
  const out: HclDocument[] = [];
  for (const [path, doc] of docs) {
    if (dirOf(path) === dir && path.endsWith('.tf')) out.push(doc);
  }
  return out;
}

/**
 * Reads an environment root (`plinth.dev/iac-path`) and the local modules its module
 * blocks call (`source = "../../modules/x"`). Remote module sources are not read.
 *
 * @public
 */
export function readEnvironment(
  files: readonly IacFile[],
  root: string,
): TfEnvironment {
  const rootDir = normalizePath(root) ?? '';
  const docs = new Map<string, HclDocument>();
  const wanted = new Set<string>([rootDir]);
  // Root first, to learn which module folders are needed; then only those are read.
  for (const f of files) {
    if (dirOf(f.path) === rootDir && /\.(tf|tfvars)$/.test(f.path))
      docs.set(f.path, readHcl(f.path, f.text));
  }
  const resources: TfResource[] = [];
  const variables: TfEnvironment['variables'] = new Map();
  const calls: Array<{
    name: string;
    file: string;
    block: HclBlock;
    dir: string;
  }> = [];
  for (const doc of docs.values()) {
    for (const block of doc.body.blocks) {
      if (block.type === 'module' && block.labels.length === 1) {
        const source = literalOf(
          block.attributes.get('source')?.expression ?? '',
        );
        if (typeof source?.value !== 'string' || !source.value.startsWith('.'))
          continue;
        const dir = normalizePath(`${rootDir}/${source.value}`);
        if (dir === undefined) continue;
        wanted.add(dir);
        calls.push({ name: block.labels[0], file: doc.file, block, dir });
      } else if (block.type === 'resource' && block.labels.length === 2) {
        resources.push({
          type: block.labels[0],
          name: block.labels[1],
          file: doc.file,
          block,
        });
      } else if (block.type === 'variable' && block.labels.length === 1) {
        const def = block.attributes.get('default');
        if (def && !variables.has(block.labels[0]))
          variables.set(block.labels[0], { attribute: def, file: doc.file });
      }
    }
    if (doc.file.endsWith('.tfvars')) {
      for (const attribute of doc.body.attributes.values())
        variables.set(attribute.name, { attribute, file: doc.file });
    }
  }
  for (const f of files) {
    const dir = dirOf(f.path);
    if (dir !== rootDir && wanted.has(dir) && f.path.endsWith('.tf'))
      docs.set(f.path, readHcl(f.path, f.text));
  }
  for (const call of calls) {
    for (const doc of dirFiles(docs, call.dir)) {
      for (const block of doc.body.blocks) {
        if (block.type !== 'resource' || block.labels.length !== 2) continue;
        resources.push({
          type: block.labels[0],
          name: block.labels[1],
          file: doc.file,
          block,
          call,
        });
      }
    }
  }
  const errors: string[] = [];
  for (const doc of docs.values()) errors.push(...doc.errors);
  return { root: rootDir, resources, variables, errors };
}

/**
 * The value of an attribute of a block of a resource (the resource itself when `block`
 * is omitted), followed through `var.x`: undefined when the attribute is not set.
 */
export function resolveAttribute(
  env: TfEnvironment,
  resource: TfResource,
  name: string,
  block: HclBlock = resource.block,
): Resolved | undefined {
  const attribute = block.attributes.get(name);
  if (!attribute) return undefined;
  return resolveExpression(env, resource, attribute, resource.file);
}

export function resolveExpression(
  env: TfEnvironment,
  resource: TfResource,
  attribute: HclAttribute,
  file: string,
): Resolved {
  let current = { attribute, file };
  let inModule = resource.call !== undefined && file === resource.file;
  for (let hops = 0; hops < 4; hops++) {
    const literal = literalOf(current.attribute.expression);
    if (literal) {
      return {
        ...literal,
        literal: true,
        file: current.file,
        line: current.attribute.line,
        name: current.attribute.name,
      };
    }
    const ref = VAR_REF.exec(current.attribute.expression);
    if (!ref) break;
    if (inModule) {
      const arg = resource.call!.block.attributes.get(ref[1]);
      if (!arg) break; // the module's default applies; not followed
      current = { attribute: arg, file: resource.call!.file };
      inModule = false;
    } else {
      const root = env.variables.get(ref[1]);
      if (!root) break;
      current = root;
    }
  }
  return {
    value: current.attribute.expression,
    literal: false,
    file: current.file,
    line: current.attribute.line,
    name: current.attribute.name,
  };
}

/** The nested blocks of a type, dynamic ones included when their for_each is not empty. */
export function nestedBlocks(
  env: TfEnvironment,
  resource: TfResource,
  parent: HclBlock,
  type: string,
): Array<
  | { block: HclBlock; line: number }
  | { dynamic: HclBlock; present: boolean | undefined; reason: string }
> {
  const out: Array<
    | { block: HclBlock; line: number }
    | { dynamic: HclBlock; present: boolean | undefined; reason: string }
  > = [];
  for (const b of parent.blocks) {
    if (b.type === type) out.push({ block: b, line: b.line });
    else if (b.type === 'dynamic' && b.labels[0] === type) {
      const forEach = b.attributes.get('for_each');
      out.push({ dynamic: b, ...dynamicPresence(env, resource, forEach) });
    }
  }
  return out;
}

const CONDITIONAL =
  /^var\.([A-Za-z_][A-Za-z0-9_-]*)\s*\?\s*\[(.*)\]\s*:\s*\[(.*)\]$/;

/** Whether a dynamic block's for_each yields at least one instance, and why. */
function dynamicPresence(
  env: TfEnvironment,
  resource: TfResource,
  forEach: HclAttribute | undefined,
): { present: boolean | undefined; reason: string } {
  if (!forEach) return { present: false, reason: 'no for_each' };
  const expr = forEach.expression;
  if (/^\[\s*\]$/.test(expr))
    return { present: false, reason: 'for_each = []' };
  if (/^\[.+\]$/.test(expr))
    return { present: true, reason: `for_each = ${expr}` };
  const c = CONDITIONAL.exec(expr);
  if (c) {
    const cond = resolveExpression(
      env,
      resource,
      { name: c[1], expression: `var.${c[1]}`, line: forEach.line },
      resource.file,
    );
    if (typeof cond.value === 'boolean') {
      const chosen = (cond.value ? c[2] : c[3]).trim();
      return {
        present: chosen.length > 0,
        reason: `${c[1]} = ${cond.value} (${cond.file}:${cond.line}) makes for_each [${chosen}]`,
      };
    }
  }
  return { present: undefined, reason: `for_each = ${expr} not resolved` };
}

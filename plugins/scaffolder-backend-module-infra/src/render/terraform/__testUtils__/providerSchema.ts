/*
 * Checks parsed `.tf` files (hcl2json's JSON) against the trimmed provider schemas that
 * scripts/provider-schemas/extract.mjs copies from the cdktf provider packages: unknown
 * resource or data-source type, unknown argument or nested block, missing required argument
 * or block, and a reference to an attribute the type does not have.
 */
import schemas from '../providerSchemas/provider-schemas.json';

export interface SchemaBlock {
  attributes: Record<string, { required?: boolean }>;
  block_types: Record<string, SchemaBlock & { required?: boolean }>;
  nested_attribute?: boolean;
  required?: boolean;
  readable?: string[];
}

interface ProviderSchema {
  source_package: string;
  provider: string;
  version: string;
  resource_schemas: Record<string, SchemaBlock>;
  data_source_schemas: Record<string, SchemaBlock>;
}

export const PROVIDER_SCHEMAS = Object.values(
  (schemas as unknown as { provider_schemas: Record<string, ProviderSchema> })
    .provider_schemas,
);

/** Meta-arguments Terraform accepts on every resource and data block. */
const META = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);

function providerFor(type: string): ProviderSchema | undefined {
  const prefix = type.split('_')[0];
  return PROVIDER_SCHEMAS.find(p => p.provider.endsWith(`/${prefix}`));
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('${');
}

/** The instances of a nested block as hcl2json gives them (a list of bodies). */
function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value))
    return value.filter(v => v && typeof v === 'object') as any;
  if (value && typeof value === 'object') return [value as any];
  return [];
}

function checkBody(
  body: Record<string, any>,
  schema: SchemaBlock,
  where: string,
  problems: string[],
  topLevel: boolean,
): void {
  const present = new Set(Object.keys(body));
  const dynamic = bodies(body.dynamic)[0] ?? {};
  for (const [key, value] of Object.entries(body)) {
    if (topLevel && META.has(key)) continue;
    if (key === 'dynamic') {
      for (const [name, instances] of Object.entries<any>(dynamic)) {
        present.add(name);
        const nested = schema.block_types[name];
        if (!nested) {
          problems.push(`${where}: unknown dynamic block "${name}"`);
          continue;
        }
        for (const instance of bodies(instances)) {
          for (const content of bodies(instance.content)) {
            checkBody(content, nested, `${where}.${name}`, problems, false);
          }
        }
      }
      continue;
    }
    if (schema.attributes[key]) continue;
    const nested = schema.block_types[key];
    if (!nested) {
      problems.push(`${where}: unknown argument or block "${key}"`);
      continue;
    }
    if (isExpression(value)) {
      if (!nested.nested_attribute)
        problems.push(`${where}: "${key}" is a block, not an argument`);
      continue;
    }
    for (const item of bodies(value)) {
      checkBody(item, nested, `${where}.${key}`, problems, false);
    }
  }
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required && !present.has(name))
      problems.push(`${where}: missing required argument "${name}"`);
  }
  for (const [name, nested] of Object.entries(schema.block_types)) {
    if (nested.required && !present.has(name))
      problems.push(`${where}: missing required block "${name}"`);
  }
}

/** `aws_x.name.attr` and `data.aws_x.name.attr` traversals in a string. */
const REFERENCE =
  /(?<![\w.])(data\.)?((?:aws|azurerm|google|random|time|github)_[a-z0-9_]+)\.([a-z0-9_]+)(?:\[[^\]]*\])?\.([a-z0-9_]+)/g;

function checkReferences(
  value: unknown,
  where: string,
  problems: string[],
): void {
  if (typeof value === 'string') {
    for (const m of value.matchAll(REFERENCE)) {
      const provider = providerFor(m[2]);
      const schema = m[1]
        ? provider?.data_source_schemas[m[2]]
        : provider?.resource_schemas[m[2]];
      if (!schema) continue; // reported as an unknown type where it is declared
      if (!schema.readable?.includes(m[4]))
        problems.push(
          `${where}: ${m[0]} reads "${m[4]}", which ${m[2]} does not have`,
        );
    }
  } else if (Array.isArray(value)) {
    value.forEach(v => checkReferences(v, where, problems));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(v => checkReferences(v, where, problems));
  }
}

/** Every problem of one parsed file against the provider schemas. */
export function schemaProblems(path: string, parsed: any): string[] {
  const problems: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<any>(parsed[kind] ?? {})) {
      const provider = providerFor(type);
      const schema =
        kind === 'resource'
          ? provider?.resource_schemas[type]
          : provider?.data_source_schemas[type];
      for (const [name, instances] of Object.entries<any>(byName)) {
        const where = `${path}: ${
          kind === 'data' ? 'data.' : ''
        }${type}.${name}`;
        if (!schema) {
          problems.push(
            `${where}: unknown ${
              kind === 'data' ? 'data source' : 'resource'
            } type (not in the provider schema; add it to scripts/provider-schemas/types.json if it is new)`,
          );
          continue;
        }
        for (const body of instances)
          checkBody(body, schema, where, problems, true);
      }
    }
  }
  checkReferences(parsed, path, problems);
  return problems;
}

/** Whether a `~> X.Y` (or `~> X.Y.Z`) constraint admits a version. */
export function admits(constraint: string, version: string): boolean {
  const m = /^~>\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(constraint.trim());
  if (!m) throw new Error(`unsupported constraint ${constraint}`);
  const [major, minor, patch] = version.split('.').map(Number);
  const want = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (m[3] !== undefined) {
    return major === want[0] && minor === want[1] && patch >= want[2];
  }
  return (
    major === want[0] &&
    (minor > want[1] || (minor === want[1] && patch >= want[2]))
  );
}

/** The provider schema for a `required_providers` source such as `hashicorp/aws`. */
export function schemaForSource(source: string): ProviderSchema | undefined {
  return PROVIDER_SCHEMAS.find(
    p => p.provider === `registry.terraform.io/${source}`,
  );
}

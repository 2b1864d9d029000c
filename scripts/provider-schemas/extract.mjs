#!/usr/bin/env node
/*
 * Regenerates provider-schemas.json: a trimmed copy of `terraform providers schema -json` for
 * the resource and data-source types Plinth renders (types.json), read from the prebuilt cdktf
 * provider packages, which are generated from that schema. No terraform binary or provider
 * download is needed.
 *
 *   npm pack @cdktf/provider-aws @cdktf/provider-google @cdktf/provider-azurerm \
 *     @cdktf/provider-github   # into a scratch directory, then untar each into <dir>/<name>
 *   node scripts/provider-schemas/extract.mjs <dir>
 *
 * <dir>/<name>/package is an unpacked package (aws, google, azurerm, github). For every type the
 * output records its arguments (required or optional), its nested blocks (recursively, with
 * their own required arguments) and the attributes it can be read for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
if (!root) {
  console.error(
    'usage: extract.mjs <directory with unpacked cdktf provider packages>',
  );
  process.exit(2);
}
const wanted = JSON.parse(readFileSync(join(here, 'types.json'), 'utf8'));

/** `{ name: { value: ..., isBlock: ..., type: ..., storageClassType: ... } }` entries of an attrs literal. */
const ATTR =
  /^ {4,12}([a-z_0-9]+): \{\n\s+value: (.*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n\s+\},?$/gm;

function attrsAfter(js, start) {
  const open = js.indexOf('const attrs = {', start);
  const lineStart = js.lastIndexOf('\n', open) + 1;
  const indent = js.slice(lineStart, open);
  const close = js.indexOf(`\n${indent}};`, open);
  const body = js.slice(open, close + 1);
  return [...body.matchAll(ATTR)].map(m => {
    const nestedFn = /(?:^|[(\s])([a-z]\w*)ToHclTerraform\b/.exec(
      m[2].replace(/cdktf\.\w+/g, ''),
    );
    const prop = /(?:struct|this)\.(?:_)?(\w+)(?:\.internalValue)?\)/.exec(
      m[2],
    );
    return {
      name: m[1],
      block: m[3] === 'true',
      nestedFn: nestedFn ? `${nestedFn[1]}ToHclTerraform` : undefined,
      prop: prop?.[1],
    };
  });
}

/** interface name -> { prop -> optional } from index.d.ts. */
function interfaces(dts) {
  const result = new Map();
  for (const m of dts.matchAll(
    /export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g,
  )) {
    const props = new Map();
    for (const p of m[2].matchAll(/^ {4}readonly (\w+)(\??):/gm))
      props.set(p[1], p[2] === '?');
    result.set(m[1], props);
  }
  return result;
}

/** function name -> the interface it converts, from its declaration. */
function fnStructs(dts) {
  const result = new Map();
  for (const m of dts.matchAll(
    /export declare function (\w+ToHclTerraform)\(struct\?: ([^)]*)\)/g,
  )) {
    const names = m[2]
      .split('|')
      .map(s => s.trim().replace(/\[\]$/, ''))
      .filter(s => !s.startsWith('cdktf.') && !s.endsWith('OutputReference'));
    result.set(m[1], names[0]);
  }
  return result;
}

function readType(dir, tfType) {
  const js = readFileSync(join(dir, 'index.js'), 'utf8');
  const dts = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  const declared = /\.tfResourceType = "([a-z0-9_]+)"/.exec(js)?.[1];
  if (declared !== tfType) return undefined;
  const className =
    /^class (\w+) extends cdktf\.Terraform(?:Resource|DataSource) /m.exec(
      js,
    )[1];
  const ifaces = interfaces(dts);
  const structs = fnStructs(dts);

  const blockOf = (attrs, iface, depth = 0) => {
    if (depth > 12) throw new Error(`${tfType}: nesting deeper than 12 blocks`);
    const props = ifaces.get(iface) ?? new Map();
    const out = { attributes: {}, block_types: {} };
    for (const a of attrs) {
      const optional = a.prop ? props.get(a.prop) ?? true : true;
      if (a.nestedFn) {
        const fnStart = js.indexOf(`function ${a.nestedFn}(struct)`);
        const nestedAttrs = fnStart >= 0 ? attrsAfter(js, fnStart) : [];
        const nested = blockOf(nestedAttrs, structs.get(a.nestedFn), depth + 1);
        if (!optional) nested.required = true;
        if (!a.block) nested.nested_attribute = true;
        out.block_types[a.name] = nested;
      } else {
        out.attributes[a.name] = optional ? {} : { required: true };
      }
    }
    return out;
  };

  const schema = blockOf(
    attrsAfter(js, js.indexOf('synthesizeHclAttributes() {')),
    `${className}Config`,
  );
  // Attributes the type can be read for: its getters (arguments and computed values).
  const classBody = js.slice(js.indexOf(`class ${className} extends`));
  const readable = new Set(Object.keys(schema.attributes));
  Object.keys(schema.block_types).forEach(b => readable.add(b));
  for (const m of classBody.matchAll(/get\w*Attribute\('([a-z_0-9]+)'\)/g))
    readable.add(m[1]);
  for (const m of classBody.matchAll(/new \w+\(this, "([a-z_0-9]+)"/g))
    readable.add(m[1]);
  schema.readable = [...readable].sort();
  return schema;
}

const out = {
  $comment:
    'Generated by scripts/provider-schemas/extract.mjs from the cdktf provider packages below; do not edit.',
  provider_schemas: {},
};
for (const [name, spec] of Object.entries(wanted.providers)) {
  const pkgDir = join(root, name, 'package');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const entry = {
    source_package: `${pkg.name}@${pkg.version}`,
    provider: pkg.cdktf.provider.name,
    version: pkg.cdktf.provider.version,
    resource_schemas: {},
    data_source_schemas: {},
  };
  const prefix = `${spec.prefix}_`;
  for (const tfType of [...spec.types].sort()) {
    const slug = tfType.slice(prefix.length).replace(/_/g, '-');
    const resourceDir = join(pkgDir, 'lib', slug);
    const dataDir = join(pkgDir, 'lib', `data-${spec.prefix}-${slug}`);
    let found = false;
    if (existsSync(resourceDir)) {
      const schema = readType(resourceDir, tfType);
      if (schema) {
        entry.resource_schemas[tfType] = schema;
        found = true;
      }
    }
    if (existsSync(dataDir)) {
      const schema = readType(dataDir, tfType);
      if (schema) {
        entry.data_source_schemas[tfType] = schema;
        found = true;
      }
    }
    if (!found)
      throw new Error(
        `${tfType} is in neither the resources nor the data sources of ${pkg.name}`,
      );
  }
  out.provider_schemas[entry.provider] = entry;
}
const target = join(
  here,
  '..',
  '..',
  'plugins',
  'scaffolder-backend-module-infra',
  'src',
  'render',
  'terraform',
  'providerSchemas',
  'provider-schemas.json',
);
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${target}`);

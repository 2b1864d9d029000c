// Every config key the packages read is declared in a config.d.ts. Finds the dotted keys
// passed to the Config API (`config.getOptionalString('plinth.publish.localDirectory')`, or a
// constant holding one) in every package's src/, writes a config file that sets each of them,
// and runs `backstage-cli config:check --strict`, which refuses a key no configSchema declares.
// Keys read relative to a sub-config (`sub.getString('baseUrl')`) are not checked: their
// prefix is the dotted key the sub-config came from, which is.
// Usage: node scripts/check-config-keys.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const METHODS = new Set(
  ['', 'String', 'Number', 'Boolean', 'Config', 'ConfigArray', 'StringArray']
    .flatMap(t => [`get${t}`, `getOptional${t}`])
    .concat('has'),
);

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const parsed = new Map();
function parse(file) {
  if (!parsed.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    parsed.set(
      file,
      ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true),
    );
  }
  return parsed.get(file);
}

// The string a key argument stands for: a literal, or a const (in the file or imported
// from a relative module) initialised with one.
function resolveString(node, sf, depth = 0) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return node.text;
  if (!ts.isIdentifier(node) || depth > 3) return undefined;
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (
          ts.isIdentifier(d.name) &&
          d.name.text === node.text &&
          d.initializer
        )
          return resolveString(d.initializer, sf, depth + 1);
      }
    }
    if (
      ts.isImportDeclaration(st) &&
      st.moduleSpecifier.text.startsWith('.') &&
      st.importClause?.namedBindings &&
      ts.isNamedImports(st.importClause.namedBindings)
    ) {
      const spec = st.importClause.namedBindings.elements.find(
        e => e.name.text === node.text,
      );
      if (!spec) continue;
      const base = path.resolve(
        path.dirname(sf.fileName),
        st.moduleSpecifier.text,
      );
      const file = ['.ts', '.tsx', '/index.ts']
        .map(ext => base + ext)
        .find(f => fs.existsSync(f));
      if (file) {
        const name = (spec.propertyName ?? spec.name).text;
        return resolveString(
          ts.factory.createIdentifier(name),
          parse(file),
          depth + 1,
        );
      }
    }
  }
  return undefined;
}

const keys = new Map(); // key -> where it is read
for (const group of ['plugins', 'packages']) {
  for (const pkg of fs.readdirSync(path.join(root, group))) {
    const src = path.join(root, group, pkg, 'src');
    if (!fs.existsSync(src)) continue;
    for (const file of sourceFiles(src)) {
      const sf = parse(file);
      const visit = node => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          METHODS.has(node.expression.name.text) &&
          node.arguments.length >= 1 &&
          // CacheService has get(key) too: its keys (`evidence.collected.v1`) are not config.
          !/cache/i.test(node.expression.expression.getText(sf))
        ) {
          const key = resolveString(node.arguments[0], sf);
          if (
            key &&
            /^[A-Za-z]\w*(\.[A-Za-z]\w*)+$/.test(key) &&
            !keys.has(key)
          ) {
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
            keys.set(key, `${path.relative(root, file)}:${line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
}

// A config that sets every key read (a string each: only unknown keys matter here).
const config = {};
for (const key of [...keys.keys()].sort()) {
  const parts = key.split('.');
  let at = config;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object') at[part] = {};
    at = at[part];
  }
  const leaf = parts[parts.length - 1];
  if (typeof at[leaf] !== 'object') at[leaf] = 'x';
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-config-keys-'));
const file = path.join(dir, 'every-key.yaml');
fs.writeFileSync(file, YAML.stringify(config));

let output = '';
try {
  output = execFileSync(
    'yarn',
    [
      'backstage-cli',
      'config:check',
      '--strict',
      '--lax',
      '--config',
      'app-config.yaml',
      '--config',
      file,
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
} catch (e) {
  output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const undeclared = [
  ...output.matchAll(/additionalProperty=(\S+) \} at (\S*)/g),
].map(([, prop, at]) => [...at.split('/').filter(Boolean), prop].join('.'));
for (const key of undeclared) {
  const readAt = [...keys].filter(
    ([k]) => k === key || k.startsWith(`${key}.`),
  );
  console.error(
    `undeclared config key ${key}, read at ${readAt
      .map(([k, w]) => `${w} (${k})`)
      .join(', ')}`,
  );
}
if (undeclared.length > 0) {
  console.error(
    'FAILED: declare these keys in the reading package\'s config.d.ts (its package.json "configSchema")',
  );
  process.exit(1);
}
if (keys.size === 0) {
  console.error(
    'FAILED: found no config key read in src/; is the search broken?',
  );
  process.exit(1);
}
console.log(`ok: the ${keys.size} config keys read in src/ are declared:`);
for (const [key, where] of keys) console.log(`  ${key}  (${where})`);

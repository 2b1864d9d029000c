// Checks the tarballs `yarn pack` made of the Plinth packages, as a registry would receive
// them: only built files, README, licence, config schema (and the scaffolder module's
// template); a public Apache-2.0 manifest without `workspace:` ranges whose entry points
// exist, with the Backstage metadata that feature discovery and `repo fix --publish`
// expect; and every package the built code imports declared as a dependency.
// Usage: node scripts/check-packages.mjs <folder of <plugin>.tgz files>
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const tarballs = process.argv[2];
const ALLOWED =
  /^(package\.json|README\.md|LICENSE|config\.schema\.json|dist\/.+|templates\/.+)$/;
const FORBIDDEN = [
  /(^|\/)(src|bench|dev|__testUtils__|__fixtures__|__mocks__|node_modules)\//,
  /\.test\.[cm]?[jt]sx?(\.map)?$/,
  /(^|\/)setupTests\./,
  /report(-\w+)?\.api\.md$/,
];
const DEP_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];
const PLUGIN_ROLES = [
  'frontend-plugin',
  'backend-plugin',
  'common-library',
  'web-library',
  'node-library',
];
const MODULE_ROLES = ['frontend-plugin-module', 'backend-plugin-module'];
const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

const problems = [];
const expected = fs
  .readdirSync(path.join(root, 'plugins'))
  .filter(p => fs.existsSync(path.join(root, 'plugins', p, 'package.json')))
  .filter(
    p =>
      !JSON.parse(
        fs.readFileSync(path.join(root, 'plugins', p, 'package.json'), 'utf8'),
      ).private,
  );

for (const plugin of expected) {
  const tgz = path.join(tarballs, `${plugin}.tgz`);
  const fail = message => problems.push(`${plugin}.tgz: ${message}`);
  if (!fs.existsSync(tgz)) {
    fail('missing (every public package under plugins/ is packed)');
    continue;
  }
  const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' })
    .split('\n')
    .filter(f => f && !f.endsWith('/'))
    .map(f => f.replace(/^package\//, ''));
  const read = file =>
    execFileSync('tar', ['xzf', tgz, '-O', `package/${file}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

  for (const f of files) {
    if (!ALLOWED.test(f) || FORBIDDEN.some(re => re.test(f)))
      fail(
        `holds ${f}, which is not built output, README, licence or config schema`,
      );
  }
  for (const f of ['package.json', 'README.md', 'LICENSE']) {
    if (!files.includes(f)) fail(`lacks ${f}`);
  }
  if (
    files.includes('LICENSE') &&
    !/Apache License\s+Version 2\.0/.test(read('LICENSE'))
  )
    fail('LICENSE is not the Apache License 2.0');

  const pkg = JSON.parse(read('package.json'));
  const source = JSON.parse(
    fs.readFileSync(path.join(root, 'plugins', plugin, 'package.json'), 'utf8'),
  );
  if (pkg.private) fail('is private');
  if (pkg.license !== 'Apache-2.0')
    fail(`license is ${pkg.license}, not Apache-2.0`);
  if (pkg.publishConfig?.access !== 'public')
    fail('publishConfig.access is not public');
  if (!pkg.files?.includes('dist')) fail('files does not list dist');
  for (const field of DEP_FIELDS) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        fail(`${field}.${name} is ${range}`);
    }
  }

  // Entry points: main, module, types and every exports target are built files in the tarball.
  const targets = [pkg.main, pkg.module, pkg.types].filter(Boolean);
  const walk = v =>
    typeof v === 'string' ? [v] : Object.values(v ?? {}).flatMap(walk);
  targets.push(...walk(pkg.exports).filter(t => t !== './package.json'));
  for (const t of targets) {
    const f = t.replace(/^\.\//, '');
    if (!f.startsWith('dist/') || !files.includes(f))
      fail(`entry point ${t} is not a built file in the tarball`);
  }

  // Backstage metadata.
  const bs = pkg.backstage ?? {};
  if (!bs.role) fail('has no backstage.role');
  if (!bs.pluginId) fail('has no backstage.pluginId');
  if (PLUGIN_ROLES.includes(bs.role) && !bs.pluginPackages?.includes(pkg.name))
    fail('backstage.pluginPackages does not list the package itself');
  if (MODULE_ROLES.includes(bs.role) && !bs.pluginPackage)
    fail('backstage.pluginPackage (the plugin it extends) is not set');
  if (
    bs.role === 'frontend-plugin' &&
    bs.features?.['.'] !== '@backstage/FrontendPlugin'
  )
    fail(
      'is not marked as a frontend plugin for app feature discovery (backstage.features)',
    );
  if (
    ['backend-plugin', 'backend-plugin-module'].includes(bs.role) &&
    !bs.features?.['.']
  )
    fail('is not marked as a backend feature (backstage.features)');

  // The config schema: config.d.ts in the source becomes config.schema.json in the tarball.
  const hasSchema = fs.existsSync(
    path.join(root, 'plugins', plugin, 'config.d.ts'),
  );
  if (hasSchema !== (source.configSchema === 'config.d.ts'))
    fail('config.d.ts and package.json "configSchema" do not match');
  if (
    hasSchema &&
    (pkg.configSchema !== 'config.schema.json' ||
      !files.includes('config.schema.json'))
  )
    fail('ships no config.schema.json');
  if (hasSchema) {
    const schema = JSON.parse(read('config.schema.json'));
    if (!schema.properties) fail('config.schema.json declares no property');
  }

  // Every package the built code (and its type declarations) imports is a dependency.
  const declared = new Set([
    pkg.name,
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const undeclared = new Set();
  for (const f of files.filter(f => /\.(c?js|mjs|d\.ts)$/.test(f))) {
    const code = read(f);
    for (const [, spec] of code.matchAll(
      /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g,
    )) {
      if (
        spec.startsWith('.') ||
        builtins.has(spec) ||
        builtins.has(spec.split('/')[0])
      )
        continue;
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : spec.split('/')[0];
      if (!declared.has(name)) undeclared.add(`${name} (${f})`);
    }
  }
  for (const u of undeclared) fail(`imports ${u} without depending on it`);

  console.log(
    `${plugin}.tgz: ${files.length} files, ${pkg.name}@${pkg.version}, role ${
      bs.role
    }, ${Object.keys(pkg.dependencies ?? {}).length} dependencies`,
  );
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`FAILED: ${problems.length} packaging problems`);
  process.exit(1);
}
console.log(
  `ok: ${expected.length} tarballs hold only what a published package needs`,
);

/*
 * The install guide's steps (docs/install.md), applied to a stock app by the stock-app test:
 * each step reads its snippets from the guide itself, so the guide and the test cannot
 * drift apart. Usage: node edit.js <step> <app dir> [args].
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const plinthRoot = path.resolve(__dirname, '..', '..');

const [step, appDir, ...args] = process.argv.slice(2);
const file = p => path.join(appDir, p);
const readJson = p => JSON.parse(fs.readFileSync(file(p), 'utf8'));
const writeJson = (p, v) =>
  fs.writeFileSync(file(p), `${JSON.stringify(v, null, 2)}\n`);

function fail(message) {
  console.error(`stock-app: ${message}`);
  process.exit(1);
}

// The code blocks of the guide's section "## <n>. ...", in order, optionally of one language.
function guideBlocks(n, lang) {
  const md = fs.readFileSync(
    path.join(plinthRoot, 'docs', 'install.md'),
    'utf8',
  );
  const sections = md.split(/^## /m);
  const section = sections.find(s => s.startsWith(`${n}. `));
  if (!section) fail(`docs/install.md has no section "## ${n}. "`);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
    .filter(([, l]) => !lang || l === lang)
    .map(([, , code]) => code);
}

function plinthVersion(dir) {
  const pkg = path.join(plinthRoot, 'plugins', dir, 'package.json');
  if (!fs.existsSync(pkg)) fail(`no Plinth package plugins/${dir}`);
  return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
}

// Merges a guide snippet into the app's config as a reader applies it: maps key by key,
// list entries added after the app's own, other values set.
function mergeInto(doc, at, value) {
  const node = doc.getIn(at, true);
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    YAML.isMap(node)
  ) {
    for (const [k, v] of Object.entries(value)) mergeInto(doc, [...at, k], v);
  } else if (Array.isArray(value) && YAML.isSeq(node)) {
    for (const item of value) node.add(doc.createNode(item));
  } else {
    doc.setIn(at, doc.createNode(value));
  }
}

const steps = {
  // Not a guide step: the registry serves part of the next release, so the test pins the
  // app to exactly Plinth's Backstage set (ADR 0001) and installs Plinth from tarballs.
  pin([tarballDir]) {
    const root = readJson('package.json');
    const pins = {};
    for (const p of [
      'package.json',
      'packages/app/package.json',
      'packages/backend/package.json',
    ]) {
      const pkg = readJson(p);
      for (const deps of [pkg.dependencies, pkg.devDependencies]) {
        for (const [name, range] of Object.entries(deps ?? {})) {
          if (name.startsWith('@backstage/'))
            pins[name] = range.replace(/^\^/, '');
        }
      }
    }
    const plinth = JSON.parse(
      fs.readFileSync(path.join(plinthRoot, 'package.json'), 'utf8'),
    );
    const extra = JSON.parse(
      fs.readFileSync(path.join(__dirname, 'pins.json'), 'utf8'),
    );
    delete extra['//'];
    Object.assign(pins, plinth.resolutions, extra);
    for (const tgz of fs.readdirSync(tarballDir)) {
      const name = `@plinth/backstage-plugin-${tgz.replace(/\.tgz$/, '')}`;
      pins[name] = `file:${path.join(tarballDir, tgz)}`;
    }
    root.resolutions = { ...root.resolutions, ...pins };
    writeJson('package.json', root);
  },
  // Every @backstage package of the installed app is pinned, at one version.
  checkPins() {
    const pins = readJson('package.json').resolutions;
    const lock = fs.readFileSync(file('yarn.lock'), 'utf8');
    const versions = new Map();
    for (const m of lock.matchAll(
      /^"(@backstage\/[^@"]+)@[^\n]*\n {2}version: ([^\n]+)/gm,
    )) {
      versions.set(m[1], new Set([...(versions.get(m[1]) ?? []), m[2]]));
    }
    const bad = [...versions].filter(([n, v]) => !pins[n] || v.size > 1);
    if (bad.length) {
      fail(
        `unpinned or duplicated Backstage packages (add them to scripts/stock-app/pins.json): ${bad
          .map(([n, v]) => `${n}@${[...v]}`)
          .join(', ')}`,
      );
    }
    console.log(
      `stock-app: ${versions.size} @backstage packages, each at its pinned version`,
    );
  },
  // Guide step 1: the guide's `yarn add` commands, run in the app. The tarballs stand in for
  // the registry (the pin step points the names at them), so each name gets the range of
  // its version: `yarn add` without one asks the registry for the newest version.
  add() {
    const [block] = guideBlocks(1, 'sh');
    const commands = block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter(Boolean);
    for (const command of commands) {
      const ranged = command.replace(
        /@plinth\/backstage-plugin-([\w-]+)(?=\s|$)/g,
        (name, dir) => `${name}@^${plinthVersion(dir)}`,
      );
      console.log(`stock-app: ${ranged}`);
      execFileSync('bash', ['-c', ranged], { cwd: appDir, stdio: 'inherit' });
    }
  },
  // Guide step 2: the guide's backend.add lines, before backend.start().
  backend() {
    const index = 'packages/backend/src/index.ts';
    const src = fs.readFileSync(file(index), 'utf8');
    const [lines] = guideBlocks(2, 'ts');
    if (!src.includes('backend.start();'))
      fail(`${index} has no backend.start()`);
    fs.writeFileSync(
      file(index),
      src.replace('backend.start();', `${lines}\nbackend.start();`),
    );
  },
  // Guide step 3: the frontend is discovered; nothing to edit if app.packages is `all`.
  frontend() {
    if (guideBlocks(3).length > 0)
      fail('docs/install.md step 3 has a snippet the test does not apply');
    const config = YAML.parse(fs.readFileSync(file('app-config.yaml'), 'utf8'));
    if (config.app?.packages !== 'all')
      fail('app-config.yaml does not set app.packages: all');
  },
  // Guide step 6: its shell commands, in the app, with PLINTH_REPO naming this repository.
  sh([section]) {
    const blocks = guideBlocks(Number(section), 'sh');
    if (blocks.length === 0) fail(`docs/install.md step ${section} has no sh`);
    for (const block of blocks) {
      execFileSync('bash', ['-euo', 'pipefail', '-c', block], {
        cwd: appDir,
        stdio: 'inherit',
        env: { ...process.env, PLINTH_REPO: plinthRoot },
      });
    }
  },
  // Guide steps 4 to 6: the guide's app-config.yaml snippets, merged into the app's.
  config([section]) {
    const blocks = guideBlocks(Number(section), 'yaml');
    if (blocks.length === 0)
      fail(`docs/install.md step ${section} has no yaml`);
    const doc = YAML.parseDocument(
      fs.readFileSync(file('app-config.yaml'), 'utf8'),
    );
    for (const block of blocks) mergeInto(doc, [], YAML.parse(block));
    // No folding or padding: the app's own lines stay as they were.
    fs.writeFileSync(
      file('app-config.yaml'),
      doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
    );
  },
};

if (!steps[step]) fail(`unknown step ${step}`);
steps[step](args);

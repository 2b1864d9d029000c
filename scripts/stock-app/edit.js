/*
 * The install guide's file edits (docs/install.md, steps 1, 4 and 5), applied to a stock
 * app by the stock-app test. Usage: node edit.js <step> <app dir> [args].
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const [step, appDir, ...args] = process.argv.slice(2);
const file = p => path.join(appDir, p);
const readJson = p => JSON.parse(fs.readFileSync(file(p), 'utf8'));
const writeJson = (p, v) =>
  fs.writeFileSync(file(p), `${JSON.stringify(v, null, 2)}\n`);

function fail(message) {
  console.error(`stock-app: ${message}`);
  process.exit(1);
}

const steps = {
  // Not a guide step: the registry serves part of the next release, so the test pins the
  // app to exactly Plinth's Backstage set (ADR 0001) and installs Plinth from tarballs.
  pin([plinthRoot, tarballDir]) {
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
  // Guide step 2: one line per backend package.
  backend() {
    const index = 'packages/backend/src/index.ts';
    const src = fs.readFileSync(file(index), 'utf8');
    const lines = [
      "backend.add(import('@plinth/backstage-plugin-scaffolder-backend-module-infra'));",
      "backend.add(import('@plinth/backstage-plugin-catalog-backend-module-infra'));",
      "backend.add(import('@plinth/backstage-plugin-infra-backend'));",
    ];
    if (!src.includes('backend.start();'))
      fail(`${index} has no backend.start()`);
    fs.writeFileSync(
      file(index),
      src.replace(
        'backend.start();',
        `${lines.join('\n')}\n\nbackend.start();`,
      ),
    );
  },
  // Guide step 3: the frontend is discovered; nothing to edit if app.packages is `all`.
  frontend() {
    const config = YAML.parse(fs.readFileSync(file('app-config.yaml'), 'utf8'));
    if (config.app?.packages !== 'all')
      fail('app-config.yaml does not set app.packages: all');
  },
  // Guide steps 4 and 5: app-config.yaml.
  config() {
    const doc = YAML.parseDocument(
      fs.readFileSync(file('app-config.yaml'), 'utf8'),
    );
    const rules = doc.getIn(['catalog', 'rules']);
    const allow = rules.items[0].get('allow');
    allow.add('SLO');
    const locations = doc.getIn(['catalog', 'locations']);
    locations.add(
      doc.createNode({
        type: 'file',
        target:
          '../../node_modules/@plinth/backstage-plugin-scaffolder-backend-module-infra/templates/infra-request/template.yaml',
        rules: [{ allow: ['Template'] }],
      }),
    );
    locations.add(
      doc.createNode({
        type: 'file',
        target: '../../examples/plinth/all.yaml',
      }),
    );
    locations.add(
      doc.createNode({
        type: 'file',
        target: '../../plinth-repositories/*/catalog-info.yaml',
      }),
    );
    doc.set(
      'plinth',
      doc.createNode({
        publish: { localDirectory: '../../plinth-repositories' },
      }),
    );
    fs.writeFileSync(file('app-config.yaml'), doc.toString());
  },
};

if (!steps[step]) fail(`unknown step ${step}`);
steps[step](args);

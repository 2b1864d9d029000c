/*
 * Benchmark: catalog ingestion with Plinth (catalog module + infra backend with code
 * evidence) against the stock catalog, on the same entities (issue 15, acceptance 4:
 * at least 90% of the stock rate). SERVICES repositories are rendered by Plinth's own
 * generator (examples/answers/aws-pci-eu.yaml, renamed per service) into a temporary
 * folder and registered by one file location glob; the real catalog backend on SQLite in
 * memory ingests them. The rate is the Components and Resources (kinds the stock catalog
 * accepts: 4 per service) present per second once the backend is up; with Plinth the evidence
 * collector runs every second meanwhile, reading and parsing every repository.
 * Run from the package directory: yarn bench (SERVICES=200 RUNS=3 override).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  parseAnswers,
  planDesign,
} from '@plinth/backstage-plugin-infra-common';
import { loadAverage, repoRoot } from '@plinth/test-support';
import catalogModuleInfra from '@plinth/backstage-plugin-catalog-backend-module-infra';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import yaml from 'yaml';
// The generator itself (a bench-only import), so the repositories are what the wizard writes.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { renderRepository } from '../../scaffolder-backend-module-infra/src/render';
import infraPlugin from '../src';

const SERVICES = Number(process.env.SERVICES ?? 200);
const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_RATIO = 0.9;

function generate(dir: string) {
  const answers = yaml.parse(
    fs.readFileSync(
      path.join(repoRoot, 'examples/answers/aws-pci-eu.yaml'),
      'utf8',
    ),
  );
  for (let i = 0; i < SERVICES; i++) {
    answers.service.name = `bench-svc-${i}`;
    const parsed = parseAnswers(answers);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { design } = planDesign(parsed.answers, {
      defaults: parsed.defaults,
    });
    for (const file of renderRepository(design)) {
      const target = path.join(dir, `bench-svc-${i}`, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
  }
}

async function ingest(dir: string, withPlinth: boolean) {
  const expected = SERVICES * 4;
  const config = {
    backend: { database: { client: 'better-sqlite3', connection: ':memory:' } },
    catalog: {
      rules: [{ allow: ['Component', 'Resource', 'Location', 'SLO'] }],
      locations: [
        { type: 'file', target: path.join(dir, '*/catalog-info.yaml') },
      ],
    },
    infra: { evidence: { refreshSeconds: 1 } },
  };
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...(withPlinth ? [catalogModuleInfra, infraPlugin] : []),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const url = `http://localhost:${backend.server.port()}/api/catalog/entities/by-query?filter=kind=component&filter=kind=resource&limit=1`;
  let count = 0;
  // From when the backend is up: plugin start-up is not ingestion.
  const started = performance.now();
  try {
    for (;;) {
      const res = await fetch(url);
      count = (await res.json()).totalItems;
      if (count >= expected) break;
      if (performance.now() - started > 600_000)
        throw new Error(`only ${count} of ${expected} after 600 s`);
      await new Promise(r => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rate: count / seconds };
  } finally {
    await backend.stop();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plinth-ingest-'));
  try {
    generate(dir);
    const stock: number[] = [];
    const plinth: number[] = [];
    // Alternated, so a busier moment of the shared machine hits both.
    for (let run = 0; run < RUNS; run++) {
      for (const withPlinth of [false, true]) {
        const { seconds, rate } = await ingest(dir, withPlinth);
        (withPlinth ? plinth : stock).push(rate);
        process.stdout.write(
          `run ${run + 1} ${withPlinth ? 'plinth' : 'stock '}: ${
            SERVICES * 4
          } entities in ${seconds.toFixed(1)} s, ${rate.toFixed(1)}/s\n`,
        );
      }
    }
    const ratio = median(plinth) / median(stock);
    process.stdout.write(
      `catalog ingestion, ${SERVICES} generated services (${
        SERVICES * 4
      } Components and Resources), SQLite in memory, ${
        os.cpus().length
      } cores, load ${loadAverage()}\n` +
        `  stock:  median ${median(stock).toFixed(1)} entities/s\n` +
        `  plinth: median ${median(plinth).toFixed(
          1,
        )} entities/s (module + evidence every 1 s)\n` +
        `  ratio ${(ratio * 100).toFixed(0)}% (target >= ${
          TARGET_RATIO * 100
        }%): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);

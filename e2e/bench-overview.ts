/*
 * Benchmark: the /infra overview page against Backstage's catalog index page, on the same
 * catalog of 5,000 generated services (each with two environments and one SLO), in headless
 * Chromium over the production build of the app served by the real backend.
 *
 *   yarn workspace app build   # once (make build-app)
 *   node -r @backstage/cli/config/nodeTransform.cjs e2e/bench-overview.ts
 *
 * For each page: the time from the page's first data request (`/api/infra/` for the
 * overview, `/api/catalog/` for the catalog index) to its first table row, and the bytes of
 * every `/api/` response body (auth excluded) until then. Median of RUNS runs, alternating.
 * Also checks that failures-first ordering and every status filter cover all services.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { startBackend } from '../packages/test-support/src/backend';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FRAMEWORKS = ['soc2', 'iso27001', 'hipaa', 'pci-dss', 'gdpr'];

function yamlDocs(docs: object[]): string {
  // JSON is YAML: one document per entity
  return docs.map(d => `---\n${JSON.stringify(d)}\n`).join('');
}

function generateCatalog(count: number): object[] {
  const docs: object[] = [];
  for (let i = 0; i < count; i++) {
    const name = `bench-svc-${String(i).padStart(5, '0')}`;
    const owner = `group:default/bench-team-${i % 50}`;
    const system = `system:default/bench-system-${i % 100}`;
    const frameworks = [FRAMEWORKS[i % 5], FRAMEWORKS[(i + 2) % 5]].join(',');
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        title: `Bench service ${i}`,
        annotations: { 'plinth.dev/compliance-frameworks': frameworks },
      },
      spec: { type: 'service', lifecycle: 'production', owner, system },
    });
    for (const [env, stage] of [
      ['dev', 'development'],
      ['prod', 'production'],
    ]) {
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `${name}-${env}`,
          annotations: { 'plinth.dev/iac-path': `terraform/envs/${env}` },
        },
        spec: {
          type: 'environment',
          owner,
          system,
          dependencyOf: [`component:default/${name}`],
          environment: {
            name: env,
            stage,
            cloud: 'aws',
            regions: ['eu-west-1'],
            multiAz: stage === 'production',
            multiRegion: false,
            drPattern: 'backup-restore',
            // a mix of statuses: every third service fails a control, every seventh lacks data
            controls:
              i % 7 === 0
                ? {}
                : {
                    encryptionAtRest: i % 3 === 0 ? 'none' : 'managed-key',
                    encryptionInTransit: true,
                    tlsMinVersion: '1.2',
                    auditLogging: true,
                    auditLogRetentionDays: 400,
                    backups: true,
                    backupRetentionDays: 35,
                    multiAz: stage === 'production',
                    flowLogs: true,
                    privateDataTier: true,
                    networkSegmentation: true,
                    leastPrivilegeRoles: true,
                    secretsManagement: true,
                    dataResidency: 'eu',
                    deletionProtection: true,
                    waf: true,
                    pointInTimeRecovery: true,
                    restoreTested: true,
                  },
          },
        },
      });
    }
    docs.push({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: `${name}-availability`, displayName: 'Availability' },
      spec: {
        service: name,
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '28d', isRolling: true }],
        objectives: [{ displayName: 'availability', target: 0.999 }],
        indicator: {
          metadata: { name: `${name}-availability-sli` },
          spec: {
            ratioMetric: {
              counter: true,
              good: {
                metricSource: {
                  type: 'Prometheus',
                  spec: {
                    query: `sum(rate(http_requests_total{service="${name}",code!~"5.."}[5m]))`,
                  },
                },
              },
              total: {
                metricSource: {
                  type: 'Prometheus',
                  spec: {
                    query: `sum(rate(http_requests_total{service="${name}"}[5m]))`,
                  },
                },
              },
            },
          },
        },
      },
    });
  }
  return docs;
}

async function waitForCatalog(
  request: (path: string) => Promise<Response>,
  expected: Record<string, number>,
  timeoutMs: number,
) {
  const started = Date.now();
  for (;;) {
    const counts: Record<string, number> = {};
    for (const filter of Object.keys(expected)) {
      const res = await request(
        `/api/catalog/entities/by-query?filter=${filter}&limit=1&fields=metadata.name`,
      );
      counts[filter] = res.ok ? (await res.json()).totalItems : -1;
    }
    if (Object.entries(expected).every(([f, n]) => counts[f] >= n))
      return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `catalog not ready after ${timeoutMs} ms: ${JSON.stringify(counts)}`,
      );
    }
    await new Promise(r => setTimeout(r, 5000));
  }
}

interface Measurement {
  ms: number;
  apiBytes: number;
  apiRequests: number;
}

async function measure(
  page: Page,
  path: string,
  dataRequest: RegExp,
  firstRow: string,
): Promise<Measurement> {
  let t0: number | undefined;
  const pending: Array<Promise<number>> = [];
  let done = false;
  const onRequest = (req: { url(): string }) => {
    if (t0 === undefined && dataRequest.test(req.url())) t0 = Date.now();
  };
  const onResponse = (res: { url(): string; body(): Promise<Buffer> }) => {
    const url = res.url();
    if (done || !/\/api\//.test(url) || /\/api\/auth\//.test(url)) return;
    pending.push(
      res.body().then(
        b => b.length,
        () => 0,
      ),
    );
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  await page.goto(path);
  await page
    .waitForSelector(firstRow, { timeout: 60_000 })
    .catch(async error => {
      await page.screenshot({
        path: join(tmpdir(), 'plinth-bench-failure.png'),
      });
      await writeFile(
        join(tmpdir(), 'plinth-bench-failure.html'),
        await page.content(),
      );
      throw error;
    });
  const t1 = Date.now();
  done = true;
  page.off('request', onRequest);
  page.off('response', onResponse);
  const sizes = await Promise.all(pending);
  if (t0 === undefined) throw new Error(`no data request seen for ${path}`);
  return {
    ms: t1 - t0,
    apiBytes: sizes.reduce((a, b) => a + b, 0),
    apiRequests: sizes.length,
  };
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'plinth-bench-'));
  const file = join(dir, 'catalog.yaml');
  await writeFile(file, yamlDocs(generateCatalog(SERVICES)));
  console.log(
    `bench: generated ${SERVICES} services, ${
      SERVICES * 2
    } environments, ${SERVICES} SLOs`,
  );

  const backend = await startBackend({
    config: {
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'System',
              'API',
              'Resource',
              'Location',
              'Domain',
              'SLO',
              'User',
              'Group',
            ],
          },
        ],
        locations: [{ type: 'file', target: file }],
      },
    },
    timeoutMs: 300_000,
  });
  try {
    const ingestMs = await waitForCatalog(
      backend.request,
      {
        'kind=component,spec.type=service': SERVICES,
        'kind=resource,spec.type=environment': SERVICES * 2,
        'kind=slo': SERVICES,
      },
      1_800_000,
    );
    console.log(`bench: catalog ready after ${Math.round(ingestMs / 1000)} s`);

    // Coverage: failures first and every status filter span all services.
    const overview = async (q: string) =>
      (await (await backend.request(`/api/infra/overview?${q}`)).json()) as {
        total: number;
        items: Array<{ status: string }>;
      };
    const all = await overview('sort=failures&pageSize=1');
    const statusTotals: Record<string, number> = {};
    for (const s of ['non-compliant', 'at-risk', 'unknown', 'compliant']) {
      statusTotals[s] = (await overview(`status=${s}&pageSize=1`)).total;
    }
    const covered = Object.values(statusTotals).reduce((a, b) => a + b, 0);
    console.log(
      `bench: overview total ${all.total}, first row ${
        all.items[0]?.status
      }; status totals ${JSON.stringify(statusTotals)} = ${covered}`,
    );

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({
      baseURL: backend.baseUrl,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('button', { name: 'Enter' })
      .waitFor({ state: 'hidden' });

    const pages = {
      infra: {
        path: '/infra',
        data: /\/api\/infra\//,
        row: '[data-testid="overview-row"]',
      },
      // Backstage's catalog index page
      catalog: {
        path: '/catalog',
        data: /\/api\/catalog\//,
        row: 'table tbody tr a[href*="/catalog/default/component/"]',
      },
    };
    // warm-up: the summaries cache and the browser's code cache
    for (const p of Object.values(pages))
      await measure(page, p.path, p.data, p.row);
    const results: Record<string, Measurement[]> = { infra: [], catalog: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, p] of Object.entries(pages)) {
        await page.goto('about:blank');
        results[name].push(await measure(page, p.path, p.data, p.row));
      }
    }
    await browser.close();

    const summary = Object.fromEntries(
      Object.entries(results).map(([name, ms]) => [
        name,
        {
          medianMs: median(ms.map(m => m.ms)),
          runsMs: ms.map(m => m.ms),
          apiBytes: median(ms.map(m => m.apiBytes)),
          apiRequests: median(ms.map(m => m.apiRequests)),
        },
      ]),
    );
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: `${cpus().length} x ${cpu}, ${Math.round(
            totalmem() / 2 ** 30,
          )} GiB`,
          services: SERVICES,
          coverage: { total: all.total, statusTotals, covered },
          ...summary,
        },
        null,
        2,
      ),
    );
  } finally {
    await backend.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

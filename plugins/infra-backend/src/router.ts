import {
  HttpAuthService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { previewRepositoryChange } from '@plinth/backstage-plugin-scaffolder-backend-module-infra';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  CatalogQuery,
  environmentQueryForService,
  evaluateCompliance,
  formatIssues,
  parseService,
  ServiceCompliance,
  infraPlanPermission,
  planFromInput,
  ServiceSlosLive,
  sloQueryForService,
} from '@plinth/backstage-plugin-infra-common';
import { applyOverviewQuery, parseOverviewQuery } from './overview/query';
import { readableRows } from './overview/readable';
import { Snapshot } from './overview/SummaryCache';
import { PrometheusClient } from './prometheus/PrometheusClient';
import { LiveBudgets } from './slos/liveBudgets';
import { serviceSlosLive } from './slos/serviceSlosLive';
import { withLiveBudgets } from './slos/withLiveBudgets';
import {
  complianceEnvironments,
  EvidenceLookup,
} from './evidence/applyEvidence';
import { readServiceRepository } from './change/serviceChange';
import { readSourceFile } from './evidence/sourceFile';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /**
   * Asked which entities a caller may read when the policy's answer is conditional;
   * reads a service and its SLOs with the caller's credentials for the SLO card.
   */
  catalog: CatalogService;
  /** The current summaries of every service (cached). */
  summaries: { get(): Promise<Snapshot> };
  /** Every configured Prometheus by name (empty: none configured). */
  prometheus?: ReadonlyMap<string, PrometheusClient>;
  /** The live budgets of every SLO (cached; one query per Prometheus per refresh). */
  liveBudgets?: { get(): Promise<{ rows: LiveBudgets }> };
  /** The code evidence the EvidenceCollector stored; none: every environment is declared only. */
  evidence?: EvidenceLookup;
  /** Reads a service's repository from a URL location for the change endpoints. */
  urlReader?: UrlReaderService;
}

function entityRefParam(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 300) {
    throw new InputError('entityRef: expected one entity ref');
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(raw, { defaultKind: 'component' }),
    );
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, summaries } = options;
  const prometheus = options.prometheus ?? new Map();
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  /**
   * The caller's credentials and the service its `?entityRef` names, read with them, and
   * a reader of catalog queries with the same credentials (the catalog's permissions apply).
   */
  async function requestedService(req: express.Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefParam(req.query.entityRef);
    const service = await catalog.getEntityByRef(entityRef, { credentials });
    if (!service) throw new NotFoundError(`No entity ${entityRef}`);
    const read = async (q: CatalogQuery) =>
      (
        await catalog.getEntities(
          { filter: q.filter, fields: q.fields },
          { credentials },
        )
      ).items;
    return { entityRef, service, read };
  }

  /**
   * GET /overview: one page of service summaries, filtered and sorted over
   * every service in the catalog the caller may read (catalogEntityReadPermission):
   * facets and totals count only those. See docs/user-guide-infrastructure.md.
   */
  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseOverviewQuery(req.query);
    const snapshot = await summaries.get();
    // A Prometheus that is down never breaks the overview: it loses its live columns.
    const live = options.liveBudgets
      ? (await options.liveBudgets.get().catch(() => undefined))?.rows
      : undefined;
    const readable = await readableRows(snapshot.rows, {
      credentials,
      permissions,
      catalog,
    });
    const rows = live ? withLiveBudgets(readable, live) : readable;
    res.json({
      ...applyOverviewQuery(rows, query, snapshot.generatedAt),
      live: {
        configured: prometheus.size > 0,
        unavailable: live ? live.unavailable : [...prometheus.keys()],
      },
    });
  });

  /**
   * GET /slos/live?entityRef=component:default/x: the live state of every SLO of
   * one service that the caller may read (service and SLOs read with the caller's
   * credentials, so the catalog's permissions apply).
   */
  router.get('/slos/live', async (req, res) => {
    const { entityRef, read } = await requestedService(req);
    const [slos, environments] = await Promise.all([
      read(sloQueryForService(entityRef)),
      read(environmentQueryForService(entityRef)),
    ]);
    const body: ServiceSlosLive = {
      entityRef,
      slos: await serviceSlosLive({
        sloEntities: slos,
        environments,
        clients: prometheus,
      }),
      generatedAt: new Date().toISOString(),
    };
    res.json(body);
  });

  /**
   * GET /compliance?entityRef=component:default/x: the service's compliance report, with
   * code evidence (`file:line`, value found) for the controls its environments' code
   * shows, and where and when that code was read. Read with the caller's credentials.
   */
  router.get('/compliance', async (req, res) => {
    const { entityRef, service, read } = await requestedService(req);
    const environments = await read(environmentQueryForService(entityRef));
    const parsed = parseService(service);
    const evidence = options.evidence ?? { get: () => undefined };
    const envs = complianceEnvironments(environments, evidence);
    const body: ServiceCompliance = {
      entityRef,
      report: evaluateCompliance(
        parsed.ok ? parsed.value.frameworks : [],
        envs,
      ),
      environments: environments.map(entity => {
        const ref = stringifyEntityRef(entity);
        const stored = evidence.get(ref);
        return stored
          ? {
              entityRef: ref,
              iacPath: stored.iacPath,
              source: stored.source,
              errors: stored.findings.errors,
            }
          : { entityRef: ref, errors: [] };
      }),
      generatedAt: new Date().toISOString(),
    };
    res.json(body);
  });

  /**
   * GET /source?entityRef=resource:default/x-prod&path=terraform/envs/prod/main.tf: one
   * Terraform file of an environment's local repository (the evidence links), as text,
   * to a caller who may read that environment; never a file outside its repository.
   */
  router.get('/source', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const text = await readSourceFile({
      entityRef: entityRefParam(req.query.entityRef),
      path: req.query.path,
      credentials,
      catalog,
      evidence: options.evidence ?? { get: () => undefined },
    });
    res.type('text/plain; charset=utf-8').send(text);
  });

  /**
   * POST /plan: `{ answers }` -> the planner's design, warnings, compliance
   * preview and cost (200), or every invalid field by its dotted path (400).
   * No side effects: the wizard's review page calls it on every visit.
   */
  /** The caller's credentials, when the caller may run the planner (infraPlanPermission). */
  const plannerCredentials = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: infraPlanPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not run the infrastructure planner');
    }
    return credentials;
  };

  router.post('/plan', async (req, res) => {
    await plannerCredentials(req);
    const body = req.body as { answers?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !('answers' in body)) {
      const issues = [{ path: 'answers', message: 'is required' }];
      res.status(400).json(planError(issues));
      return;
    }
    const result = planFromInput(body.answers);
    if (!result.ok) {
      res.status(400).json(planError(result.issues));
      return;
    }
    const { design, warnings, compliance, cost } = result;
    res.json({ design, warnings, compliance, cost });
  });

  const urlReader: UrlReaderService = options.urlReader ?? {
    readUrl: () => Promise.reject(new Error('no URL reader configured')),
    readTree: () => Promise.reject(new Error('no URL reader configured')),
    search: () => Promise.reject(new Error('no URL reader configured')),
  };

  /**
   * GET /services/:namespace/:name/change: the stored answers and generation of a service
   * Plinth generated, read from the repository it came from (the entity read with the
   * caller's credentials: unreadable is 404 as absent is).
   */
  router.get('/services/:namespace/:name/change', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { record, source } = await readServiceRepository({
      namespace: req.params.namespace,
      name: req.params.name,
      credentials,
      catalog,
      reader: urlReader,
      recordOnly: true,
    });
    res.json({
      answers: record.answers,
      generation: {
        plinthVersion: record.plinthVersion,
        designVersion: record.designVersion,
      },
      source:
        source.kind === 'file'
          ? { type: 'local', target: source.root }
          : { type: 'url', target: source.url },
    });
  });

  /**
   * POST /services/:namespace/:name/change/preview `{ answers }`: what the change would
   * do, with no side effect: the design diff (decisions, cost, compliance) and the files
   * added, changed, removed and in conflict with hand edits. 400 with the plan's issues.
   */
  router.post('/services/:namespace/:name/change/preview', async (req, res) => {
    const credentials = await plannerCredentials(req);
    const body = req.body as { answers?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !('answers' in body)) {
      res
        .status(400)
        .json(planError([{ path: 'answers', message: 'is required' }]));
      return;
    }
    const repository = await readServiceRepository({
      namespace: req.params.namespace,
      name: req.params.name,
      credentials,
      catalog,
      reader: urlReader,
    });
    // readServiceRepository found the record, so there is a preview.
    const preview = previewRepositoryChange({
      files: repository.files,
      answers: body.answers,
    })!;
    if (!preview.ok) {
      res.status(400).json(planError(preview.issues));
      return;
    }
    res.json({ ...preview.diff, files: preview.files });
  });

  return router;
}

/**
 * A 400 body that is both the contract's `{ issues }` and Backstage's error
 * shape, so `ResponseError.fromResponse` in any client reads its message.
 */
function planError(issues: Array<{ path: string; message: string }>) {
  return {
    issues,
    error: {
      name: 'InputError',
      message: formatIssues(issues),
    },
    response: { statusCode: 400 },
  };
}

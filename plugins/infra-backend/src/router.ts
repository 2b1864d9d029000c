import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import {
  environmentQueryForService,
  planFromInput,
  ServiceSlosLive,
  sloQueryForService,
} from '@plinth/backstage-plugin-infra-common';
import { applyOverviewQuery, parseOverviewQuery } from './overview/query';
import { Snapshot } from './overview/SummaryCache';
import { PrometheusClient } from './prometheus/PrometheusClient';
import { LiveBudgets } from './slos/liveBudgets';
import { serviceSlosLive } from './slos/serviceSlosLive';
import { withLiveBudgets } from './slos/withLiveBudgets';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** The current summaries of every service (cached). */
  summaries: { get(): Promise<Snapshot> };
  /** Reads services and SLOs with the caller's credentials (the SLO card). */
  catalog?: CatalogService;
  /** Every configured Prometheus by name (empty: none configured). */
  prometheus?: ReadonlyMap<string, PrometheusClient>;
  /** The live budgets of every SLO (cached; one query per Prometheus per refresh). */
  liveBudgets?: { get(): Promise<{ rows: LiveBudgets }> };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, summaries, catalog } = options;
  const prometheus = options.prometheus ?? new Map();
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  /**
   * GET /overview: one page of service summaries, filtered and sorted over
   * every service in the catalog. See docs/user-guide-infrastructure.md.
   */
  router.get('/overview', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseOverviewQuery(req.query);
    const snapshot = await summaries.get();
    // A Prometheus that is down never breaks the overview: it loses its live columns.
    const live = options.liveBudgets
      ? (await options.liveBudgets.get().catch(() => undefined))?.rows
      : undefined;
    const rows = live ? withLiveBudgets(snapshot.rows, live) : snapshot.rows;
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
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!catalog) throw new Error('the catalog service is not wired');
    const raw = req.query.entityRef;
    if (typeof raw !== 'string' || raw.length > 300) {
      throw new InputError('entityRef: expected one entity ref');
    }
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(raw, { defaultKind: 'component' }),
      );
    } catch (error) {
      throw new InputError(`entityRef: ${(error as Error).message}`);
    }
    const service = await catalog.getEntityByRef(entityRef, { credentials });
    if (!service) throw new NotFoundError(`No entity ${entityRef}`);
    const [slos, environments] = await Promise.all(
      [
        sloQueryForService(entityRef),
        environmentQueryForService(entityRef),
      ].map(
        async q =>
          (
            await catalog.getEntities(
              { filter: q.filter, fields: q.fields },
              { credentials },
            )
          ).items,
      ),
    );
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
   * POST /plan: `{ answers }` -> the planner's design, warnings, compliance
   * preview and cost (200), or every invalid field by its dotted path (400).
   * No side effects: the wizard's review page calls it on every visit.
   */
  router.post('/plan', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
      message: issues.map(i => `${i.path}: ${i.message}`).join('; '),
    },
    response: { statusCode: 400 },
  };
}

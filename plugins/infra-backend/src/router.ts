import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  formatIssues,
  infraPlanPermission,
  planFromInput,
} from '@plinth/backstage-plugin-infra-common';
import { applyOverviewQuery, parseOverviewQuery } from './overview/query';
import { readableRows } from './overview/readable';
import { Snapshot } from './overview/SummaryCache';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Asked which entities a caller may read when the policy's answer is conditional. */
  catalog: CatalogService;
  /** The current summaries of every service (cached). */
  summaries: { get(): Promise<Snapshot> };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, summaries } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

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
    const rows = await readableRows(snapshot.rows, {
      credentials,
      permissions,
      catalog,
    });
    res.json(applyOverviewQuery(rows, query, snapshot.generatedAt));
  });

  /**
   * POST /plan: `{ answers }` -> the planner's design, warnings, compliance
   * preview and cost (200), or every invalid field by its dotted path (400).
   * No side effects: the wizard's review page calls it on every visit.
   */
  router.post('/plan', async (req, res) => {
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
      message: formatIssues(issues),
    },
    response: { statusCode: 400 },
  };
}

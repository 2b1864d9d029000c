import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  AnswerIssue,
  OverviewPage,
  OverviewQuery,
  ServiceCompliance,
  ServiceSlosLive,
} from '@plinth/backstage-plugin-infra-common';
import type {
  ChangePreviewOutcome,
  InfraApi,
  PlanOutcome,
  ServiceChangeSource,
} from './InfraApi';

/** Talks to the infra backend at `/api/infra`. */
export class InfraClient implements InfraApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getOverview(query: OverviewQuery): Promise<OverviewPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    return this.#get('overview', params);
  }

  async getSlosLive(entityRef: string): Promise<ServiceSlosLive> {
    return this.#get('slos/live', new URLSearchParams({ entityRef }));
  }

  async getCompliance(entityRef: string): Promise<ServiceCompliance> {
    return this.#get('compliance', new URLSearchParams({ entityRef }));
  }

  async getSourceFile(entityRef: string, path: string): Promise<string> {
    const params = new URLSearchParams({ entityRef, path });
    const res = await this.#fetch(`/source?${params}`);
    return (await ok(res)).text();
  }

  async plan(answers: unknown): Promise<PlanOutcome> {
    const res = await this.#postAnswers('/plan', answers);
    const issues = await issuesOf(res);
    if (issues) return { ok: false, issues };
    return { ok: true, plan: await (await ok(res)).json() };
  }

  async getServiceChange(
    entityRef: string,
  ): Promise<ServiceChangeSource | undefined> {
    const res = await this.#fetch(changePath(entityRef));
    // Not managed by Plinth, or its repository cannot be read: no change flow.
    if (res.status === 404) return undefined;
    return (await ok(res)).json();
  }

  async previewChange(
    entityRef: string,
    answers: unknown,
  ): Promise<ChangePreviewOutcome> {
    const res = await this.#postAnswers(
      `${changePath(entityRef)}/preview`,
      answers,
    );
    const issues = await issuesOf(res);
    if (issues) return { ok: false, issues };
    return { ok: true, preview: await (await ok(res)).json() };
  }

  /** GET `path` of the infra backend and its JSON body. */
  async #get<T>(path: string, params: URLSearchParams): Promise<T> {
    const res = await this.#fetch(`/${path}?${params}`);
    return (await ok(res)).json();
  }

  #postAnswers(path: string, answers: unknown): Promise<Response> {
    return this.#fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
  }

  /** Every request goes through here: `path` below `/api/infra`, with the user's token. */
  async #fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('infra');
    return this.#fetchApi.fetch(`${baseUrl}${path}`, init);
  }
}

/** `res` when it succeeded; any other response rejects with a ResponseError. */
async function ok(res: Response): Promise<Response> {
  if (!res.ok) {
    throw await ResponseError.fromResponse(res);
  }
  return res;
}

/** `/services/<namespace>/<name>/change`, each part encoded. */
function changePath(entityRef: string): string {
  const { namespace, name } = parseEntityRef(entityRef, {
    defaultKind: 'component',
    defaultNamespace: 'default',
  });
  return `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}/change`;
}

/** The planner's 400 lists every invalid answer; any other 400 is an error. */
async function issuesOf(res: Response): Promise<AnswerIssue[] | undefined> {
  if (res.status !== 400) return undefined;
  const body = await res
    .clone()
    .json()
    .catch(() => undefined);
  return isIssueList(body?.issues) ? body.issues : undefined;
}

function isIssueList(value: unknown): value is AnswerIssue[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      issue =>
        typeof issue?.path === 'string' && typeof issue?.message === 'string',
    )
  );
}

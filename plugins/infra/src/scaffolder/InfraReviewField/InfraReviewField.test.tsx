import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { InfraReviewField, validateInfraReview } from './InfraReviewField';

const server = setupServer();
registerMswTestHooks(server);

const discoveryApi = mockApis.discovery({ baseUrl: 'http://backstage' });
const fetchApi = { fetch: (input: any, init?: any) => fetch(input, init) };
const apis = [
  [discoveryApiRef, discoveryApi],
  [fetchApiRef, fetchApi],
] as const;

const formData = {
  service: { name: 'payments-api', owner: 'group:default/payments' },
  slos: { availability: 99.95, window: '28d' },
  constraints: { complianceFrameworks: ['pci-dss'], monthlyBudgetUsd: 3000 },
  topology: { cloud: 'aws', primaryRegion: 'eu-west-1', vpcCidr: '' },
  publish: { target: 'local' },
};

const plan = {
  design: {
    decisions: [
      {
        id: 'prod.redundancy.multiAz',
        step: 4,
        title: 'prod: multi-AZ',
        value: true,
        reason: '99.95% availability needs more than one availability zone',
        origin: 'derived',
      },
      {
        id: 'iac.tool',
        step: 3,
        title: 'IaC tool',
        value: 'terraform',
        reason: 'answered',
        origin: 'answered',
      },
      {
        id: 'dev.network.cidr',
        step: 2,
        title: 'dev: network block',
        value: '10.20.0.0/16',
        reason: 'answered; each environment has its own network',
        origin: 'answered',
      },
      {
        id: 'security.auditLogRetention',
        step: 5,
        title: 'Audit log retention',
        value: 365,
        reason: 'PCI DSS 10.5.1 keeps audit logs for 12 months',
        origin: 'derived',
      },
    ],
  },
  warnings: [
    {
      code: 'budget-exceeded',
      message: 'The estimate of $4,200 is above the budget of $3,000',
      path: 'constraints.monthlyBudgetUsd',
    },
  ],
  compliance: {
    frameworks: [
      {
        framework: 'pci-dss',
        name: 'PCI DSS v4.0',
        status: 'at-risk',
        counts: { pass: 11, fail: 0, unknown: 1 },
        controls: [
          {
            controlId: 'restoreTested',
            title: 'Restores are tested',
            status: 'unknown',
            fixHint: 'Run a restore test and declare restoreTested',
          },
        ],
      },
    ],
  },
  cost: {
    environments: [
      { environment: 'dev', monthlyUsd: 400 },
      { environment: 'prod', monthlyUsd: 3800 },
    ],
    totalMonthlyUsd: 4200,
    monthlyBudgetUsd: 3000,
    withinBudget: false,
  },
};

async function renderReview(onChange = jest.fn()) {
  await renderInTestApp(
    <InfraReviewField
      {...({
        formData: undefined,
        onChange,
        schema: { type: 'string' },
        uiSchema: {},
        rawErrors: [],
        idSchema: { $id: 'root_review' },
        formContext: { formData },
      } as any)}
    />,
    { apis },
  );
  return onChange;
}

describe('InfraReviewField', () => {
  it('plans only the answers and shows decisions, warnings, compliance and cost', async () => {
    let received: any;
    server.use(
      http.post('http://backstage/api/infra/plan', async ({ request }) => {
        received = await request.json();
        return HttpResponse.json(plan);
      }),
    );

    const onChange = await renderReview();

    expect(await screen.findByTestId('infra-review')).toBeInTheDocument();
    // The field holds the outcome, so that the form runs validateInfraReview on Next.
    expect(onChange).toHaveBeenCalledWith('planned');
    // The publish choice is not an answer, and empty fields are left out.
    expect(received).toEqual({
      answers: {
        service: formData.service,
        slos: formData.slos,
        constraints: formData.constraints,
        topology: { cloud: 'aws', primaryRegion: 'eu-west-1' },
      },
    });
    expect(screen.getByText('4. Reliability')).toBeInTheDocument();
    // A plain answer is called one, not given a made-up reason
    expect(screen.getByText('Your answer')).toBeInTheDocument();
    expect(
      screen.getByText('Your answer: each environment has its own network'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '99.95% availability needs more than one availability zone',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /The estimate of \$4,200 is above the budget of \$3,000/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(
      screen.getByText(/Restores are tested: unknown - Run a restore test/),
    ).toBeInTheDocument();
    expect(screen.getByText('$3,800')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Total \$4,200 per month against a budget of \$3,000: over budget/,
      ),
    ).toBeInTheDocument();
  });

  it('lists invalid answers by their dotted paths', async () => {
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(
          {
            issues: [
              {
                path: 'topology.primaryRegion',
                message: 'eu residency allows eu-west-1, eu-central-1',
              },
            ],
          },
          { status: 400 },
        ),
      ),
    );

    const onChange = await renderReview();

    expect(await screen.findByTestId('infra-review-issues')).toHaveTextContent(
      'topology.primaryRegion: eu residency allows eu-west-1, eu-central-1',
    );
    expect(onChange).toHaveBeenCalledWith('needs-fixes');
  });

  it('shows a server failure as an error, not as an empty review', async () => {
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'planner crashed' } },
          { status: 500 },
        ),
      ),
    );

    await renderReview();

    expect(await screen.findByText(/planner crashed/)).toBeInTheDocument();
    expect(screen.queryByTestId('infra-review')).not.toBeInTheDocument();
  });

  it('blocks Create with one error per invalid answer', async () => {
    server.use(
      http.post('http://backstage/api/infra/plan', () =>
        HttpResponse.json(
          {
            issues: [
              { path: 'service.name', message: 'must be 3-40 characters' },
              {
                path: 'environments.1.name',
                message: "'dev' is used by another environment",
              },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const errors: string[] = [];
    const holder = new Map<any, any>(apis as any);

    await validateInfraReview(
      undefined,
      { addError: m => errors.push(m) },
      { apiHolder: { get: ref => holder.get(ref) }, formData },
    );

    expect(errors).toEqual([
      'service.name: must be 3-40 characters',
      "environments.1.name: 'dev' is used by another environment",
    ]);
  });
});

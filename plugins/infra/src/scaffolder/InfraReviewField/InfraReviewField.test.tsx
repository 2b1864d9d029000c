import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { evaluateCompliance } from '@plinth/backstage-plugin-infra-common';
import type { PlanResult } from '@plinth/backstage-plugin-infra-common';
import { ChangePreview, InfraApi, infraApiRef } from '../../api';
import {
  InfraReviewField,
  formatNumber,
  validateInfraReview,
} from './InfraReviewField';

describe('formatNumber', () => {
  it('rounds for people without losing an objective', () => {
    expect(formatNumber(0.0432000000013)).toBe('0.0432');
    expect(formatNumber(99.9999)).toBe('99.9999');
    expect(formatNumber(99.95)).toBe('99.95');
    expect(formatNumber(21.599999999)).toBe('21.6');
    expect(formatNumber(1234.5678)).toBe('1,235');
    expect(formatNumber(3000)).toBe('3,000');
  });
});

const infraApi = {
  getOverview: jest.fn(),
  plan: jest.fn(),
  getSlosLive: jest.fn(),
  previewChange: jest.fn(),
} satisfies jest.Mocked<InfraApi>;
const apis = [[infraApiRef, infraApi]] as const;

afterEach(() => jest.resetAllMocks());

const formData = {
  service: { name: 'payments-api', owner: 'group:default/payments' },
  slos: { availability: 99.95, window: '28d' },
  constraints: { complianceFrameworks: ['pci-dss'], monthlyBudgetUsd: 3000 },
  topology: { cloud: 'aws', primaryRegion: 'eu-west-1', vpcCidr: '' },
  publish: { target: 'local' },
};

// Only what the review reads; the rest of a PlanResult is left out.
const plan = {
  design: {
    environments: [{ name: 'dev' }, { name: 'prod' }],
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
        counts: { pass: 11, fail: 0, unknown: 1, notApplicable: 0 },
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
      {
        environment: 'dev',
        monthlyUsd: 400,
        byFamily: { compute: 300, database: 100 },
      },
      {
        environment: 'prod',
        monthlyUsd: 3800,
        byFamily: { compute: 2800, database: 1000 },
      },
    ],
    totalMonthlyUsd: 4200,
    priceSource: 'Public on-demand list prices, recorded 2025-06',
    monthlyBudgetUsd: 3000,
    withinBudget: false,
  },
} as unknown as PlanResult;

async function renderReview(onChange = jest.fn(), data: object = formData) {
  // The mock answers at once: let the field take in the outcome inside act.
  await act(async () => {
    await renderInTestApp(
      <InfraReviewField
        {...({
          formData: undefined,
          onChange,
          schema: { type: 'string' },
          uiSchema: {},
          rawErrors: [],
          idSchema: { $id: 'root_review' },
          formContext: { formData: data },
        } as any)}
      />,
      { apis },
    );
  });
  return onChange;
}

describe('InfraReviewField', () => {
  it('plans only the answers and shows decisions, warnings, compliance and cost', async () => {
    infraApi.plan.mockResolvedValue({ ok: true, plan });

    const onChange = await renderReview();

    expect(await screen.findByTestId('infra-review')).toBeInTheDocument();
    // The field holds the outcome, so that the form runs validateInfraReview on Next.
    expect(onChange).toHaveBeenCalledWith('planned');
    // The publish choice is not an answer, and empty fields are left out.
    expect(infraApi.plan).toHaveBeenCalledWith({
      service: formData.service,
      slos: formData.slos,
      constraints: formData.constraints,
      topology: { cloud: 'aws', primaryRegion: 'eu-west-1' },
    });
    // Cost by component and environment, the total against the budget, the price list
    const cost = within(screen.getByTestId('review-cost'));
    const compute = cost.getByRole('row', { name: /Compute \(replicas\)/ });
    expect(within(compute).getByText('$2,800')).toBeInTheDocument();
    expect(within(compute).getByText('$3,100')).toBeInTheDocument();
    expect(cost.getByText('$3,800')).toBeInTheDocument();
    expect(
      cost.getByText(
        /Total \$4,200 per month against a budget of \$3,000: over budget/,
      ),
    ).toBeInTheDocument();
    expect(cost.getByTestId('price-source')).toHaveTextContent(
      'Prices: Public on-demand list prices, recorded 2025-06.',
    );
    // A warning names its answer in words and leads back to it
    expect(
      screen.getByText(
        /The estimate of \$4,200 is above the budget of \$3,000/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Workloads, SLOs and constraints, Monthly budget (USD)',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('At risk')).toBeInTheDocument();
    expect(
      screen.getByText(/Restores are tested: unknown - Run a restore test/),
    ).toBeInTheDocument();

    // Decisions: one collapsed group per step, saying what Plinth decided there
    const steps = screen.getAllByTestId('review-step');
    expect(steps.map(s => within(s).getAllByRole('button')[0])).toHaveLength(4);
    const security = steps.find(s => s.textContent?.includes('5. Security'))!;
    expect(security).toHaveTextContent(
      'Plinth decided 1: Audit log retention 365',
    );
    expect(
      screen.queryByText(/PCI DSS 10.5.1 keeps audit logs/),
    ).not.toBeInTheDocument();
    await userEvent.click(within(security).getAllByRole('button')[0]);
    expect(
      await screen.findByText(/PCI DSS 10.5.1 keeps audit logs for 12 months/),
    ).toBeInTheDocument();
    // A plain answer is called one, not given a made-up reason
    const iac = steps.find(s => s.textContent?.includes('3. Infrastructure'))!;
    await userEvent.click(within(iac).getAllByRole('button')[0]);
    expect(await within(iac).findByText('Your answers')).toBeInTheDocument();
    expect(within(iac).getByText('IaC tool: terraform')).toBeInTheDocument();
    // Per-environment settings side by side, behind their own toggle
    const reliability = steps.find(s =>
      s.textContent?.includes('4. Reliability'),
    )!;
    await userEvent.click(within(reliability).getAllByRole('button')[0]);
    await userEvent.click(
      await within(reliability).findByText('Per environment: multi-AZ'),
    );
    const table = await within(reliability).findByRole('table', {
      name: 'Reliability, per environment',
    });
    const row = within(table).getByRole('row', { name: /multi-AZ/ });
    expect(row).toHaveTextContent('yes');
    expect(row).toHaveTextContent(
      '99.95% availability needs more than one availability zone',
    );
  });

  it('previews a design without production as unknown, with the reason', async () => {
    const compliance = evaluateCompliance(
      ['pci-dss'],
      [
        {
          name: 'dev',
          stage: 'development',
          controls: { encryptionAtRest: 'managed-key' },
        },
      ],
    );
    infraApi.plan.mockResolvedValue({
      ok: true,
      plan: { ...plan, compliance },
    });
    await renderReview();
    expect(await screen.findByTestId('infra-review')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Unknown: no production environment\. Add a production environment/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Compliant')).toBeNull();
  });

  it('lists invalid answers by page and field, each leading back to its page', async () => {
    infraApi.plan.mockResolvedValue({
      ok: false,
      issues: [
        {
          path: 'topology.primaryRegion',
          message: 'eu residency allows eu-west-1, eu-central-1',
        },
      ],
    });

    const onChange = await renderReview();

    // The stepper's label of page 2, which the link clicks to go back
    const step = document.createElement('span');
    step.setAttribute('aria-label', 'Step 2');
    const stepClicked = jest.fn();
    step.addEventListener('click', stepClicked);
    document.body.appendChild(step);

    expect(await screen.findByTestId('infra-review-issues')).toHaveTextContent(
      'Environments and topology, Primary region: eu residency allows eu-west-1, eu-central-1',
    );
    expect(screen.getByTestId('infra-review-issues')).not.toHaveTextContent(
      'topology.primaryRegion',
    );
    expect(onChange).toHaveBeenCalledWith('needs-fixes');
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Environments and topology, Primary region',
      }),
    );
    expect(stepClicked).toHaveBeenCalled();
    step.remove();
  });

  it('shows a server failure as an error, not as an empty review', async () => {
    infraApi.plan.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'planner crashed' },
            response: { statusCode: 500 },
          }),
          { status: 500, headers: { 'Content-Type': 'application/json' } },
        ),
      ),
    );

    const onChange = await renderReview();

    expect(await screen.findByText('planner crashed')).toBeInTheDocument();
    expect(screen.queryByTestId('infra-review')).not.toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('blocks Create with one error per invalid answer', async () => {
    infraApi.plan.mockResolvedValue({
      ok: false,
      issues: [
        { path: 'service.name', message: 'must be 3-40 characters' },
        {
          path: 'environments.1.name',
          message: "'dev' is used by another environment",
        },
      ],
    });
    const errors: string[] = [];
    const holder = new Map<any, any>(apis as any);

    await validateInfraReview(
      undefined,
      { addError: m => errors.push(m) },
      { apiHolder: { get: ref => holder.get(ref) }, formData },
    );

    expect(errors).toEqual([
      'Workloads, SLOs and constraints, Service name: must be 3-40 characters',
      "Environments and topology, Environment 2, name: 'dev' is used by another environment",
    ]);
  });

  it('lets Create through when the answers plan', async () => {
    infraApi.plan.mockResolvedValue({ ok: true, plan });
    const errors: string[] = [];
    const holder = new Map<any, any>(apis as any);

    await validateInfraReview(
      'planned',
      { addError: m => errors.push(m) },
      { apiHolder: { get: ref => holder.get(ref) }, formData },
    );

    expect(errors).toEqual([]);
    expect(infraApi.plan).toHaveBeenCalledWith({
      service: formData.service,
      slos: formData.slos,
      constraints: formData.constraints,
      topology: { cloud: 'aws', primaryRegion: 'eu-west-1' },
    });
  });
});

describe('InfraReviewField in change mode', () => {
  const preview: ChangePreview = {
    decisions: {
      added: [
        {
          id: 'staging.network.cidr',
          title: 'staging: network block',
          step: 2,
          after: '10.21.0.0/16',
          reason: 'each environment has its own network',
        },
      ],
      changed: [
        {
          id: 'prod.redundancy.multiAz',
          title: 'prod: multi-AZ',
          step: 4,
          before: false,
          after: true,
          reason: '99.95% availability needs more than one availability zone',
        },
      ],
      removed: [],
    },
    cost: [
      { environment: 'staging', before: null, after: 310.5, delta: 310.5 },
      { environment: 'prod', before: 1000, after: 1400, delta: 400 },
    ],
    compliance: [
      {
        framework: 'pci-dss',
        before: { status: 'at-risk', pass: 10, fail: 1, unknown: 1 },
        after: { status: 'compliant', pass: 12, fail: 0, unknown: 0 },
      },
    ],
    files: {
      added: ['terraform/envs/staging/main.tf'],
      changed: ['slos/payments-api-availability.yaml', '.plinth/answers.yaml'],
      removed: [],
      conflicts: ['README.md'],
    },
  } as ChangePreview;
  const changeData = { ...formData, mode: 'change' };

  it('shows decisions, cost, compliance and files that the change alters', async () => {
    infraApi.plan.mockResolvedValue({ ok: true, plan });
    infraApi.previewChange.mockResolvedValue({ ok: true, preview });

    await renderReview(jest.fn(), changeData);

    const review = await screen.findByTestId('change-review');
    expect(infraApi.previewChange).toHaveBeenCalledWith(
      'component:default/payments-api',
      {
        service: formData.service,
        slos: formData.slos,
        constraints: formData.constraints,
        topology: { cloud: 'aws', primaryRegion: 'eu-west-1' },
      },
    );
    const decisions = within(review).getByTestId('change-decisions');
    expect(decisions).toHaveTextContent(
      'Added (1)staging: network block: 10.21.0.0/16',
    );
    expect(decisions).toHaveTextContent('prod: multi-AZ: no → yes');
    expect(decisions).toHaveTextContent(
      'Why: 99.95% availability needs more than one availability zone',
    );
    const rows = within(review).getAllByTestId('change-cost-row');
    expect(rows[0]).toHaveTextContent('staging (new)-$311+$311');
    expect(rows[1]).toHaveTextContent('prod$1,000$1,400+$400');
    expect(within(review).getByTestId('change-cost')).toHaveTextContent(
      'Per month+$711',
    );
    expect(within(review).getByTestId('change-framework')).toHaveTextContent(
      'PCI DSS: At risk (10 met, 1 not met, 1 unknown) → Compliant (12 met, 0 not met, 0 unknown)',
    );
    expect(within(review).getByTestId('change-files-added')).toHaveTextContent(
      'terraform/envs/staging/main.tf',
    );
    expect(
      within(review).getByTestId('change-files-changed'),
    ).toHaveTextContent('Changed (2)');
    expect(
      within(review).getByTestId('change-files-conflicts'),
    ).toHaveTextContent('README.md');
    expect(within(review).queryByTestId('change-files-removed')).toBeNull();
    // The design after the change is still reviewed below
    expect(screen.getByTestId('review-cost')).toBeInTheDocument();
  });

  it('does not ask for a change preview when creating a service', async () => {
    infraApi.plan.mockResolvedValue({ ok: true, plan });
    await renderReview();
    expect(await screen.findByTestId('infra-review')).toBeInTheDocument();
    expect(infraApi.previewChange).not.toHaveBeenCalled();
    expect(screen.queryByTestId('change-review')).toBeNull();
  });

  it('still reviews the design when the change preview fails, saying so', async () => {
    infraApi.plan.mockResolvedValue({ ok: true, plan });
    infraApi.previewChange.mockRejectedValue(
      new Error('repository unreadable'),
    );
    await renderReview(jest.fn(), changeData);
    expect(await screen.findByTestId('change-error')).toHaveTextContent(
      'What the change does could not be worked out: repository unreadable',
    );
    expect(screen.getByTestId('review-cost')).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  ComplianceReport,
  DeclaredControls,
  EnvironmentView,
  evaluateCompliance,
  parseEnvironment,
  withCodeEvidence,
} from '@plinth/backstage-plugin-infra-common';
import { ComplianceCard, fileLink } from './ComplianceCard';

/** An environment entity as the catalog holds it, read by infra-common's parser. */
function environment(
  name: string,
  stage: string,
  controls: DeclaredControls,
): EnvironmentView {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: `payments-api-${name}`, namespace: 'default' },
    spec: {
      type: 'environment',
      owner: 'group:default/payments',
      dependencyOf: ['component:default/payments-api'],
      environment: {
        name,
        stage,
        cloud: 'aws',
        regions: ['eu-west-1'],
        multiAz: stage === 'production',
        multiRegion: false,
        // DeclaredControls holds only strings, numbers and booleans: JSON as is
        controls: controls as JsonObject,
      },
    },
  };
  const parsed = parseEnvironment(entity);
  if (!parsed.ok) {
    throw new Error(`fixture ${name} must parse: ${JSON.stringify(parsed)}`);
  }
  return parsed.value;
}

// Staging is in order; production stores data unencrypted and does not say
// whether it keeps flow logs.
const staging = environment('staging', 'staging', {
  encryptionAtRest: 'managed-key',
  encryptionInTransit: true,
  tlsMinVersion: '1.2',
  auditLogging: true,
  auditLogRetentionDays: 365,
  flowLogs: true,
  leastPrivilegeRoles: true,
  secretsManagement: true,
});
const prod = environment('prod', 'production', {
  encryptionAtRest: 'none',
  encryptionInTransit: true,
  tlsMinVersion: '1.2',
  auditLogging: true,
  auditLogRetentionDays: 365,
  backups: true,
  backupRetentionDays: 35,
  leastPrivilegeRoles: true,
  secretsManagement: true,
});

const report = evaluateCompliance(['soc2', 'pci-dss'], [staging, prod]);

const renderCard = (r: ComplianceReport) =>
  renderInTestApp(<ComplianceCard report={r} />);

const order = { fail: 0, unknown: 1, pass: 2 } as const;

const STATUS = {
  compliant: ['Compliant', 'CheckCircleOutlineIcon'],
  'at-risk': ['At risk', 'WarningAmberIcon'],
  'non-compliant': ['Non compliant', 'ErrorOutlineIcon'],
  unknown: ['Unknown', 'HelpOutlineIcon'],
} as const;

const CONTROL_STATUS = {
  fail: ['Fails', 'CancelOutlinedIcon'],
  unknown: ['No data', 'HelpOutlineIcon'],
  pass: ['Passes', 'CheckCircleOutlineIcon'],
} as const;

describe('ComplianceCard', () => {
  it('shows each framework with its status in words and an icon', async () => {
    // A recommended control fails for SOC 2, a required one for PCI DSS.
    expect(report.frameworks.map(fw => [fw.framework, fw.status])).toEqual([
      ['soc2', 'at-risk'],
      ['pci-dss', 'non-compliant'],
    ]);
    await renderCard(report);
    const frameworks = screen.getAllByTestId('framework');
    expect(frameworks).toHaveLength(2);

    report.frameworks.forEach((fw, i) => {
      const card = within(frameworks[i]);
      expect(card.getByRole('heading', { name: fw.name })).toBeInTheDocument();
      const [words, icon] = STATUS[fw.status];
      const label = card.getByText(words).closest('[data-status]')!;
      expect(label).toHaveAttribute('data-status', fw.status);
      expect(label.querySelector(`[data-testid="${icon}"]`)).not.toBeNull();
      expect(
        card.getByText(
          `${fw.counts.fail} failing, ${fw.counts.unknown} without data, ${fw.counts.pass} passing`,
        ),
      ).toBeInTheDocument();
    });
  });

  it('lists failing controls first, then those without data, then passing ones', async () => {
    await renderCard(report);
    const soc2 = screen.getAllByTestId('framework')[0];
    const statuses = within(soc2)
      .getAllByTestId('control')
      .map(c => c.getAttribute('data-status') as keyof typeof order);

    expect(statuses).toContain('fail');
    expect(statuses).toContain('unknown');
    expect(statuses).toContain('pass');
    expect(statuses).not.toContain('not-applicable');
    const ranks = statuses.map(s => order[s]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const { fail, unknown, pass } = report.frameworks[0].counts;
    expect(statuses).toHaveLength(fail + unknown + pass);
  });

  it('shows each control in words and with its own icon', async () => {
    await renderCard(report);
    const frameworks = screen.getAllByTestId('framework');
    report.frameworks.forEach((fw, i) => {
      const shown = within(frameworks[i]).getAllByTestId('control');
      const listed = fw.controls.filter(c => c.status !== 'not-applicable');
      expect(shown).toHaveLength(listed.length);
      listed.forEach((result, j) => {
        const control = shown[j];
        const [words, icon] =
          CONTROL_STATUS[result.status as keyof typeof CONTROL_STATUS];
        expect(control).toHaveAttribute('data-status', result.status);
        expect(control).toHaveTextContent(`${words}: ${result.title}`);
        expect(control.querySelector(`[data-testid="${icon}"]`)).not.toBeNull();
      });
    });
  });

  it('gives a failing control its fix hint, requirement ids and evidence per environment', async () => {
    await renderCard(report);
    const pci = screen.getAllByTestId('framework')[1];
    const result = report.frameworks[1].controls[0];
    expect(result).toMatchObject({
      controlId: 'encryption-at-rest-managed-key',
      status: 'fail',
      severity: 'required',
    });
    expect(result.requirementIds.length).toBeGreaterThan(0);

    const control = within(pci).getAllByTestId('control')[0];
    expect(control).toHaveTextContent(`Fails: ${result.title}`);
    expect(
      within(control).getByText(`Fix: ${result.fixHint}`),
    ).toBeInTheDocument();
    expect(
      within(control).getByText(
        `Requirements: ${result.requirementIds.join(', ')}`,
      ),
    ).toBeInTheDocument();
    expect(
      within(control)
        .getAllByTestId('evidence')
        .map(e => e.textContent),
    ).toEqual([
      'staging: encryptionAtRest = managed-key (declared only)',
      'prod: encryptionAtRest = none (declared only)',
    ]);
  });

  it('gives every control that fails or lacks data a fix hint, and passing ones none', async () => {
    await renderCard(report);
    const controls = screen.getAllByTestId('control');
    const hints = controls.map(c => ({
      status: c.getAttribute('data-status'),
      fix: within(c).queryByText(/^Fix: \S/)?.textContent ?? null,
    }));
    expect(hints.some(h => h.status === 'pass')).toBe(true);
    expect(hints.filter(h => h.status === 'pass' && h.fix)).toEqual([]);
    expect(hints.filter(h => h.status !== 'pass' && !h.fix)).toEqual([]);
  });

  it('says which environment does not declare a control', async () => {
    await renderCard(report);
    const soc2 = screen.getAllByTestId('framework')[0];
    const flowLogs = within(soc2)
      .getAllByTestId('control')
      .find(c => within(c).queryAllByText(/flowLogs/).length > 0)!;
    expect(flowLogs).toHaveAttribute('data-status', 'unknown');
    expect(
      within(flowLogs)
        .getAllByTestId('evidence')
        .map(e => e.textContent),
    ).toEqual([
      'staging: flowLogs = true (declared only)',
      'prod: flowLogs = not declared (declared only)',
    ]);
  });

  it('says where code evidence was read, links each file:line and flags a declaration the code does not implement', async () => {
    const findings = {
      errors: [],
      fields: {
        encryptionAtRest: {
          ruleId: 'code-encryption-at-rest',
          value: 'provider-managed',
          locations: [
            {
              file: 'terraform/modules/data/main.tf',
              line: 45,
              found:
                'azurerm_postgresql_flexible_server.main: dynamic customer_managed_key is empty',
            },
          ],
        },
      },
    };
    const declaredProd = environment('prod', 'production', {
      encryptionAtRest: 'managed-key',
    });
    const source = {
      location: 'url:https://github.com/acme/records-api-infra/tree/main',
      revision: 'etag-1',
      readAt: '2026-12-01T23:00:00.000Z',
    };
    const withCode = withCodeEvidence(declaredProd, findings, source);
    const hipaa = evaluateCompliance(['hipaa'], [withCode]);
    await renderInTestApp(
      <ComplianceCard
        report={hipaa}
        evidence={{
          entityRef: 'component:default/payments-api',
          report: hipaa,
          environments: [
            {
              entityRef: 'resource:default/payments-api-prod',
              iacPath: 'terraform/envs/prod',
              source,
              errors: [],
            },
          ],
          generatedAt: source.readAt,
        }}
      />,
    );
    expect(screen.getByTestId('evidence-source')).toHaveTextContent(
      'Evidence from the code of 1 environment (url:https://github.com/acme/records-api-infra/tree/main at etag-1), read 2026-12-01T23:00:00.000Z.',
    );
    const cmk = screen
      .getAllByTestId('control')
      .find(c => within(c).queryByText(/customer-managed key/))!;
    expect(cmk).toHaveAttribute('data-status', 'fail');
    const evidence = within(cmk).getByTestId('evidence');
    expect(evidence).toHaveAttribute('data-source', 'code');
    expect(evidence).toHaveTextContent(
      'prod: encryptionAtRest = provider-managed in code (declared, not found in code: declared managed-key)',
    );
    expect(within(evidence).getByTestId('evidence-link')).toHaveAttribute(
      'href',
      'https://github.com/acme/records-api-infra/blob/main/terraform/modules/data/main.tf#L45',
    );
  });

  it("links a local repository's file:line to the portal's source page, a URL one to its host", () => {
    const at = { file: 'terraform/modules/data/main.tf', line: 45, found: 'x' };
    expect(
      fileLink(
        'file:/srv/repos/records-api',
        at,
        'resource:default/records-api-prod',
      ),
    ).toBe(
      '/infra-source?entityRef=resource%3Adefault%2Frecords-api-prod&path=terraform%2Fmodules%2Fdata%2Fmain.tf&line=45#L45',
    );
    expect(fileLink('file:/srv/repos/records-api', at)).toBeUndefined();
    expect(
      fileLink('url:https://gitlab.example.com/acme/x/-/tree/main/', at),
    ).toBe(
      'https://gitlab.example.com/acme/x/-/blob/main/terraform/modules/data/main.tf#L45',
    );
  });

  it('is unknown with its reason when the service has no production environment', async () => {
    const noProd = evaluateCompliance(['soc2', 'pci-dss'], [staging]);
    await renderCard(noProd);
    for (const fw of screen.getAllByTestId('framework')) {
      expect(within(fw).getByText('Unknown')).toBeInTheDocument();
      expect(within(fw).getByTestId('framework-reason')).toHaveTextContent(
        'Unknown: no production environment',
      );
    }
    expect(screen.getByTestId('evidence-source')).toHaveTextContent(
      /^Declared only/,
    );
  });

  it('says how to name a framework when the service has none', async () => {
    await renderCard(evaluateCompliance([], [prod]));
    expect(screen.queryByTestId('framework')).toBeNull();
    expect(
      screen.getByText(/This service names no compliance framework/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('plinth.dev/compliance-frameworks'),
    ).toBeInTheDocument();
  });

  it('explains an unknown status when no control could be evaluated, and how to fix it', async () => {
    const empty = evaluateCompliance(['soc2'], []);
    expect(empty.frameworks[0].status).toBe('unknown');
    expect(
      empty.frameworks[0].controls.every(c => c.status === 'not-applicable'),
    ).toBe(true);

    await renderCard(empty);
    const fw = screen.getByTestId('framework');
    expect(within(fw).getByText('Unknown')).toBeInTheDocument();
    expect(
      within(fw).getByText(/No environment declares its controls yet/),
    ).toHaveTextContent(/spec\.environment\.controls/);
    expect(within(fw).queryByText(/0 failing/)).toBeNull();
    expect(within(fw).queryByTestId('control')).toBeNull();
  });

  it('keeps the counts when environments exist but declare nothing', async () => {
    const silent = evaluateCompliance(
      ['soc2'],
      [environment('prod', 'production', {})],
    );
    const { unknown } = silent.frameworks[0].counts;
    expect(unknown).toBeGreaterThan(0);

    await renderCard(silent);
    const fw = screen.getByTestId('framework');
    expect(
      within(fw).getByText(`0 failing, ${unknown} without data, 0 passing`),
    ).toBeInTheDocument();
    expect(
      within(fw).queryByText(/No environment declares its controls yet/),
    ).toBeNull();
  });
});

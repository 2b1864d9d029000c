import { screen, within } from '@testing-library/react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EnvironmentView,
  parseEnvironment,
} from '@plinth/backstage-plugin-infra-common';
import { Parsed } from '../../hooks/useServiceInfra';
import {
  environment as sharedEnvironment,
  prod as sharedProd,
} from '@plinth/backstage-plugin-infra-common/testUtils';
import { EnvironmentsCard } from './EnvironmentsCard';

const INFRA_SOURCE = 'url:https://github.com/acme/payments-api-infra';

/** An environment of payments-api, from the shared test entities. */
function environmentEntity(
  name: string,
  environment: Record<string, unknown>,
  iacPath?: string,
): Entity {
  return sharedEnvironment(
    'payments-api',
    name,
    { name, ...environment },
    iacPath ? { annotations: { 'plinth.dev/iac-path': iacPath } } : {},
  );
}

const prod = sharedProd(
  'payments-api',
  {
    encryptionAtRest: 'managed-key',
    tlsMinVersion: '1.2',
    auditLogging: true,
    auditLogRetentionDays: 365,
    backups: true,
    backupRetentionDays: 35,
    dataResidency: 'eu',
    waf: true,
  },
  { regions: ['eu-west-1', 'eu-central-1'], multiRegion: true },
  { annotations: { 'plinth.dev/iac-path': 'terraform/envs/prod' } },
);

const dev = environmentEntity(
  'dev',
  {
    stage: 'development',
    cloud: 'gcp',
    regions: ['europe-west1'],
    multiAz: false,
    multiRegion: false,
    controls: {
      auditLogging: false,
      backups: false,
      privateDataTier: false,
    },
  },
  'terraform/envs/dev',
);

/** An environment entity read by infra-common's parser, as useServiceInfra hands it over. */
function parsed(entity: Entity): Parsed<EnvironmentView> {
  return {
    entityRef: stringifyEntityRef(entity),
    ...parseEnvironment(entity),
  } as Parsed<EnvironmentView>;
}

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

const renderCard = (
  environments: Parsed<EnvironmentView>[],
  infraSource?: string,
) =>
  renderInTestApp(
    <EnvironmentsCard environments={environments} infraSource={infraSource} />,
  );

describe('EnvironmentsCard', () => {
  it('shows stage, cloud, regions, redundancy, DR pattern and key controls, in stage order', async () => {
    await renderCard([parsed(prod), parsed(dev)], INFRA_SOURCE);
    const rows = screen.getAllByTestId('environment-row');
    expect(rows).toHaveLength(2);

    expect(cells(rows[0]).slice(0, 7)).toEqual([
      'dev',
      'development',
      'gcp',
      'europe-west1',
      'No',
      'No',
      'not declared',
    ]);
    expect(cells(rows[1]).slice(0, 7)).toEqual([
      'prod',
      'production',
      'aws',
      'eu-west-1, eu-central-1',
      'Yes',
      'Yes',
      'warm-standby',
    ]);

    const chips = (row: HTMLElement) =>
      Array.from(row.querySelectorAll('[class*="MuiChip-label"]')).map(
        chip => chip.textContent,
      );
    expect(chips(rows[1])).toEqual([
      'Encryption at rest: managed-key',
      'TLS 1.2+',
      'Audit logs 365 d',
      'Backups 35 d',
      'Residency: eu',
      'WAF',
    ]);
    expect(chips(rows[0])).toEqual([
      'No audit logs',
      'No backups',
      'Public data tier',
    ]);
  });

  it('links each IaC folder and the docs in the infrastructure repository', async () => {
    await renderCard([parsed(prod)], INFRA_SOURCE);
    const row = screen.getByTestId('environment-row');
    expect(
      within(row).getByRole('link', { name: /^IaC folder/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/terraform/envs/prod',
    );
    expect(within(row).getByRole('link', { name: /^Docs/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api-infra/tree/HEAD/docs',
    );
  });

  it('shows the IaC path without a link when the service has no infra source', async () => {
    await renderCard([parsed(prod)]);
    const row = screen.getByTestId('environment-row');
    expect(within(row).queryByRole('link')).toBeNull();
    expect(within(row).getByText('terraform/envs/prod')).toBeInTheDocument();
  });

  it('shows what is wrong with an environment that cannot be read, and keeps the rest', async () => {
    const broken = parsed(
      environmentEntity('qa', { stage: 'qa', cloud: 'aws', regions: [] }),
    );
    expect(broken.ok).toBe(false);

    await renderCard([broken, parsed(prod)], INFRA_SOURCE);
    expect(screen.getAllByTestId('environment-row')).toHaveLength(1);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'resource:default/payments-api-qa: cannot be read',
    );
    expect(
      within(alert).getByText('spec.environment.stage'),
    ).toBeInTheDocument();
  });

  it('says how to add an environment when the service has none', async () => {
    await renderCard([], INFRA_SOURCE);
    expect(screen.queryByRole('table')).toBeNull();
    expect(
      screen.getByText(/No environment in the catalog for this service/),
    ).toHaveTextContent(/Resource of type environment with spec.dependencyOf/);
  });
});

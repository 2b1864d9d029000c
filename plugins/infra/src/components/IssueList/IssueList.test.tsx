import { render, screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { parseEnvironment } from '@plinth/backstage-plugin-infra-common';
import { IssueList } from './IssueList';

// An environment the catalog holds with an unknown stage and no cloud.
const broken: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'legacy-billing-qa', namespace: 'default' },
  spec: {
    type: 'environment',
    owner: 'group:default/billing',
    dependencyOf: ['component:default/legacy-billing'],
    environment: { name: 'qa', stage: 'qa', regions: ['eu-west-1'] },
  },
};

describe('IssueList', () => {
  it("lists each of the parser's problems with its dotted path and message", () => {
    const result = parseEnvironment(broken);
    expect(result.ok).toBe(false);
    expect(result.issues.length).toBeGreaterThan(1);

    render(
      <IssueList
        entityRef="resource:default/legacy-billing-qa"
        issues={result.issues}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(
      within(alert).getByText(
        'resource:default/legacy-billing-qa: cannot be read',
      ),
    ).toBeInTheDocument();
    const items = within(alert).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual(
      result.issues.map(i => `${i.path}: ${i.message}`),
    );
    expect(within(alert).getByText('spec.environment.stage').tagName).toBe(
      'CODE',
    );
  });

  it('says the entity was read with problems when they are warnings', () => {
    render(
      <IssueList
        entityRef="slo:default/payments-api-availability"
        severity="warning"
        issues={[
          {
            path: 'metadata.annotations["plinth.dev/owner"]',
            message: 'expected an entity ref such as group:default/payments',
          },
        ]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'slo:default/payments-api-availability: read with problems',
    );
    expect(alert).not.toHaveTextContent('cannot be read');
    expect(alert.className).toMatch(/Warning/);
  });

  it('names the entity itself when a problem has no path', () => {
    render(
      <IssueList
        entityRef="resource:default/x"
        issues={[{ path: '', message: 'expected an object' }]}
      />,
    );
    expect(screen.getByRole('listitem')).toHaveTextContent(
      '(entity): expected an object',
    );
  });

  it('renders nothing when there is no problem', () => {
    const { container } = render(
      <IssueList entityRef="resource:default/x" issues={[]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

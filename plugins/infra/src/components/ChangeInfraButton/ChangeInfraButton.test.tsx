import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { InfraApi, infraApiRef } from '../../api';
import {
  ChangeInfraButton,
  changeWizardUrl,
  githubRepoUrl,
} from './ChangeInfraButton';

const answers = {
  service: { name: 'payments-api', owner: 'group:default/payments' },
  slos: { availability: 99.9 },
};

function apiWith(getServiceChange: InfraApi['getServiceChange']) {
  const api: InfraApi = {
    getOverview: jest.fn(),
    plan: jest.fn(),
    getSlosLive: jest.fn(),
    getServiceChange,
  };
  return [[infraApiRef, api]] as const;
}

describe('ChangeInfraButton', () => {
  it('opens the wizard in change mode with the stored answers', async () => {
    const getServiceChange = jest.fn(async () => ({
      answers,
      generation: { plinthVersion: '0.1.0', designVersion: '1' },
      source: { type: 'local' as const, target: 'payments-api-infra' },
    }));
    await renderInTestApp(
      <ChangeInfraButton entityRef="component:default/payments-api" />,
      { apis: apiWith(getServiceChange) },
    );
    const link = await screen.findByRole('button', {
      name: 'Change infrastructure',
    });
    expect(getServiceChange).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    const url = new URL(link.getAttribute('href')!, 'http://portal');
    expect(url.pathname).toBe('/create/templates/default/infra-request');
    // The scaffolder parses the formData query parameter as the initial form data.
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      ...answers,
      mode: 'change',
    });
  });

  it('is not offered for a service Plinth does not manage or cannot read', async () => {
    await renderInTestApp(
      <div data-testid="tab">
        <ChangeInfraButton entityRef="component:default/legacy-api" />
      </div>,
      { apis: apiWith(jest.fn(async () => undefined)) },
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.getByTestId('tab')).toBeEmptyDOMElement();

    await renderInTestApp(
      <div data-testid="tab2">
        <ChangeInfraButton entityRef="component:default/legacy-api" />
      </div>,
      { apis: apiWith(jest.fn(async () => Promise.reject(new Error('500')))) },
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.getByTestId('tab2')).toBeEmptyDOMElement();
  });

  it('keeps the answers intact through the URL', () => {
    const url = new URL(
      changeWizardUrl({ service: { description: 'a & b = "c"?' } }),
      'http://portal',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      service: { description: 'a & b = "c"?' },
      mode: 'change',
    });
  });

  it('sends a change of a GitHub repository to a pull request on that repository', () => {
    const target = 'https://github.com/acme/payments-api-infra/tree/main';
    const url = new URL(
      changeWizardUrl(answers, { type: 'url', target }),
      'http://portal',
    );
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      ...answers,
      mode: 'change',
      changeSource: target,
      publish: {
        target: 'github',
        repoUrl: 'github.com?owner=acme&repo=payments-api-infra',
      },
    });
  });

  it('keeps a local repository and any URL that is not GitHub on the local flow', () => {
    for (const source of [
      { type: 'local' as const, target: 'payments-api-infra' },
      {
        type: 'url' as const,
        target: 'https://gitlab.com/acme/infra/-/tree/main',
      },
      { type: 'url' as const, target: 'not a url' },
    ]) {
      const url = new URL(changeWizardUrl(answers, source), 'http://portal');
      expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
        ...answers,
        mode: 'change',
      });
    }
    expect(githubRepoUrl('https://github.com/acme')).toBeUndefined();
  });
});

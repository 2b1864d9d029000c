import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { mockBackend } from '../../__testUtils__/backend';
import { infraApiRef, InfraClient } from '../../api';
import { SourcePage, sourcePageLink } from './SourcePage';

const { server, discoveryApi, fetchApi } = mockBackend();
const apis = [
  [infraApiRef, new InfraClient({ discoveryApi, fetchApi })],
] as const;
const ENV = 'resource:default/records-api-prod';
const FILE = 'terraform/modules/data/main.tf';

describe('SourcePage', () => {
  beforeAll(() => {
    Element.prototype.scrollIntoView = jest.fn();
  });

  it('shows the file the backend serves with line numbers, the evidence line marked', async () => {
    let asked: URLSearchParams | undefined;
    server.use(
      http.get('http://backstage/api/infra/source', ({ request }) => {
        asked = new URL(request.url).searchParams;
        return HttpResponse.text('resource "a" "b" {\n  x = 1\n}\n');
      }),
    );
    await renderInTestApp(<SourcePage />, {
      apis,
      initialRouteEntries: [sourcePageLink(ENV, FILE, 2)],
    });
    const marked = await screen.findByTestId('source-line-marked');
    expect(marked).toHaveTextContent('2 x = 1');
    expect(marked).toHaveAttribute('id', 'L2');
    expect(asked?.get('entityRef')).toBe(ENV);
    expect(asked?.get('path')).toBe(FILE);
    expect(screen.getByRole('heading', { name: FILE })).toBeInTheDocument();
  });

  it("shows the backend's refusal", async () => {
    server.use(
      http.get('http://backstage/api/infra/source', () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'No entity x' } },
          { status: 404 },
        ),
      ),
    );
    await renderInTestApp(<SourcePage />, {
      apis,
      initialRouteEntries: [sourcePageLink(ENV, '../x.tf', 1)],
    });
    expect(await screen.findByText(/No entity x/)).toBeInTheDocument();
    expect(screen.queryByTestId('source')).not.toBeInTheDocument();
  });
});

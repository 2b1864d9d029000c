import { infraPlugin } from './plugin';

describe('infra plugin', () => {
  it.each([
    'api:infra',
    'page:infra',
    'entity-content:infra',
    'entity-card:infra/slos',
    'entity-card:infra/environments',
    'entity-card:infra/compliance',
    'entity-card:infra/rollup',
  ])('provides %s', id => {
    expect(infraPlugin.getExtension(id as any)).toBeDefined();
  });
});

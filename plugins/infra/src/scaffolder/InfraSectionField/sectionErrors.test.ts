import { addSectionErrors, renderedFieldPath } from './sectionErrors';

const topology = {
  type: 'object',
  properties: {
    vpcCidr: { type: 'string' },
    secondaryRegions: { type: 'array', items: { type: 'string' } },
  },
};
const topologyUi = { secondaryRegions: { 'ui:field': 'RegionPicker' } };
const environments = {
  type: 'array',
  items: {
    type: 'object',
    properties: { name: { type: 'string' }, stage: { type: 'string' } },
  },
};

describe('renderedFieldPath', () => {
  it('goes as deep as the form renders fields', () => {
    expect(renderedFieldPath(topology, topologyUi, ['vpcCidr'])).toEqual([
      'vpcCidr',
    ]);
    // a custom field shows the errors of its items itself
    expect(
      renderedFieldPath(topology, topologyUi, ['secondaryRegions', '0']),
    ).toEqual(['secondaryRegions']);
    expect(renderedFieldPath(environments, {}, ['1', 'name'])).toEqual([
      '1',
      'name',
    ]);
    expect(renderedFieldPath(topology, {}, ['multiRegion'])).toEqual([]);
  });
});

describe('addSectionErrors', () => {
  it('puts each issue of the section under its field and clears the section list', () => {
    const errors: any = { __errors: [] };
    addSectionErrors(
      errors,
      'environments',
      [
        { path: 'environments.1.name', message: "'dev' is used" },
        { path: 'topology.vpcCidr', message: 'other section' },
      ],
      environments,
      {},
    );
    // without __errors on the section, the stepper looks into its fields
    expect(errors).toEqual({ 1: { name: { __errors: ["'dev' is used"] } } });
  });

  it('keeps issues without a rendered field on the section', () => {
    const errors: any = { __errors: [] };
    addSectionErrors(
      errors,
      'topology',
      [{ path: 'topology.multiRegion', message: 'is false but...' }],
      topology,
      topologyUi,
    );
    expect(errors).toEqual({ __errors: ['is false but...'] });
  });

  it('leaves a section without issues empty', () => {
    const errors: any = { __errors: [] };
    addSectionErrors(errors, 'topology', [], topology, topologyUi);
    expect(errors).toEqual({ __errors: [] });
  });
});

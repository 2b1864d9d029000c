import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegionPickerField, validateRegions } from './RegionPickerField';

function renderPicker(formData: any, context: any, type = 'string') {
  const onChange = jest.fn();
  render(
    <RegionPickerField
      {...({
        formData,
        onChange,
        schema: { title: 'Primary region', type },
        uiSchema: {},
        rawErrors: [],
        idSchema: { $id: 'root_topology_primaryRegion' },
        formContext: { formData: context },
      } as any)}
    />,
  );
  return onChange;
}

describe('RegionPickerField', () => {
  it('offers only the cloud regions that the residency allows', async () => {
    const onChange = renderPicker(undefined, {
      topology: { cloud: 'aws' },
      constraints: { dataResidency: 'eu' },
    });
    await userEvent.click(screen.getByLabelText('Primary region'));
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox)
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(options).toContain('eu-west-1 (Ireland)');
    expect(options).toContain('eu-central-1 (Frankfurt)');
    expect(options.some(o => o?.startsWith('us-'))).toBe(false);
    expect(options.some(o => o?.startsWith('eu-west-2'))).toBe(false); // London is uk

    await userEvent.click(
      within(listbox).getByText('eu-central-1 (Frankfurt)'),
    );
    expect(onChange).toHaveBeenCalledWith('eu-central-1');
  });

  it('follows the cloud chosen on the same page', async () => {
    renderPicker(undefined, {
      topology: { cloud: 'gcp' },
      constraints: { dataResidency: 'us' },
    });
    expect(
      screen.getByText(/4 Google Cloud regions allowed by US residency/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Primary region'));
    expect(await screen.findByText('us-central1 (Iowa)')).toBeInTheDocument();
  });

  it('picks several regions for an array field', async () => {
    const onChange = renderPicker(
      ['eu-central-1'],
      { topology: { cloud: 'aws' }, constraints: { dataResidency: 'eu' } },
      'array',
    );
    await userEvent.click(screen.getByLabelText('Primary region'));
    await userEvent.click(await screen.findByText('eu-west-3 (Paris)'));
    expect(onChange).toHaveBeenCalledWith(['eu-central-1', 'eu-west-3']);
  });

  it('does not offer the primary region again as a secondary one', async () => {
    renderPicker(
      [],
      {
        topology: { cloud: 'aws', primaryRegion: 'eu-west-1' },
        constraints: { dataResidency: 'eu' },
      },
      'array',
    );
    await userEvent.click(screen.getByLabelText('Primary region'));
    const listbox = await screen.findByRole('listbox');
    const options = within(listbox)
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(options).toContain('eu-central-1 (Frankfurt)');
    expect(options).not.toContain('eu-west-1 (Ireland)');
  });

  it('rejects a region outside the residency and names the allowed ones', () => {
    const errors: string[] = [];
    validateRegions(
      ['eu-west-1', 'us-east-1'],
      { addError: m => errors.push(m) },
      {
        formData: {
          topology: { cloud: 'aws' },
          constraints: { dataResidency: 'eu' },
        },
      },
    );
    expect(errors).toEqual([
      'us-east-1 is not allowed: eu residency on aws allows eu-west-1, eu-central-1, eu-west-3, eu-north-1, eu-south-1',
    ]);
  });
});

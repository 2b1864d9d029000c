import { useState } from 'react';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { validateInfraSection } from '../InfraSectionField/InfraSectionField';
import { service } from '@plinth/backstage-plugin-infra-common/testUtils';
import { ServiceNameField } from './ServiceNameField';

const payments = service('payments-api');

const schema = {
  title: 'Service name',
  type: 'string',
  pattern: '^[a-z][a-z0-9-]{1,38}[a-z0-9]$',
  description:
    'Names the catalog entity, the repository and every cloud resource.',
};

/** The field as the form holds it: its value in state, the mode in the form data. */
function Harness(props: { initial?: string; mode?: string }) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  return (
    <ServiceNameField
      {...({
        formData: value,
        onChange: setValue,
        schema,
        uiSchema: {},
        rawErrors: [],
        required: true,
        idSchema: { $id: 'root_service_name' },
        formContext: {
          formData: { mode: props.mode, service: { name: value } },
        },
      } as any)}
    />
  );
}

async function renderField(
  props: { initial?: string; mode?: string } = {},
  catalogApi = catalogApiMock.mock({
    getEntityByRef: jest.fn(async (ref: any) =>
      ref === 'component:default/payments-api' ? payments : undefined,
    ),
  }),
) {
  await renderInTestApp(<Harness {...props} />, {
    apis: [[catalogApiRef, catalogApi]],
  });
  return catalogApi;
}

/** Past the debounce and the look-up it starts. */
const settle = () =>
  act(() => new Promise(resolve => setTimeout(resolve, 600)));

describe('ServiceNameField', () => {
  it('says, as it is typed, that a name is taken and leads to that service', async () => {
    const catalogApi = await renderField();
    await userEvent.type(screen.getByLabelText(/Service name/), 'payments-api');

    const exists = await screen.findByTestId('service-name-exists');
    expect(exists).toHaveTextContent(
      'A service named payments-api is already in the catalog, so it cannot be created again.',
    );
    expect(
      screen.getByRole('link', { name: 'its Infrastructure tab' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/infrastructure',
    );
    expect(screen.getByLabelText(/Service name/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // Debounced: one look-up for the settled name, none per key typed.
    const looked = catalogApi.getEntityByRef.mock.calls.map(c => c[0]);
    expect(looked).toEqual(['component:default/payments-api']);
  });

  it('says nothing for a free name or a name the schema rejects', async () => {
    const catalogApi = await renderField();
    await userEvent.type(screen.getByLabelText(/Service name/), 'ledger-api');
    await settle();
    expect(screen.queryByTestId('service-name-exists')).toBeNull();
    expect(catalogApi.getEntityByRef).toHaveBeenCalledWith(
      'component:default/ledger-api',
    );

    await userEvent.clear(screen.getByLabelText(/Service name/));
    await userEvent.type(screen.getByLabelText(/Service name/), 'Bad_Name');
    await settle();
    expect(catalogApi.getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('fixes the name of the service being changed and does not call it taken', async () => {
    const catalogApi = await renderField({
      initial: 'payments-api',
      mode: 'change',
    });
    const input = screen.getByLabelText(/Service name/);
    expect(input).toHaveAttribute('readonly');
    expect(input).toHaveValue('payments-api');
    expect(
      screen.getByText('The service being changed; its name cannot change.'),
    ).toBeInTheDocument();
    await settle();
    expect(screen.queryByTestId('service-name-exists')).toBeNull();
    expect(catalogApi.getEntityByRef).not.toHaveBeenCalled();
  });
});

describe('validateInfraSection on the service section', () => {
  const sectionSchema = {
    type: 'object',
    properties: { name: schema, owner: { type: 'string' } },
  };
  const sectionUi = {
    'ui:options': { section: 'service' },
    name: { 'ui:field': 'InfraServiceName' },
  };
  const catalogApi = catalogApiMock({ entities: [payments as any] });
  const apiHolder = {
    get: (ref: any) => (ref === catalogApiRef ? catalogApi : undefined),
  } as any;

  async function errorsFor(formData: object) {
    const errors: any = { __errors: [] };
    await validateInfraSection(undefined, errors, {
      formData,
      schema: sectionSchema,
      uiSchema: sectionUi,
      apiHolder,
    });
    return errors;
  }

  it('blocks Next for a new service whose name the catalog holds', async () => {
    const errors = await errorsFor({
      service: { name: 'payments-api', owner: 'group:default/payments' },
    });
    expect(errors.name.__errors).toEqual([
      'a service named payments-api is already in the catalog: change its infrastructure from its Infrastructure tab instead of creating it again',
    ]);
  });

  it('lets a free name and a change of the existing service through', async () => {
    expect(
      await errorsFor({
        service: { name: 'ledger-api', owner: 'group:default/payments' },
      }),
    ).toEqual({ __errors: [] });
    expect(
      await errorsFor({
        mode: 'change',
        service: { name: 'payments-api', owner: 'group:default/payments' },
      }),
    ).toEqual({ __errors: [] });
  });
});

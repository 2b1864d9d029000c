/*
 * `ui:field: InfraServiceName` on `service.name`: the service's catalog name, checked
 * against the catalog as it is typed, so that a name already taken is caught on page 1
 * with the way to change that service instead. In change mode the name is fixed.
 */
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import useAsync from 'react-use/esm/useAsync';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { existingService, infraTabPath, isChangeMode } from './existingService';

/** Long enough not to query the catalog on every key, short enough to feel live. */
export const CHECK_DELAY_MS = 400;

function useExistingService(name: string, enabled: boolean, pattern?: string) {
  const catalogApi = useApi(catalogApiRef);
  const [settled, setSettled] = useState('');
  useDebounce(() => setSettled(name), CHECK_DELAY_MS, [name]);
  // Only a name the schema accepts can be a catalog name; the rest is the schema's error.
  const checkable =
    enabled &&
    settled === name &&
    name !== '' &&
    (!pattern || new RegExp(pattern).test(name));
  const { value } = useAsync(
    async () => (checkable ? existingService(catalogApi, name) : undefined),
    [catalogApi, checkable, name],
  );
  return checkable ? value : undefined;
}

export const ServiceNameField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { formData, onChange, schema, required, rawErrors, idSchema } = props;
  const changing = isChangeMode(props.formContext?.formData);
  const name = formData ?? '';
  const existing = useExistingService(name, !changing, schema.pattern);

  return (
    <Box>
      <TextField
        id={idSchema?.$id}
        label={schema.title ?? 'Service name'}
        helperText={
          changing
            ? 'The service being changed; its name cannot change.'
            : schema.description
        }
        error={!!rawErrors?.length || !!existing}
        required={required}
        value={name}
        onChange={event =>
          onChange(
            event.target.value === '' ? (undefined as any) : event.target.value,
          )
        }
        InputProps={{ readOnly: changing }}
        inputProps={{
          autoFocus: !changing && props.uiSchema?.['ui:autofocus'] === true,
          'aria-describedby': existing ? `${idSchema?.$id}__exists` : undefined,
        }}
        fullWidth
        margin="normal"
      />
      {existing && (
        <Alert
          severity="error"
          id={`${idSchema?.$id}__exists`}
          data-testid="service-name-exists"
        >
          A service named <strong>{name}</strong> is already in the catalog, so
          it cannot be created again. To change its infrastructure, open{' '}
          <Link to={infraTabPath(name)}>its Infrastructure tab</Link> and choose
          Change infrastructure.
        </Alert>
      )}
    </Box>
  );
};

/*
 * Change infrastructure: for a service Plinth manages, the wizard again with the answers
 * its repository was generated from, in change mode (the name fixed, the review showing
 * what changes). The infra backend reads the answers from the repository; a service it
 * does not manage (404) gets no button.
 */
import useAsync from 'react-use/esm/useAsync';
import Box from '@mui/material/Box';
import { LinkButton } from '@backstage/core-components';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { infraApiRef } from '../../api';
import { WIZARD_PATH } from '../../lib/frameworks';

/**
 * The wizard's URL prefilled with `answers` in change mode: the scaffolder reads the
 * initial form data from the `formData` query parameter (JSON).
 */
export function changeWizardUrl(answers: Record<string, unknown>): string {
  const formData = { ...answers, mode: 'change' };
  return `${WIZARD_PATH}?${new URLSearchParams({
    formData: JSON.stringify(formData),
  })}`;
}

export function ChangeInfraButton(props: { entityRef: string }) {
  const infraApi = useApiHolder().get(infraApiRef);
  const { value } = useAsync(async () => {
    if (!infraApi?.getServiceChange) return undefined;
    // No button rather than an error: the tab is still useful without the change flow.
    return infraApi.getServiceChange(props.entityRef).catch(() => undefined);
  }, [infraApi, props.entityRef]);
  if (!value) return null;
  return (
    <Box display="flex" justifyContent="flex-end">
      <LinkButton
        to={changeWizardUrl(value.answers)}
        variant="contained"
        color="primary"
        data-testid="change-infrastructure"
      >
        Change infrastructure
      </LinkButton>
    </Box>
  );
}

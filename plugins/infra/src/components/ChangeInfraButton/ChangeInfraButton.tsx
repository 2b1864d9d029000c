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

/** Where the stored answers came from, as the infra backend reports it. */
export type ChangeSource = { type: 'local' | 'url'; target: string };

/**
 * A GitHub repository folder URL (https://github.com/<owner>/<repo>/...) as the
 * RepoUrlPicker value publish:github:pull-request takes, or undefined for any other URL.
 */
export function githubRepoUrl(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (url.hostname !== 'github.com' || !owner || !repo) return undefined;
  return `github.com?${new URLSearchParams({ owner, repo })}`;
}

/**
 * The wizard's URL prefilled with `answers` in change mode: the scaffolder reads the
 * initial form data from the `formData` query parameter (JSON). A repository on GitHub
 * is changed through a pull request, so its location goes with the answers.
 */
export function changeWizardUrl(
  answers: Record<string, unknown>,
  source?: ChangeSource,
): string {
  const repoUrl =
    source?.type === 'url' ? githubRepoUrl(source.target) : undefined;
  const formData = {
    ...answers,
    mode: 'change',
    ...(repoUrl && {
      changeSource: source!.target,
      publish: { target: 'github', repoUrl },
    }),
  };
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
        to={changeWizardUrl(value.answers, value.source)}
        variant="contained"
        color="primary"
        data-testid="change-infrastructure"
      >
        Change infrastructure
      </LinkButton>
    </Box>
  );
}

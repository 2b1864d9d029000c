import { useApiHolder } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { infraApiRef } from '../api';

/**
 * The live SLO state of a service, or undefined where the infra API is not
 * installed (the card then shows the objectives only).
 */
export function useSlosLive(serviceRef: string | undefined) {
  const infraApi = useApiHolder().get(infraApiRef);
  return useAsync(
    async () =>
      infraApi && serviceRef ? infraApi.getSlosLive(serviceRef) : undefined,
    [infraApi, serviceRef],
  );
}

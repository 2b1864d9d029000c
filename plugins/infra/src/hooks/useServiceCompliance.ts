import { useApiHolder } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { infraApiRef } from '../api';

/**
 * A service's compliance with code evidence from the infra backend, or undefined where
 * the backend is not installed or cannot answer: the card then shows the declared
 * controls only, labelled so.
 */
export function useServiceCompliance(serviceRef: string | undefined) {
  const infraApi = useApiHolder().get(infraApiRef);
  return useAsync(async () => {
    if (!infraApi?.getCompliance || !serviceRef) return undefined;
    return infraApi.getCompliance(serviceRef).catch(() => undefined);
  }, [infraApi, serviceRef]);
}

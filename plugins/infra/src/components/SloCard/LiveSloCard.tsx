import { ServiceInfra } from '../../hooks/useServiceInfra';
import { useSlosLive } from '../../hooks/useSlosLive';
import { SloCard } from './SloCard';

/** The SLO card with its live state from Prometheus (through the infra backend). */
export function LiveSloCard(props: { infra: ServiceInfra }) {
  const { infra } = props;
  const live = useSlosLive(infra.service.entityRef);
  return (
    <SloCard
      slos={infra.slos}
      infraSource={
        infra.service.ok ? infra.service.value.infraSource : undefined
      }
      live={live.value || live.error || live.loading ? live : undefined}
    />
  );
}

import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';
import { ServiceInfra, useServiceInfra } from '../../hooks/useServiceInfra';
import { EnvironmentsCard } from '../EnvironmentsCard';
import { LiveSloCard } from '../SloCard';
import { ServiceComplianceCard } from './InfraContent';

function WithServiceInfra(props: {
  children: (infra: ServiceInfra) => ReactNode;
}) {
  const { entity } = useEntity();
  const { value, loading, error } = useServiceInfra(entity);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <>{props.children(value)}</> : null;
}

const sourceOf = (infra: ServiceInfra) =>
  infra.service.ok ? infra.service.value.infraSource : undefined;

/** The SLO card on its own, for an entity's overview tab. */
export function EntitySloCard() {
  return (
    <WithServiceInfra>
      {infra => <LiveSloCard infra={infra} />}
    </WithServiceInfra>
  );
}

/** The environments card on its own, for an entity's overview tab. */
export function EntityEnvironmentsCard() {
  return (
    <WithServiceInfra>
      {infra => (
        <EnvironmentsCard
          environments={infra.environments}
          infraSource={sourceOf(infra)}
        />
      )}
    </WithServiceInfra>
  );
}

/** The compliance card on its own, for an entity's overview tab. */
export function EntityComplianceCard() {
  return (
    <WithServiceInfra>
      {infra => <ServiceComplianceCard infra={infra} />}
    </WithServiceInfra>
  );
}

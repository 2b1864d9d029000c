import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ComplianceReport,
  evaluateCompliance,
} from '@plinth/backstage-plugin-infra-common';
import { ServiceInfra, useServiceInfra } from '../../hooks/useServiceInfra';
import { useServiceCompliance } from '../../hooks/useServiceCompliance';
import { ChangeInfraButton } from '../ChangeInfraButton';
import { ComplianceCard } from '../ComplianceCard';
import { EnvironmentsCard } from '../EnvironmentsCard';
import { IssueList } from '../IssueList';
import { LiveSloCard } from '../SloCard';
import { WizardEmptyState } from '../WizardEmptyState';

/**
 * The compliance card of a service: the backend's report with code evidence when it
 * answers, else the declared controls evaluated here (labelled declared only).
 */
export function ServiceComplianceCard(props: { infra: ServiceInfra }) {
  const { infra } = props;
  // The declared report shows at once; the backend's replaces it when it answers.
  const { value } = useServiceCompliance(infra.service.entityRef);
  return value ? (
    <ComplianceCard report={value.report} evidence={value} />
  ) : (
    <ComplianceCard report={complianceOf(infra)} />
  );
}

/** The compliance report for what the catalog holds, from infra-common's evaluator. */
export function complianceOf(infra: ServiceInfra): ComplianceReport {
  const frameworks = infra.service.ok ? infra.service.value.frameworks : [];
  const environments = infra.environments.flatMap(e => (e.ok ? [e.value] : []));
  return evaluateCompliance(frameworks, environments);
}

function hasNoInfraData(infra: ServiceInfra): boolean {
  return (
    infra.slos.length === 0 &&
    infra.environments.length === 0 &&
    (!infra.service.ok || infra.service.value.frameworks.length === 0) &&
    infra.service.issues.length === 0
  );
}

export function MissingInfraData() {
  return (
    <WizardEmptyState
      missing="info"
      title="No infrastructure data for this service"
      description="Plinth shows a service's SLOs, environments and compliance from the catalog: OpenSLO SLO entities with spec.service naming this service, Resources of type environment that are a dependencyOf it, and the plinth.dev/compliance-frameworks annotation. The infrastructure wizard creates all three."
      action="Request infrastructure with the wizard"
    />
  );
}

/** The Infrastructure tab: SLOs, environments and compliance of one service. */
export function InfraContent() {
  const { entity } = useEntity();
  const { value, loading, error } = useServiceInfra(entity);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || hasNoInfraData(value)) {
    return <MissingInfraData />;
  }
  const infraSource = value.service.ok
    ? value.service.value.infraSource
    : undefined;
  return (
    <Stack gap={2}>
      <ChangeInfraButton entityRef={value.service.entityRef} />
      <IssueList
        entityRef={value.service.entityRef}
        issues={value.service.issues}
        severity={value.service.ok ? 'warning' : 'error'}
      />
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} lg={6}>
          <LiveSloCard infra={value} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ServiceComplianceCard infra={value} />
        </Grid>
        <Grid item xs={12}>
          <EnvironmentsCard
            environments={value.environments}
            infraSource={infraSource}
          />
        </Grid>
      </Grid>
    </Stack>
  );
}

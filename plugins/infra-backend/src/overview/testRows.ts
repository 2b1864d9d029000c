import {
  ComplianceStatus,
  ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';

/** A service summary for tests: the fields not given get harmless defaults. */
export function summary(
  name: string,
  overrides: Partial<ServiceSummary> & {
    statuses?: Record<string, ComplianceStatus>;
  } = {},
): ServiceSummary {
  const { statuses = {}, ...rest } = overrides;
  const frameworks = Object.entries(statuses).map(([id, status]) => ({
    id,
    status,
  }));
  return {
    ref: `component:default/${name}`,
    name,
    namespace: 'default',
    slos: [],
    environmentCount: 0,
    frameworks,
    status: 'unknown',
    issues: [],
    ...rest,
  };
}

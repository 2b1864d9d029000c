/*
 * Overview rows (ServiceSummary) as the backend returns them, for the overview's tests.
 */
import type { ServiceSummary } from '@plinth/backstage-plugin-infra-common';

/** A service in the default namespace of the payments team, with `overrides`. */
export function summaryRow(
  name: string,
  overrides: Partial<ServiceSummary> = {},
): ServiceSummary {
  return {
    ref: `component:default/${name}`,
    name,
    namespace: 'default',
    owner: 'group:default/payments',
    system: 'system:default/payments',
    slos: [],
    environmentCount: 0,
    frameworks: [],
    status: 'unknown',
    issues: [],
    ...overrides,
  };
}

/** payments-api's availability SLO as an overview row lists it. */
export const PAYMENTS_AVAILABILITY: ServiceSummary['slos'][number] = {
  ref: 'slo:default/payments-api-availability',
  name: 'payments-api-availability',
  displayName: 'Availability',
  target: 0.9995,
  windowDays: 28,
};

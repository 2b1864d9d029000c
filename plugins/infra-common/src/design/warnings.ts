/*
 * The design's warnings: what a set of answers puts at risk. Each function checks one
 * risk and returns its warning (code, message, the answer it is about), or nothing; the
 * planner's steps call them with what they decided.
 */
import type { DataResidency, FrameworkId } from '../catalog';
import { errorBudget } from '../slo/errorBudget';
import type { DataKind, DesignWarning } from './types';

function warning(
  when: boolean,
  code: string,
  message: string,
  path: string,
): DesignWarning[] {
  return when ? [{ code, message, path }] : [];
}

/** Regulated data declared without the framework that governs it. */
export function dataWithoutFramework(
  dataKinds: readonly DataKind[],
  frameworks: readonly FrameworkId[],
): DesignWarning[] {
  return [
    ...warning(
      dataKinds.includes('phi') && !frameworks.includes('hipaa'),
      'phi-without-hipaa',
      'health data (phi) is declared but HIPAA is not among the frameworks',
      'constraints.complianceFrameworks',
    ),
    ...warning(
      dataKinds.includes('cardholder') && !frameworks.includes('pci-dss'),
      'cardholder-without-pci-dss',
      'cardholder data is declared but PCI DSS is not among the frameworks',
      'constraints.complianceFrameworks',
    ),
  ];
}

export function gdprOutsideEu(
  frameworks: readonly FrameworkId[],
  residency: DataResidency,
): DesignWarning[] {
  return warning(
    frameworks.includes('gdpr') && residency !== 'eu',
    'gdpr-outside-eu',
    `GDPR applies but residency is '${residency}': regions outside the EU need transfer safeguards (Chapter V)`,
    'constraints.dataResidency',
  );
}

export function statefulWithoutStore(
  stateful: boolean,
  hasStore: boolean,
): DesignWarning[] {
  return warning(
    stateful && !hasStore,
    'stateful-without-store',
    'the workload is stateful but no database or cache is asked for; its state has no backups',
    'topology.database',
  );
}

export function noProductionEnvironment(
  hasProduction: boolean,
): DesignWarning[] {
  return warning(
    !hasProduction,
    'no-production-environment',
    'no production environment: the SLOs are measured on the highest stage',
    'environments',
  );
}

/** A region plan short of a second region, and the availability that needed one. */
export function singleRegionHighAvailability(options: {
  environment: string;
  availability: number;
  needsSecondRegion: boolean;
  cause: string;
}): DesignWarning[] {
  return warning(
    options.needsSecondRegion,
    'single-region-high-availability',
    `${options.environment}: ${options.availability}% needs a second region but ${options.cause}; a region outage would breach the SLO`,
    'topology.secondaryRegions',
  );
}

export function drPatternNeedsSecondRegion(options: {
  environment: string;
  wanted: string;
  cause: string;
  rtoMinutes: number;
}): DesignWarning[] {
  return warning(
    true,
    'dr-pattern-needs-second-region',
    `${options.environment}: the RTO/RPO need ${options.wanted} but ${options.cause}; falling back to backup-restore, which cannot meet an RTO of ${options.rtoMinutes} min`,
    'reliability.rtoMinutes',
  );
}

export function autoscalingRaised(
  environment: string,
  raised: boolean,
  reason: string,
): DesignWarning[] {
  return warning(
    raised,
    'autoscaling-raised',
    `${environment}: ${reason}`,
    'reliability.autoscaling.min',
  );
}

export function publicIngressSensitiveData(
  publicIngress: boolean,
  sensitive: boolean,
  classification: string,
): DesignWarning[] {
  return warning(
    publicIngress && sensitive,
    'public-ingress-sensitive-data',
    `the service is internet-facing and holds ${classification} data: only the load balancer is public, the data tier stays private; review the exposure`,
    'topology.publicIngress',
  );
}

export function wafDisabledPciDss(options: {
  environment: string;
  waf: boolean;
  publicProduction: boolean;
  frameworks: readonly FrameworkId[];
}): DesignWarning[] {
  return warning(
    !options.waf &&
      options.publicProduction &&
      options.frameworks.includes('pci-dss'),
    'waf-disabled-pci-dss',
    `${options.environment}: PCI DSS 6.4.2 expects a WAF in front of public web applications`,
    'security.waf',
  );
}

/** Tools the team does not list among its skills (no warning when it lists none). */
export function unfamiliarTools(
  teamSkills: readonly string[] | undefined,
  iacTool: string,
  kubernetes: boolean,
): DesignWarning[] {
  if (!teamSkills) return [];
  return [
    ...warning(
      !teamSkills.includes(iacTool),
      'iac-tool-unfamiliar',
      `the team lists no ${iacTool} skills`,
      'iac.tool',
    ),
    ...warning(
      kubernetes && !teamSkills.includes('kubernetes'),
      'compute-unfamiliar',
      'Kubernetes is chosen but the team lists no Kubernetes skills',
      'topology.compute',
    ),
  ];
}

export function ungatedProductionApply(prodApproval: boolean): DesignWarning[] {
  return warning(
    !prodApproval,
    'ungated-production-apply',
    'production applies run without a person approving them',
    'iac.prodApproval',
  );
}

export function pagesWithoutPager(options: {
  availability: number;
  canPage: boolean;
  routing: string;
}): DesignWarning[] {
  return warning(
    !options.canPage && options.availability >= 99.9,
    'pages-without-pager',
    `${options.availability}% needs someone woken up on a fast burn, but pages go to ${options.routing}`,
    'operations.alertRouting',
  );
}

export function budgetExceeded(options: {
  totalMonthlyUsd: number;
  budgetUsd: number | undefined;
  withinBudget: boolean | undefined;
  availability: number;
}): DesignWarning[] {
  return warning(
    options.withinBudget === false,
    'budget-exceeded',
    `the estimate of ${options.totalMonthlyUsd} USD a month is above the budget of ${options.budgetUsd} USD (driven by ${options.availability}% availability and the sizing)`,
    'constraints.monthlyBudgetUsd',
  );
}

/** "2.6 s", "43.2 min": a duration for people. */
function duration(minutes: number): string {
  if (minutes < 1) return `${Number((minutes * 60).toPrecision(2))} s`;
  return `${Number(minutes.toPrecision(3))} min`;
}

/**
 * A recovery that takes the whole RTO spends more than the availability objective's
 * error budget: one disaster breaks the SLO (99.9999% leaves 2.6 s in 30 days; an RTO of
 * 30 min spends it about 700 times over).
 */
export function rtoBeyondErrorBudget(args: {
  rtoMinutes: number;
  availability: number;
  windowDays: number;
}): DesignWarning[] {
  const { rtoMinutes, availability, windowDays } = args;
  const budget = errorBudget(availability, windowDays).minutes;
  const times = rtoMinutes / budget;
  return warning(
    rtoMinutes > budget,
    'rto-beyond-error-budget',
    `a recovery that takes the RTO of ${duration(rtoMinutes)} spends ${
      times >= 10 ? `about ${Math.round(times)} times` : `${times.toFixed(1)}x`
    } the error budget of ${availability}% (${duration(
      budget,
    )} per ${windowDays} days): one disaster breaks the SLO; lower the objective or the RTO`,
    'reliability.rtoMinutes',
  );
}

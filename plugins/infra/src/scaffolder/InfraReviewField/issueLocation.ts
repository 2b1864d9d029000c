/*
 * Where the wizard asks for an answer: its page (the template's order, templates/
 * infra-request) and the field's label, so a remaining issue on the review page can say
 * "Environments and topology > VPC / VNet CIDR" and lead back to it.
 */
const PAGES: Array<{ title: string; sections: string[] }> = [
  {
    title: 'Workloads, SLOs and constraints',
    sections: ['service', 'workload', 'slos', 'constraints'],
  },
  {
    title: 'Environments and topology',
    sections: ['environments', 'topology'],
  },
  { title: 'Infrastructure as code', sections: ['iac'] },
  { title: 'Reliability', sections: ['reliability'] },
  { title: 'Security and compliance', sections: ['security'] },
  { title: 'Operations', sections: ['operations'] },
  { title: 'Continuous improvement', sections: ['improvement'] },
];

/** The labels of fields that have cross-field rules; others are spelled from the key. */
const LABELS: Record<string, string> = {
  'service.name': 'Service name',
  'service.owner': 'Owner',
  'slos.availability': 'Availability objective',
  'slos.latencyP99Ms': 'Latency threshold',
  'slos.latencyTarget': 'Requests under the threshold',
  'topology.primaryRegion': 'Primary region',
  'topology.secondaryRegions': 'Secondary regions',
  'topology.vpcCidr': 'VPC / VNet CIDR',
  'reliability.autoscaling.min': 'Minimum replicas',
  'reliability.autoscaling.max': 'Maximum replicas',
  'operations.monitoring': 'Monitoring',
  'constraints.monthlyBudgetUsd': 'Monthly budget (USD)',
  'topology.publicIngress': 'Reachable from the internet',
};

export interface IssueLocation {
  /** 1-based page number of the wizard. */
  page: number;
  pageTitle: string;
  fieldLabel: string;
  /** The form's element id of the field (`root_topology_vpcCidr`). */
  fieldId: string;
}

function words(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function issueLocation(path: string): IssueLocation | undefined {
  const parts = path.split('.');
  const index = PAGES.findIndex(p => p.sections.includes(parts[0]));
  if (index < 0) return undefined;
  let fieldLabel = LABELS[path];
  if (!fieldLabel) {
    // environments.1.name -> "Environment 2: name"
    const number = parts.find(p => /^\d+$/.test(p));
    const last = parts[parts.length - 1];
    fieldLabel =
      parts[0] === 'environments' && number !== undefined
        ? `Environment ${Number(number) + 1}, ${words(last).toLowerCase()}`
        : words(/^\d+$/.test(last) ? parts[parts.length - 2] : last);
  }
  return {
    page: index + 1,
    pageTitle: PAGES[index].title,
    fieldLabel,
    fieldId: `root_${parts.join('_')}`,
  };
}

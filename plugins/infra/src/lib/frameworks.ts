/** How the UI names each compliance framework id. */
const FRAMEWORK_NAMES: Record<string, string> = {
  soc2: 'SOC 2',
  iso27001: 'ISO 27001',
  hipaa: 'HIPAA',
  'pci-dss': 'PCI DSS',
  gdpr: 'GDPR',
};

export function frameworkName(id: string): string {
  return FRAMEWORK_NAMES[id] ?? id;
}

/** The wizard that creates a service's infrastructure and its catalog data. */
export const WIZARD_PATH = '/create/templates/default/infra-request';

/*
 * PCI DSS v4.0 (PCI Security Standards Council, March 2022; v4.0.1 June 2024 keeps these
 * numbers). Requirement ids from the standard; 10.5.1 wording checked against
 * withpci.com/requirements/10/10.5/10.5.1. Cross-checked against the shared reference
 * controls by compliance.conformance.test.ts.
 */
import * as c from '../controls';
import type { FrameworkDefinition } from './types';

/** Req 10.5.1: audit log history kept at least 12 months. */
export const PCI_AUDIT_LOG_RETENTION_DAYS = 365;

export const pciDss: FrameworkDefinition = {
  id: 'pci-dss',
  name: 'PCI DSS v4.0',
  source:
    'PCI DSS v4.0, PCI Security Standards Council (2022); requirements 1, 3, 4, 6, 7, 8, 10',
  requirements: [
    {
      requirementIds: ['1.3.1', '1.3.2'],
      control: c.networkSegmentation(),
      severity: 'required',
    },
    {
      requirementIds: ['1.4.4'],
      control: c.privateDataTier(),
      severity: 'required',
    },
    {
      requirementIds: ['3.5.1', '3.6.1'],
      control: c.encryptionAtRestManagedKey(),
      severity: 'required',
    },
    {
      requirementIds: ['4.2.1'],
      control: c.encryptionInTransit(),
      severity: 'required',
    },
    {
      requirementIds: ['4.2.1'],
      control: c.tlsMinimum12(),
      severity: 'required',
    },
    { requirementIds: ['6.4.2'], control: c.waf(), severity: 'recommended' },
    {
      requirementIds: ['7.2.1', '7.2.2'],
      control: c.leastPrivilegeRoles(),
      severity: 'required',
    },
    {
      requirementIds: ['8.6.2'],
      control: c.secretsManagement(),
      severity: 'required',
    },
    {
      requirementIds: ['10.2.1'],
      control: c.auditLogging(),
      severity: 'required',
    },
    {
      requirementIds: ['10.5.1'],
      control: c.auditLogRetention(PCI_AUDIT_LOG_RETENTION_DAYS),
      severity: 'required',
    },
    {
      requirementIds: ['10.2.1', '10.4.1'],
      control: c.flowLogs(),
      severity: 'recommended',
    },
  ],
};

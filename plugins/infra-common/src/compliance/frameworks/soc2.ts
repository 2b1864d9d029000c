/*
 * SOC 2: AICPA Trust Services Criteria (2017, revised points of focus 2022). Criteria ids
 * are the TSC's own (CC = common criteria, A = availability). Encryption at rest is an
 * auditor expectation under CC6.1/C1, not a literal criterion, hence "recommended".
 */
import * as c from '../controls';
import type { FrameworkDefinition } from './types';

export const soc2: FrameworkDefinition = {
  id: 'soc2',
  name: 'SOC 2',
  source: 'AICPA Trust Services Criteria (TSP section 100, 2017, revised 2022)',
  requirements: [
    {
      requirementIds: ['CC6.1', 'CC6.3'],
      control: c.leastPrivilegeRoles(),
      severity: 'required',
    },
    {
      requirementIds: ['CC6.1'],
      control: c.encryptionAtRest(),
      severity: 'recommended',
    },
    {
      requirementIds: ['CC6.1'],
      control: c.secretsManagement(),
      severity: 'recommended',
    },
    {
      requirementIds: ['CC6.6'],
      control: c.networkSegmentation(),
      severity: 'required',
    },
    { requirementIds: ['CC6.6'], control: c.waf(), severity: 'recommended' },
    {
      requirementIds: ['CC6.7'],
      control: c.encryptionInTransit(),
      severity: 'required',
    },
    {
      requirementIds: ['CC6.7'],
      control: c.tlsMinimum12(),
      severity: 'required',
    },
    {
      requirementIds: ['CC7.2'],
      control: c.auditLogging(),
      severity: 'required',
    },
    {
      requirementIds: ['CC7.2'],
      control: c.auditLogRetention(365),
      severity: 'recommended',
    },
    {
      requirementIds: ['CC7.2'],
      control: c.flowLogs(),
      severity: 'recommended',
    },
    { requirementIds: ['A1.2'], control: c.backups(7), severity: 'required' },
    { requirementIds: ['A1.2'], control: c.multiAz(), severity: 'recommended' },
    {
      requirementIds: ['A1.3'],
      control: c.restoreTested(),
      severity: 'recommended',
    },
  ],
};

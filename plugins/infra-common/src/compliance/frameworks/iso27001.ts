/*
 * ISO/IEC 27001:2022, Annex A controls (numbering of ISO/IEC 27002:2022). The standard
 * sets no log retention period; 365 days is the common audit expectation, so it is
 * recommended rather than required.
 */
import * as c from '../controls';
import type { FrameworkDefinition } from './types';

export const iso27001: FrameworkDefinition = {
  id: 'iso27001',
  name: 'ISO/IEC 27001:2022',
  source:
    'ISO/IEC 27001:2022 Annex A (controls as numbered in ISO/IEC 27002:2022)',
  requirements: [
    {
      requirementIds: ['A.5.15', 'A.8.2'],
      control: c.leastPrivilegeRoles(),
      severity: 'required',
    },
    {
      requirementIds: ['A.5.17'],
      control: c.secretsManagement(),
      severity: 'recommended',
    },
    { requirementIds: ['A.8.13'], control: c.backups(7), severity: 'required' },
    {
      requirementIds: ['A.8.13'],
      control: c.restoreTested(),
      severity: 'recommended',
    },
    {
      requirementIds: ['A.8.14'],
      control: c.multiAz(),
      severity: 'recommended',
    },
    {
      requirementIds: ['A.8.15'],
      control: c.auditLogging(),
      severity: 'required',
    },
    {
      requirementIds: ['A.8.15'],
      control: c.auditLogRetention(365),
      severity: 'recommended',
    },
    {
      requirementIds: ['A.8.16'],
      control: c.flowLogs(),
      severity: 'recommended',
    },
    {
      requirementIds: ['A.8.20', 'A.8.22'],
      control: c.networkSegmentation(),
      severity: 'required',
    },
    {
      requirementIds: ['A.8.22'],
      control: c.privateDataTier(),
      severity: 'recommended',
    },
    {
      requirementIds: ['A.8.24'],
      control: c.encryptionAtRest(),
      severity: 'required',
    },
    {
      requirementIds: ['A.8.24'],
      control: c.encryptionInTransit(),
      severity: 'required',
    },
    {
      requirementIds: ['A.8.24'],
      control: c.tlsMinimum12(),
      severity: 'required',
    },
  ],
};

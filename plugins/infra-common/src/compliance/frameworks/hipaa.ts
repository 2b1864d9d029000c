/*
 * HIPAA Security Rule, 45 CFR Part 164 Subpart C. Encryption is "addressable" in the rule;
 * Plinth requires it with managed keys (design/security.ts). 164.316(b)(2)(i) keeps documentation
 * six years; HHS does not say audit logs fall under it, so six-year log retention is
 * recommended, one year required.
 */
import * as c from '../controls';
import type { FrameworkDefinition } from './types';

export const HIPAA_RECOMMENDED_LOG_RETENTION_DAYS = 6 * 365;

export const hipaa: FrameworkDefinition = {
  id: 'hipaa',
  name: 'HIPAA Security Rule',
  source: '45 CFR 164.308, 164.312, 164.316 (HIPAA Security Rule)',
  requirements: [
    {
      requirementIds: ['164.308(a)(7)(ii)(A)'],
      control: c.backups(30),
      severity: 'required',
    },
    {
      requirementIds: ['164.308(a)(7)(ii)(D)'],
      control: c.restoreTested(),
      severity: 'recommended',
    },
    {
      requirementIds: ['164.312(a)(1)'],
      control: c.leastPrivilegeRoles(),
      severity: 'required',
    },
    {
      requirementIds: ['164.312(a)(1)'],
      control: c.networkSegmentation(),
      severity: 'recommended',
    },
    {
      requirementIds: ['164.312(a)(2)(iv)'],
      control: c.encryptionAtRestManagedKey(),
      severity: 'required',
    },
    {
      requirementIds: ['164.312(b)'],
      control: c.auditLogging(),
      severity: 'required',
    },
    {
      requirementIds: ['164.312(b)'],
      control: c.auditLogRetention(365),
      severity: 'required',
    },
    {
      requirementIds: ['164.316(b)(2)(i)'],
      control: c.auditLogRetention(HIPAA_RECOMMENDED_LOG_RETENTION_DAYS),
      severity: 'recommended',
    },
    {
      requirementIds: ['164.312(c)(1)'],
      control: c.deletionProtection(),
      severity: 'recommended',
    },
    {
      requirementIds: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
      control: c.encryptionInTransit(),
      severity: 'required',
    },
    {
      requirementIds: ['164.312(e)(1)'],
      control: c.tlsMinimum12(),
      severity: 'required',
    },
  ],
};

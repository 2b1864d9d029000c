/*
 * GDPR, Regulation (EU) 2016/679. Art. 32 lists the technical measures; Chapter V
 * (Art. 44-49) allows transfers outside the EU with safeguards, so EU residency is
 * recommended, not required.
 */
import * as c from '../controls';
import type { FrameworkDefinition } from './types';

export const gdpr: FrameworkDefinition = {
  id: 'gdpr',
  name: 'GDPR',
  source: 'Regulation (EU) 2016/679, Art. 25, 32 and Chapter V (Art. 44-49)',
  requirements: [
    {
      requirementIds: ['Art. 32(1)(a)'],
      control: c.encryptionAtRest(),
      severity: 'required',
    },
    {
      requirementIds: ['Art. 32(1)(a)'],
      control: c.encryptionInTransit(),
      severity: 'required',
    },
    {
      requirementIds: ['Art. 32(1)(b)'],
      control: c.multiAz(),
      severity: 'recommended',
    },
    {
      requirementIds: ['Art. 32(1)(b)', 'Art. 25'],
      control: c.leastPrivilegeRoles(),
      severity: 'recommended',
    },
    {
      requirementIds: ['Art. 32(1)(c)'],
      control: c.backups(7),
      severity: 'required',
    },
    {
      requirementIds: ['Art. 32(1)(c)'],
      control: c.pointInTimeRecovery(),
      severity: 'recommended',
    },
    {
      requirementIds: ['Art. 32(1)(d)'],
      control: c.restoreTested(),
      severity: 'recommended',
    },
    {
      requirementIds: ['Art. 44'],
      control: c.dataResidencyEu(),
      severity: 'recommended',
    },
  ],
};

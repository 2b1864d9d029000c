/*
 * Cross-check of our framework mappings with the research in the shared reference data
 * (compliance/compliance_controls.json, read at run time): every area
 * it lists is covered by one of our controls, citing a requirement id the reference
 * names, or is a known gap that declared controls cannot show (MFA).
 */
// Tests run in Node; the rule for missing reference data is written once, in test-support.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { readReference, referencePath } from '@plinth/test-support';
import { FRAMEWORKS } from './frameworks';
import type { FrameworkId } from '../catalog';

const file = referencePath('compliance', 'compliance_controls.json');

const FRAMEWORK_KEYS: Record<string, FrameworkId> = {
  'PCI-DSS-v4.0': 'pci-dss',
  HIPAA: 'hipaa',
  SOC2: 'soc2',
  'ISO27001-2022': 'iso27001',
  GDPR: 'gdpr',
};

/** The reference's area -> the control ids (prefix) that cover it. */
const AREA_CONTROLS: Record<string, string[]> = {
  'audit log retention': ['audit-log-retention-'],
  'audit logging': ['audit-logging'],
  'audit controls': ['audit-logging'],
  retention: ['audit-log-retention-'],
  'monitoring / audit logging': ['audit-logging'],
  logging: ['audit-logging'],
  'encryption at rest': ['encryption-at-rest'],
  'encryption in transit': ['encryption-in-transit'],
  cryptography: ['encryption-at-rest'],
  'encryption / pseudonymisation': ['encryption-at-rest'],
  'network segmentation': ['network-segmentation'],
  'network security / segregation': ['network-segmentation'],
  'boundary protection': ['network-segmentation'],
  'logical access / MFA': ['least-privilege-roles'],
  'backup / contingency': ['backups-'],
  'backup / recovery (Availability criteria)': ['backups-'],
  backup: ['backups-'],
  'resilience / availability': ['multi-az'],
  'restore / backup': ['backups-'],
  testing: ['restore-tested'],
  'data residency': ['data-residency-eu'],
};

/** Areas declared controls cannot evidence: people and processes, not infrastructure. */
const KNOWN_GAPS = new Set([
  'MFA',
  'authentication / MFA',
  'authentication',
  'retention limits',
]);

/** The requirement ids the reference text names, normalised: "Req 10.5.1" -> "10.5.1". */
function mentions(text: string, id: string): boolean {
  const plain = id.replace(/^A\./, '').replace(/^Art\. /, 'Art. ');
  if (text.includes(id) || text.includes(plain)) return true;
  // "164.308(a)(7)" cites the paragraph that holds our "164.308(a)(7)(ii)(A)".
  for (let parent = id; /\)$/.test(parent); ) {
    parent = parent.replace(/\([^()]*\)$/, '');
    if (/\(/.test(parent) && text.includes(parent)) return true;
  }
  // "Req 3 (...)" or "Annex A 8.24": a top-level number covers its sub-requirements.
  const top = /^(?:A\.)?(\d+)\./.exec(id)?.[1];
  return !!top && new RegExp(`Req ${top}\\b`).test(text);
}

(file ? describe : describe.skip)(
  'framework mappings against the reference research',
  () => {
    const reference = file
      ? JSON.parse(readReference('compliance', 'compliance_controls.json'))
      : { frameworks: {} };

    it('covers the five frameworks', () => {
      expect(
        Object.keys(reference.frameworks)
          .map(k => FRAMEWORK_KEYS[k])
          .sort(),
      ).toEqual(Object.keys(FRAMEWORKS).sort());
    });

    for (const [key, framework] of Object.entries(FRAMEWORK_KEYS)) {
      it(`maps every ${key} area to a control with a requirement id the reference names`, () => {
        const ours = FRAMEWORKS[framework].requirements;
        for (const control of reference.frameworks[key].controls as Array<{
          area: string;
          requirement: string;
        }>) {
          if (KNOWN_GAPS.has(control.area)) continue;
          const prefixes = AREA_CONTROLS[control.area];
          expect({ area: control.area, mapped: !!prefixes }).toEqual({
            area: control.area,
            mapped: true,
          });
          const matching = ours.filter(r =>
            prefixes.some(p => r.control.id.startsWith(p)),
          );
          const cited = matching.some(r =>
            r.requirementIds.some(id => mentions(control.requirement, id)),
          );
          expect({
            area: control.area,
            requirement: control.requirement,
            cited,
          }).toEqual({
            area: control.area,
            requirement: control.requirement,
            cited: true,
          });
        }
      });
    }

    it('keeps PCI DSS audit logs at least as long as 10.5.1 says (12 months)', () => {
      const retention = reference.frameworks['PCI-DSS-v4.0'].controls.find(
        (c: { area: string }) => c.area === 'audit log retention',
      );
      expect(retention.requirement).toMatch(/10\.5\.1.*12 months/);
      const ours = FRAMEWORKS['pci-dss'].requirements.find(r =>
        r.requirementIds.includes('10.5.1'),
      )!;
      expect(ours.control.check({ auditLogRetentionDays: 364 })).toBe(false);
      expect(ours.control.check({ auditLogRetentionDays: 365 })).toBe(true);
      expect(ours.severity).toBe('required');
    });
  },
);

/*
 * Disaster recovery: the recovery time and point objectives pick the pattern, following
 * the four strategies of the AWS Well-Architected Reliability pillar ("Disaster recovery
 * options in the cloud"): backup and restore (hours), pilot light (tens of minutes), warm
 * standby (minutes), multi-site active/active (near zero).
 */
import type { DrPattern, Stage } from '../catalog';
import { derived, fromAnswer, type Reasoned } from './reasoned';

/** The RTO each pattern can meet, in minutes, and the RPO below which it is needed. */
export const DR_LIMITS: Record<
  DrPattern,
  { minRtoMinutes: number; minRpoMinutes: number }
> = {
  'active-active': { minRtoMinutes: 0, minRpoMinutes: 0 },
  'warm-standby': { minRtoMinutes: 5, minRpoMinutes: 1 },
  'pilot-light': { minRtoMinutes: 30, minRpoMinutes: 1 },
  'backup-restore': { minRtoMinutes: 240, minRpoMinutes: 60 },
};

/** Outside production a restore within a day is enough. */
export const NON_PRODUCTION_RECOVERY_MINUTES = 24 * 60;

const ORDER: DrPattern[] = [
  'backup-restore',
  'pilot-light',
  'warm-standby',
  'active-active',
];

/** The stronger of two patterns. */
export function strongerPattern(a: DrPattern, b: DrPattern): DrPattern {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export function deriveRto(
  availability: number,
  answered?: number,
): Reasoned<number> {
  if (answered !== undefined) return fromAnswer(answered);
  if (availability >= 99.99) {
    return derived(
      15,
      `no RTO given: ${availability}% leaves 4 minutes a month, so recovery must take minutes`,
    );
  }
  if (availability >= 99.9) {
    return derived(
      240,
      `no RTO given: a region loss at ${availability}% is accepted as a rare breach; restore within 4 hours`,
    );
  }
  return derived(
    1440,
    `no RTO given: at ${availability}% a restore within a day is enough`,
  );
}

export function deriveRpo(
  availability: number,
  stateful: boolean,
  answered?: number,
): Reasoned<number> {
  if (answered !== undefined) return fromAnswer(answered);
  if (availability >= 99.99) {
    return derived(
      5,
      `no RPO given: at ${availability}% data is replicated continuously`,
    );
  }
  return derived(
    stateful ? 60 : 1440,
    stateful
      ? 'no RPO given: hourly backups copied to another region bound the loss to an hour'
      : 'no RPO given: the service keeps no state of its own, daily backups are enough',
  );
}

/** The cheapest pattern that meets both objectives; only production gets more than backups. */
export function drPatternFor(
  stage: Stage,
  rtoMinutes: number,
  rpoMinutes: number,
  availability: number,
): Reasoned<DrPattern> {
  if (stage !== 'production') {
    return derived(
      'backup-restore',
      `${stage} is rebuilt from code and restored from backups`,
    );
  }
  let byRto: DrPattern = 'backup-restore';
  if (rtoMinutes < DR_LIMITS['warm-standby'].minRtoMinutes)
    byRto = 'active-active';
  else if (rtoMinutes < DR_LIMITS['pilot-light'].minRtoMinutes)
    byRto = 'warm-standby';
  else if (rtoMinutes < DR_LIMITS['backup-restore'].minRtoMinutes)
    byRto = 'pilot-light';

  let byRpo: DrPattern = 'backup-restore';
  if (rpoMinutes < DR_LIMITS['warm-standby'].minRpoMinutes)
    byRpo = 'active-active';
  else if (rpoMinutes < DR_LIMITS['backup-restore'].minRpoMinutes)
    byRpo = 'pilot-light';

  // 99.99% cannot wait for a pilot light to scale up: a standby must already serve.
  const byAvailability: DrPattern =
    availability >= 99.99 ? 'warm-standby' : 'backup-restore';

  const pattern = strongerPattern(
    strongerPattern(byRto, byRpo),
    byAvailability,
  );
  const parts = [
    `an RTO of ${rtoMinutes} min needs ${byRto}`,
    `an RPO of ${rpoMinutes} min needs ${byRpo}`,
  ];
  if (byAvailability !== 'backup-restore')
    parts.push(`${availability}% needs at least ${byAvailability}`);
  return derived(
    pattern,
    `${parts.join('; ')}: ${pattern} is the cheapest pattern that meets all`,
  );
}

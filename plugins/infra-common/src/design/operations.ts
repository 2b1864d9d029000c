/*
 * Operations: where alerts go, who is on call, and the runbooks the repository gets.
 * Pages need a tool that wakes someone up; chat and email only suit tickets.
 */
import type { Reasoned } from './reasoned';
import type { OperationsDesign, Runbook, SloDesign } from './types';

type Routing = OperationsDesign['alertRouting'];
type Receiver = OperationsDesign['routes'][number]['receiver'];

const PAGING_TOOLS: Routing[] = ['pagerduty', 'opsgenie'];

/** Where tickets go: chat and email take them as they are, paging tools at low urgency. */
const TICKET_RECEIVERS: Record<Routing, Receiver> = {
  pagerduty: 'pagerduty-low-urgency',
  opsgenie: 'opsgenie-low-urgency',
  slack: 'slack',
  email: 'email',
};

export function alertRoutes(routing: Routing): OperationsDesign['routes'] {
  const ticket = TICKET_RECEIVERS[routing];
  return [
    { severity: 'page', receiver: routing },
    { severity: 'ticket', receiver: ticket },
  ];
}

export function canPage(routing: Routing): boolean {
  return PAGING_TOOLS.includes(routing);
}

export function onCallFor(
  answered: string | undefined,
  owner: string,
): Reasoned<string> {
  return answered !== undefined
    ? { value: answered, reason: 'answered', origin: 'answered' }
    : {
        value: owner,
        reason: 'no rotation given: the owning team is on call',
        origin: 'default',
      };
}

function runbook(id: string, title: string, why: string): Runbook {
  return { id, title, path: `docs/runbooks/${id}.md`, why };
}

/** The runbooks for this design: one per SLO alert, plus the operations it makes possible. */
export function runbooksFor(options: {
  slos: readonly SloDesign[];
  hasDatabase: boolean;
  multiRegion: boolean;
  autoscaling: boolean;
}): Runbook[] {
  const books = options.slos.map(slo =>
    runbook(
      `slo-${slo.name}`,
      `${slo.displayName}: burn-rate alert`,
      `the ${slo.kind} SLO pages when its error budget burns too fast`,
    ),
  );
  books.push(
    runbook(
      'incident-response',
      'Incident response',
      'every page starts an incident: roles, channels and the timeline',
    ),
  );
  books.push(
    runbook(
      'deploy-rollback',
      'Roll back a deployment',
      'most incidents follow a change',
    ),
  );
  if (options.autoscaling) {
    books.push(
      runbook(
        'scale-out',
        'Scale out beyond the autoscaling limits',
        'when the peak outgrows the configured maximum',
      ),
    );
  }
  if (options.hasDatabase) {
    books.push(
      runbook(
        'restore-database',
        'Restore the database from backup',
        'backups are worth only as much as a rehearsed restore',
      ),
    );
  }
  if (options.multiRegion) {
    books.push(
      runbook(
        'region-failover',
        'Fail over to the secondary region',
        'the disaster recovery pattern keeps a second region ready',
      ),
    );
  }
  books.push(
    runbook(
      'rotate-credentials',
      'Rotate credentials and keys',
      'secrets leak; rotation must be routine',
    ),
  );
  return books;
}

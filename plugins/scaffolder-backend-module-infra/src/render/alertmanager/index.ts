/*
 * `monitoring/alertmanager/alertmanager.yaml`: the owner team's route to the receivers the
 * design chose (pages and tickets), and the inhibitions that make one incident one page:
 * while an SLO pages, its tickets are held back, and the fast page holds back the slow one.
 * No secret is written: every key and webhook URL is read from a file the deployment
 * mounts (Alertmanager's `*_file` fields), under SECRETS_DIR.
 */
import type { Design } from '@plinth/backstage-plugin-infra-common';
import { SLOTH_LABEL_ID } from '@plinth/backstage-plugin-infra-common';
import { ALERTMANAGER_PATH } from '../names';
import { teamOf } from '../prometheus';
import type { GeneratedFile } from '../types';
import { GENERATED_HEADER, toYaml } from '../yaml';

/** Where the deployment mounts the receivers' keys and URLs. */
export const SECRETS_DIR = '/etc/alertmanager/secrets';
/** Where the deployment puts its own notification templates (the e-mail address). */
export const TEMPLATES_GLOB = '/etc/alertmanager/templates/*.tmpl';

const secret = (name: string) => `${SECRETS_DIR}/${name}`;

/** The receiver's notifier for a receiver id of the design (`operations.routes`). */
function notifier(receiver: string) {
  switch (receiver) {
    case 'pagerduty':
      return {
        pagerduty_configs: [
          {
            routing_key_file: secret('pagerduty-routing-key'),
            severity: 'critical',
          },
        ],
      };
    case 'pagerduty-low-urgency':
      return {
        pagerduty_configs: [
          {
            routing_key_file: secret('pagerduty-low-urgency-routing-key'),
            severity: 'warning',
          },
        ],
      };
    case 'opsgenie':
      return {
        opsgenie_configs: [
          { api_key_file: secret('opsgenie-api-key'), priority: 'P1' },
        ],
      };
    case 'opsgenie-low-urgency':
      return {
        opsgenie_configs: [
          { api_key_file: secret('opsgenie-api-key'), priority: 'P4' },
        ],
      };
    case 'slack':
      return {
        slack_configs: [
          { api_url_file: secret('slack-webhook-url'), send_resolved: true },
        ],
      };
    case 'email':
      return {
        email_configs: [
          {
            // Alertmanager reads no address from the environment: the deployment defines
            // this template in a file under TEMPLATES_GLOB.
            to: '{{ template "plinth.email.to" . }}',
            send_resolved: true,
          },
        ],
      };
    default:
      throw new Error(`no Alertmanager receiver for '${receiver}'`);
  }
}

export function alertmanagerConfig(design: Design) {
  const team = teamOf(design);
  const name = (receiver: string) => `${team}-${receiver}`;
  const routes = design.operations.routes;
  const ticket = routes.find(r => r.severity === 'ticket') ?? routes[0];
  const receivers = [...new Set(routes.map(r => r.receiver))];
  const usesEmail = receivers.includes('email');
  return {
    global: {
      resolve_timeout: '5m',
      ...(usesEmail && {
        // A relay next to Alertmanager (the platform's mail sidecar); not a secret.
        smtp_smarthost: 'localhost:25',
        smtp_from: `alertmanager+${team}@localhost`,
        smtp_require_tls: false,
      }),
    },
    templates: [TEMPLATES_GLOB],
    route: {
      receiver: name(ticket.receiver),
      group_by: ['alertname', 'sloth_service', 'sloth_slo', 'environment'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [
        {
          matchers: [`team=${JSON.stringify(team)}`],
          receiver: name(ticket.receiver),
          routes: routes
            .filter(r => r.severity === 'page')
            .map(r => ({
              matchers: [`severity="${r.severity}"`],
              receiver: name(r.receiver),
              repeat_interval: '1h',
            })),
        },
      ],
    },
    inhibit_rules: [
      {
        source_matchers: ['severity="page"'],
        target_matchers: ['severity="ticket"'],
        equal: [SLOTH_LABEL_ID],
      },
      {
        source_matchers: ['tier="page-quick"'],
        target_matchers: ['tier="page-slow"'],
        equal: [SLOTH_LABEL_ID],
      },
      {
        source_matchers: ['tier="ticket-quick"'],
        target_matchers: ['tier="ticket-slow"'],
        equal: [SLOTH_LABEL_ID],
      },
    ],
    receivers: receivers.map(receiver => ({
      name: name(receiver),
      ...notifier(receiver),
    })),
  };
}

export function renderAlertmanager(design: Design): GeneratedFile[] {
  return [
    {
      path: ALERTMANAGER_PATH,
      content: toYaml(
        alertmanagerConfig(design),
        `${GENERATED_HEADER} Check: amtool check-config ${ALERTMANAGER_PATH}. Secrets are read from files under ${SECRETS_DIR}.`,
      ),
    },
  ];
}

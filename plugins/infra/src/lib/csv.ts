import {
  formatIssues,
  type ServiceSummary,
} from '@plinth/backstage-plugin-infra-common';
import { statusLabel } from '../components/StatusLabel';

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatTarget(target: number): string {
  // 0.9995 -> 99.95%
  return `${Number((target * 100).toFixed(3))}%`;
}

/** A remaining error budget as a percentage: 0.4286 -> 42.9%, spent budgets below 0. */
export function formatBudget(remaining: number): string {
  return `${Number((remaining * 100).toFixed(1))}%`;
}

const burningText = (row: ServiceSummary) => {
  if (!row.live) return '';
  return row.live.burning ? 'yes' : 'no';
};

/** The overview rows as CSV: one line per service, one column per framework. */
export function overviewCsv(
  rows: ServiceSummary[],
  frameworks: string[],
): string {
  const header = [
    'service',
    'title',
    'owner',
    'system',
    'slo targets',
    'budget left',
    'burning now',
    'environments',
    'status',
    ...frameworks,
    'problems',
  ];
  const lines = rows.map(row => [
    row.ref,
    row.title,
    row.owner,
    row.system,
    row.slos
      .map(
        s =>
          `${s.displayName ?? s.name} ${formatTarget(s.target)}/${
            s.windowDays
          }d`,
      )
      .join('; '),
    row.live?.budgetRemaining === undefined
      ? ''
      : formatBudget(row.live.budgetRemaining),
    burningText(row),
    row.environmentCount,
    statusLabel(row.status),
    ...frameworks.map(id => {
      const fw = row.frameworks.find(f => f.id === id);
      return fw ? statusLabel(fw.status) : '';
    }),
    formatIssues(row.issues),
  ]);
  return [header, ...lines]
    .map(line => line.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

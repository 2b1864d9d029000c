/*
 * Audit retention: how long the audit trail is kept, in days: the shortest retention of
 * the stores the audit logs go to (CloudTrail's log group and bucket lifecycle, Azure's
 * log storage policy, the GCS audit bucket's retention policy). Compared with each
 * framework's days by the audit-log-retention controls.
 */
import type { CodeLocation } from '../evaluate';
import {
  resolveAttribute,
  resolveExpression,
  Resolved,
  TfEnvironment,
  TfResource,
} from './terraform';
import { resourceAddress, worstFindingRule } from './types';

/** CloudWatch's 0: never expires. */
const FOREVER_DAYS = 36500;

interface Finding {
  days: number;
  at: CodeLocation;
}

const isAudit = (r: TfResource) => /audit/i.test(r.name);

function days(
  env: TfEnvironment,
  r: TfResource,
  v: Resolved | undefined,
  scale = 1,
): Finding | undefined {
  if (!v) return undefined;
  let value = v.value;
  let resolved = v;
  // `var.days * 86400`: the GCS retention period in seconds from a day count.
  const product =
    !v.literal && typeof v.value === 'string'
      ? /^(var\.[A-Za-z_][A-Za-z0-9_]*)\s*\*\s*(\d+)$/.exec(v.value)
      : null;
  if (product) {
    resolved = resolveExpression(
      env,
      r,
      { name: v.name, expression: product[1], line: v.line },
      v.file,
    );
    value =
      typeof resolved.value === 'number'
        ? resolved.value * Number(product[2])
        : undefined;
  }
  if (typeof value !== 'number') {
    return {
      days: 0,
      at: {
        file: v.file,
        line: v.line,
        found: `${resourceAddress(r)}: ${v.name} = ${String(
          v.value,
        )} (not a number Plinth can read)`,
      },
    };
  }
  const d =
    value === 0 && r.type === 'aws_cloudwatch_log_group'
      ? FOREVER_DAYS
      : Math.floor(value / scale);
  return {
    days: d,
    at: {
      file: resolved.file,
      line: resolved.line,
      found: `${resourceAddress(r)}: ${v.name} = ${value}${
        scale > 1 ? ` (${d} days)` : ''
      }`,
    },
  };
}

function read(env: TfEnvironment, r: TfResource): Finding | undefined {
  if (!isAudit(r) && r.type !== 'azurerm_storage_management_policy')
    return undefined;
  switch (r.type) {
    case 'aws_cloudwatch_log_group':
      return (
        days(env, r, resolveAttribute(env, r, 'retention_in_days')) ?? {
          days: FOREVER_DAYS,
          at: {
            file: r.file,
            line: r.block.line,
            found: `${resourceAddress(
              r,
            )}: no retention_in_days (never expires)`,
          },
        }
      );
    case 'aws_s3_bucket_lifecycle_configuration': {
      for (const rule of r.block.blocks.filter(b => b.type === 'rule')) {
        const expiration = rule.blocks.find(b => b.type === 'expiration');
        if (expiration)
          return days(env, r, resolveAttribute(env, r, 'days', expiration));
      }
      return undefined;
    }
    case 'azurerm_storage_management_policy': {
      for (const rule of r.block.blocks.filter(b => b.type === 'rule')) {
        const base = rule.blocks
          .find(b => b.type === 'actions')
          ?.blocks.find(b => b.type === 'base_blob');
        if (base)
          return days(
            env,
            r,
            resolveAttribute(
              env,
              r,
              'delete_after_days_since_creation_greater_than',
              base,
            ),
          );
      }
      return undefined;
    }
    case 'google_storage_bucket': {
      const policy = r.block.blocks.find(b => b.type === 'retention_policy');
      return (
        policy &&
        days(
          env,
          r,
          resolveAttribute(env, r, 'retention_period', policy),
          86400,
        )
      );
    }
    case 'google_logging_project_bucket_config':
      return days(env, r, resolveAttribute(env, r, 'retention_days'));
    default:
      return undefined;
  }
}

export const auditRetentionRule = worstFindingRule({
  id: 'code-audit-retention',
  title: "Audit trail kept for the framework's days",
  field: 'auditLogRetentionDays',
  scannerIds: ['CKV_AWS_66', 'CKV_AWS_338'],
  read,
  rank: f => f.days,
  value: f => f.days,
  fixHint: () =>
    'Keep every audit log store (log group, bucket lifecycle, retention policy) at least as long as the strictest framework asks.',
});

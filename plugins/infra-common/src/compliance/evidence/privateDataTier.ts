/*
 * Private data tier: no database or cache has a public address. The code's value is
 * false when one data resource is reachable from the internet, true when none is, and
 * undefined when the environment has no data resource.
 */
import type { CodeLocation } from '../evaluate';
import { resolveAttribute, TfEnvironment, TfResource } from './terraform';
import { resourceAddress, worstFindingRule } from './types';

interface Finding {
  open: boolean;
  at: CodeLocation;
}

/** `publicly_accessible`-style flags: public only when set true. */
function flag(
  env: TfEnvironment,
  r: TfResource,
  name: string,
  publicWhenUnset = false,
): Finding {
  const v = resolveAttribute(env, r, name);
  if (!v)
    return {
      open: publicWhenUnset,
      at: {
        file: r.file,
        line: r.block.line,
        found: `${resourceAddress(r)}: ${name} not set${
          publicWhenUnset ? ' (provider default: public)' : ''
        }`,
      },
    };
  return {
    open: v.value === true,
    at: {
      file: v.file,
      line: v.line,
      found: `${resourceAddress(r)}: ${name} = ${String(v.value)}`,
    },
  };
}

function cloudSql(env: TfEnvironment, r: TfResource): Finding {
  const settings = r.block.blocks.find(b => b.type === 'settings');
  const ip = settings?.blocks.find(b => b.type === 'ip_configuration');
  const v = ip && resolveAttribute(env, r, 'ipv4_enabled', ip);
  // Cloud SQL gets a public IPv4 address unless ipv4_enabled is false.
  if (v?.value === false)
    return {
      open: false,
      at: {
        file: v.file,
        line: v.line,
        found: `${resourceAddress(r)}: ipv4_enabled = false`,
      },
    };
  return {
    open: true,
    at: v
      ? {
          file: v.file,
          line: v.line,
          found: `${resourceAddress(r)}: ipv4_enabled = ${String(v.value)}`,
        }
      : {
          file: r.file,
          line: (ip ?? settings ?? r.block).line,
          found: `${resourceAddress(
            r,
          )}: ipv4_enabled not false (public IPv4 by default)`,
        },
  };
}

const DATA: Record<string, (env: TfEnvironment, r: TfResource) => Finding> = {
  aws_db_instance: (e, r) => flag(e, r, 'publicly_accessible'),
  aws_rds_cluster_instance: (e, r) => flag(e, r, 'publicly_accessible'),
  azurerm_postgresql_flexible_server: (e, r) =>
    // A server in a delegated subnet has no public endpoint; otherwise public by default.
    flag(
      e,
      r,
      'public_network_access_enabled',
      !r.block.attributes.has('delegated_subnet_id'),
    ),
  azurerm_redis_cache: (e, r) =>
    flag(e, r, 'public_network_access_enabled', true),
  google_sql_database_instance: cloudSql,
};

export const privateDataTierRule = worstFindingRule({
  id: 'code-private-data-tier',
  title: 'No database or cache with a public address',
  field: 'privateDataTier',
  scannerIds: ['CKV_AWS_17', 'CKV_GCP_60'],
  read: (e, r) => DATA[r.type]?.(e, r),
  rank: f => Number(!f.open),
  value: f => !f.open,
  fixHint: f =>
    f.open
      ? 'Keep data resources in the private data subnets with no public address (publicly_accessible = false, public_network_access_enabled = false, ipv4_enabled = false).'
      : undefined,
});

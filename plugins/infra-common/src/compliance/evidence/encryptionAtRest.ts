/*
 * Encryption at rest: every database, volume, bucket and cache sets encryption, with a
 * customer-managed key. The code's value is the worst found: `none` when one store is
 * unencrypted, `provider-managed` when one has no customer-managed key, else
 * `managed-key`; undefined when the environment has no data store.
 */
import type { EncryptionAtRest } from '../../catalog';
import type { CodeLocation } from '../evaluate';
import {
  nestedBlocks,
  resolveAttribute,
  TfEnvironment,
  TfResource,
} from './terraform';
import { resourceAddress, worstFindingRule } from './types';

const RANK: Record<EncryptionAtRest, number> = {
  none: 0,
  'provider-managed': 1,
  'managed-key': 2,
};

interface Finding {
  level: EncryptionAtRest;
  at: CodeLocation;
}

function isSet(value: unknown): boolean {
  return (
    value !== undefined && value !== null && value !== '' && value !== false
  );
}

/** A flag that must be true and a key argument, as on RDS, ElastiCache and EBS. */
function flagAndKey(
  env: TfEnvironment,
  r: TfResource,
  flag: string,
  key: string,
): Finding {
  const enabled = resolveAttribute(env, r, flag);
  if (enabled?.value !== true) {
    return {
      level: 'none',
      at: enabled
        ? {
            file: enabled.file,
            line: enabled.line,
            found: `${resourceAddress(r)}: ${flag} = ${String(enabled.value)}`,
          }
        : {
            file: r.file,
            line: r.block.line,
            found: `${resourceAddress(r)}: ${flag} not set (unencrypted)`,
          },
    };
  }
  const kms = resolveAttribute(env, r, key);
  if (!kms || !isSet(kms.value)) {
    return {
      level: 'provider-managed',
      at: {
        file: r.file,
        line: r.block.line,
        found: `${resourceAddress(r)}: ${flag} = true, no ${key}`,
      },
    };
  }
  return {
    level: 'managed-key',
    at: {
      file: kms.file,
      line: kms.line,
      found: `${resourceAddress(r)}: ${key} = ${String(kms.value)}`,
    },
  };
}

/** Encrypted by the cloud always; managed-key when the key block or argument is there. */
function keyBlock(env: TfEnvironment, r: TfResource, type: string): Finding {
  for (const found of nestedBlocks(env, r, r.block, type)) {
    if ('block' in found) {
      return {
        level: 'managed-key',
        at: {
          file: r.file,
          line: found.line,
          found: `${resourceAddress(r)}: ${type} block`,
        },
      };
    }
    if (found.present) {
      return {
        level: 'managed-key',
        at: {
          file: r.file,
          line: found.dynamic.line,
          found: `${resourceAddress(r)}: dynamic ${type}, ${found.reason}`,
        },
      };
    }
    return {
      level: 'provider-managed',
      at: {
        file: r.file,
        line: found.dynamic.line,
        found: `${resourceAddress(r)}: dynamic ${type} is empty: ${
          found.reason
        }`,
      },
    };
  }
  return {
    level: 'provider-managed',
    at: {
      file: r.file,
      line: r.block.line,
      found: `${resourceAddress(r)}: no ${type}`,
    },
  };
}

function keyArgument(env: TfEnvironment, r: TfResource, key: string): Finding {
  const kms = resolveAttribute(env, r, key);
  return kms && isSet(kms.value)
    ? {
        level: 'managed-key',
        at: {
          file: kms.file,
          line: kms.line,
          found: `${resourceAddress(r)}: ${key} = ${String(kms.value)}`,
        },
      }
    : {
        level: 'provider-managed',
        at: {
          file: r.file,
          line: r.block.line,
          found: `${resourceAddress(r)}: no ${key}`,
        },
      };
}

function s3Encryption(env: TfEnvironment, r: TfResource): Finding {
  for (const rule of r.block.blocks.filter(b => b.type === 'rule')) {
    for (const d of rule.blocks.filter(
      b => b.type === 'apply_server_side_encryption_by_default',
    )) {
      const algorithm = resolveAttribute(env, r, 'sse_algorithm', d);
      const key = resolveAttribute(env, r, 'kms_master_key_id', d);
      if (algorithm?.value === 'aws:kms' && key && isSet(key.value))
        return {
          level: 'managed-key',
          at: {
            file: key.file,
            line: key.line,
            found: `${resourceAddress(
              r,
            )}: aws:kms with kms_master_key_id = ${String(key.value)}`,
          },
        };
      return {
        level: 'provider-managed',
        at: {
          file: r.file,
          line: algorithm?.line ?? d.line,
          found: `${resourceAddress(r)}: sse_algorithm = ${String(
            algorithm?.value,
          )}${key ? '' : ', no kms_master_key_id'}`,
        },
      };
    }
  }
  return {
    level: 'provider-managed',
    at: {
      file: r.file,
      line: r.block.line,
      found: `${resourceAddress(r)}: no default encryption rule`,
    },
  };
}

const STORES: Record<string, (env: TfEnvironment, r: TfResource) => Finding> = {
  aws_db_instance: (e, r) =>
    flagAndKey(e, r, 'storage_encrypted', 'kms_key_id'),
  aws_rds_cluster: (e, r) =>
    flagAndKey(e, r, 'storage_encrypted', 'kms_key_id'),
  aws_elasticache_replication_group: (e, r) =>
    flagAndKey(e, r, 'at_rest_encryption_enabled', 'kms_key_id'),
  aws_ebs_volume: (e, r) => flagAndKey(e, r, 'encrypted', 'kms_key_id'),
  aws_s3_bucket_server_side_encryption_configuration: s3Encryption,
  azurerm_postgresql_flexible_server: (e, r) =>
    keyBlock(e, r, 'customer_managed_key'),
  azurerm_storage_account: (e, r) => keyBlock(e, r, 'customer_managed_key'),
  google_sql_database_instance: (e, r) =>
    keyArgument(e, r, 'encryption_key_name'),
  google_redis_instance: (e, r) => keyArgument(e, r, 'customer_managed_key'),
  google_storage_bucket: (e, r) => {
    const enc = r.block.blocks.find(b => b.type === 'encryption');
    const key = enc && resolveAttribute(e, r, 'default_kms_key_name', enc);
    return key && isSet(key.value)
      ? {
          level: 'managed-key',
          at: {
            file: key.file,
            line: key.line,
            found: `${resourceAddress(r)}: default_kms_key_name = ${String(
              key.value,
            )}`,
          },
        }
      : {
          level: 'provider-managed',
          at: {
            file: r.file,
            line: r.block.line,
            found: `${resourceAddress(r)}: no encryption.default_kms_key_name`,
          },
        };
  },
};

export const encryptionAtRestRule = worstFindingRule({
  id: 'code-encryption-at-rest',
  title: 'Every data store encrypted at rest with a customer-managed key',
  field: 'encryptionAtRest',
  scannerIds: [
    'CKV_AWS_16',
    'CKV_AWS_96',
    'CKV_AWS_3',
    'CKV_AWS_19',
    'CKV_AWS_145',
  ],
  read: (e, r) => STORES[r.type]?.(e, r),
  rank: f => RANK[f.level],
  value: f => f.level,
  fixHint: ({ level }) => {
    if (level === 'managed-key') return undefined;
    return level === 'none'
      ? "Set storage encryption on every data store (storage_encrypted / at_rest_encryption_enabled / encrypted = true) with the environment's KMS key."
      : "Give every data store the environment's customer-managed key (kms_key_id, customer_managed_key, encryption_key_name).";
  },
});

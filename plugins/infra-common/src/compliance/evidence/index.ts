export * from './rules';
export type { EvidenceRule } from './types';
export type { IacFile, TfEnvironment, TfResource } from './terraform';
export { readHcl } from './hclReader';
export type { HclAttribute, HclBlock, HclDocument } from './hclReader';

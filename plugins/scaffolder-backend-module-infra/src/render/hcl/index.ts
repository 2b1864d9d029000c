export {
  block,
  call,
  comment,
  data,
  nested,
  raw,
  ref,
  resource,
  str,
} from './builders';
export { escapeStringContent, isIdentifier, quoteString } from './escape';
export { renderHclAttributes, renderHclFile, renderValue } from './render';
export { HclCall, HclExpression, HclNestedBlock } from './types';
export type {
  HclBlock,
  HclBody,
  HclComment,
  HclFileItem,
  HclPrimitive,
  HclValue,
} from './types';

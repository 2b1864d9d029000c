import type { Decision } from './types';

/** A rule's answer: the value, why, and whether it came from the user or from a rule. */
export interface Reasoned<T> {
  value: T;
  reason: string;
  origin: Decision['origin'];
}

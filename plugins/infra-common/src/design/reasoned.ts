import type { Decision } from './types';

/** A rule's answer: the value, why, and whether it came from the user or from a rule. */
export interface Reasoned<T> {
  value: T;
  reason: string;
  origin: Decision['origin'];
}

/** The user's answer, kept as given. */
export function fromAnswer<T>(value: T): Reasoned<T> {
  return { value, reason: 'answered', origin: 'answered' };
}

/** A value a rule derived from the answers, with the rule's reason. */
export function derived<T>(value: T, reason: string): Reasoned<T> {
  return { value, reason, origin: 'derived' };
}

/** Plinth's default where nothing in the answers decides, with why it is the default. */
export function byDefault<T>(value: T, reason: string): Reasoned<T> {
  return { value, reason, origin: 'default' };
}

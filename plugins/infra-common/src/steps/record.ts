/*
 * What each planning step returns besides its values: the decisions it made, each with
 * its reason and origin, and the warnings it raised. A step records through a `StepLog`
 * bound to its step number, so a decision cannot land in another step by mistake.
 */
import type { AnswerDefault } from '../answers/schema';
import type { Reasoned } from '../design/reasoned';
import type { Decision, DesignWarning, WorkflowStep } from '../design/types';

/** What every step returns: its own values plus its decisions and warnings. */
export type StepResult<T> = T & {
  decisions: Decision[];
  warnings: DesignWarning[];
};

/** The defaults `parseAnswers` filled in, so decisions based on them say so. */
export type Defaults = readonly AnswerDefault[];

export interface StepLog {
  /** Records a rule's result and returns its value. */
  decide<T extends Decision['value']>(
    id: string,
    title: string,
    reasoned: Reasoned<T>,
  ): T;
  /** Records an answer (or the default that stood in for it) and returns it. */
  answered<T extends Decision['value']>(
    id: string,
    title: string,
    path: string,
    value: T,
  ): T;
  /** `answered` when the user gave the answer at `path`, else `default`. */
  originOf(path: string): Decision['origin'];
  warn(warnings: readonly DesignWarning[]): void;
  /** The decisions and warnings recorded, added to the step's values. */
  result<T extends object>(values: T): StepResult<T>;
}

export function stepLog(step: WorkflowStep, defaults: Defaults): StepLog {
  const decisions: Decision[] = [];
  const warnings: DesignWarning[] = [];
  const defaultAt = (path: string) => defaults.find(d => d.path === path);
  return {
    decide(id, title, { value, reason, origin }) {
      decisions.push({ id, step, title, value, reason, origin });
      return value;
    },
    answered(id, title, path, value) {
      const filled = defaultAt(path);
      decisions.push({
        id,
        step,
        title,
        value,
        reason: filled?.reason ?? 'answered',
        origin: filled ? 'default' : 'answered',
      });
      return value;
    },
    originOf: path => (defaultAt(path) ? 'default' : 'answered'),
    warn(more) {
      warnings.push(...more);
    },
    result: values => ({ ...values, decisions, warnings }),
  };
}

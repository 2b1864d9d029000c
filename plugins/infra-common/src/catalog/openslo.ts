import { z } from 'zod';
import { issuesFromZod } from './issues';
import type { ContractIssue } from './types';

/*
 * The OpenSLO v1 `SLO` document, as its specification describes it
 * (github.com/OpenSLO/OpenSLO, README "SLO"). Where the old JSON Schema
 * proof of concept and the specification disagree, the specification wins:
 * `RatioTimeslices` is a budgeting method, `ratioMetric.counter` is optional,
 * and `alertPolicies` may be names, inline policies or `alertPolicyRef`s.
 */

const DURATION_PATTERN = /^[1-9][0-9]*[mhdwMQY]$/;
const NAME_PATTERN = /^[a-z0-9]([a-z0-9.|/\\-]*[a-z0-9])?$/;

const durationShorthand = z
  .string({ required_error: 'is required' })
  .regex(
    DURATION_PATTERN,
    'expected a duration shorthand such as 28d, 4w, 1M (a positive integer and one of m h d w M Q Y)',
  );

const openSloName = z
  .string({ required_error: 'is required' })
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(
    NAME_PATTERN,
    'expected a lower-case name of letters, digits, dots and dashes',
  );

const metricSource = z
  .object({
    metricSourceRef: openSloName.optional(),
    type: z.string().optional(),
    spec: z.record(z.unknown(), {
      required_error: 'is required',
      invalid_type_error: 'expected an object with the query',
    }),
  })
  .passthrough();

const metricSourceHolder = z
  .object({ metricSource: metricSource })
  .passthrough();

const ratioMetric = z
  .object({
    counter: z.boolean().optional(),
    good: metricSourceHolder.optional(),
    bad: metricSourceHolder.optional(),
    total: metricSourceHolder.optional(),
    raw: metricSourceHolder.optional(),
    rawType: z.enum(['success', 'failure']).optional(),
  })
  .passthrough()
  .superRefine((ratio, ctx) => {
    if (ratio.raw) {
      if (!ratio.rawType) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['rawType'],
          message: 'is required with raw: success or failure',
        });
      }
      return;
    }
    if (!ratio.total) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['total'],
        message: 'is required (or raw with rawType)',
      });
    }
    if (Boolean(ratio.good) === Boolean(ratio.bad)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ratio.good ? ['bad'] : ['good'],
        message: 'exactly one of good or bad is required',
      });
    }
  });

const thresholdMetric = z.object({ metricSource: metricSource }).passthrough();

const sliSpec = z
  .object({
    description: z.string().max(1050).optional(),
    ratioMetric: ratioMetric.optional(),
    thresholdMetric: thresholdMetric.optional(),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (Boolean(spec.ratioMetric) === Boolean(spec.thresholdMetric)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [],
        message: 'exactly one of ratioMetric or thresholdMetric is required',
      });
    }
  });

const inlineIndicator = z
  .object({
    metadata: z
      .object({
        name: openSloName,
        displayName: z.string().optional(),
      })
      .passthrough(),
    spec: sliSpec,
  })
  .passthrough();

const timeWindow = z
  .object({
    duration: durationShorthand,
    isRolling: z.boolean().optional(),
    calendar: z
      .object({
        startTime: z.string({ required_error: 'is required' }),
        timeZone: z.string({ required_error: 'is required' }),
      })
      .passthrough()
      .optional(),
  })
  .passthrough()
  .superRefine((window, ctx) => {
    if (window.isRolling !== true && !window.calendar) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['calendar'],
        message:
          'is required when the window is not rolling (set isRolling: true for a rolling window)',
      });
    }
  });

const OPERATORS = ['lte', 'gte', 'lt', 'gt'] as const;

const objective = z
  .object({
    displayName: z.string().optional(),
    op: z
      .enum(OPERATORS, {
        errorMap: () => ({
          message: `expected one of ${OPERATORS.join(', ')}`,
        }),
      })
      .optional(),
    value: z.number({ invalid_type_error: 'expected a number' }).optional(),
    target: z
      .number({ invalid_type_error: 'expected a number' })
      .min(0, 'must be at least 0')
      .lt(1, 'must be below 1: a fraction, 0.999 means 99.9%')
      .optional(),
    targetPercent: z
      .number({ invalid_type_error: 'expected a number' })
      .min(0, 'must be at least 0')
      .lt(100, 'must be below 100')
      .optional(),
    timeSliceTarget: z
      .number({ invalid_type_error: 'expected a number' })
      .gt(0, 'must be above 0')
      .max(1, 'must be at most 1: a fraction')
      .optional(),
    timeSliceWindow: z
      .union([durationShorthand, z.number().positive()], {
        errorMap: () => ({
          message: 'expected a duration shorthand such as 1m, or seconds',
        }),
      })
      .optional(),
  })
  .passthrough()
  .superRefine((o, ctx) => {
    if ((o.target === undefined) === (o.targetPercent === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['target'],
        message: 'exactly one of target or targetPercent is required',
      });
    }
  });

const BUDGETING_METHODS = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
] as const;

type OpenSloMetricSource = {
  metricSource: {
    metricSourceRef?: string;
    type?: string;
    spec: Record<string, unknown>;
  };
};

/** The `spec` of an OpenSLO v1 SLO, as the validator accepts it. */
export interface OpenSloSloSpec {
  description?: string;
  service: string;
  indicator?: {
    metadata: { name: string; displayName?: string };
    spec: {
      description?: string;
      ratioMetric?: {
        counter?: boolean;
        good?: OpenSloMetricSource;
        bad?: OpenSloMetricSource;
        total?: OpenSloMetricSource;
        raw?: OpenSloMetricSource;
        rawType?: 'success' | 'failure';
      };
      thresholdMetric?: OpenSloMetricSource;
    };
  };
  indicatorRef?: string;
  timeWindow: Array<{
    duration: string;
    isRolling?: boolean;
    calendar?: { startTime: string; timeZone: string };
  }>;
  budgetingMethod: (typeof BUDGETING_METHODS)[number];
  objectives: Array<{
    displayName?: string;
    op?: (typeof OPERATORS)[number];
    value?: number;
    target?: number;
    targetPercent?: number;
    timeSliceTarget?: number;
    timeSliceWindow?: string | number;
  }>;
  alertPolicies?: Array<string | Record<string, unknown>> | null;
}

// Typed by hand: the inferred type is too large for TypeScript to emit.
const openSloSloSpecSchema: z.ZodType<OpenSloSloSpec, z.ZodTypeDef, unknown> = z
  .object({
    description: z
      .string()
      .max(1050, 'must be at most 1050 characters')
      .optional(),
    service: openSloName,
    indicator: inlineIndicator.optional(),
    indicatorRef: openSloName.optional(),
    timeWindow: z
      .array(timeWindow, { required_error: 'is required' })
      .length(1, 'expected exactly one time window'),
    budgetingMethod: z.enum(BUDGETING_METHODS, {
      errorMap: () => ({
        message: `expected one of ${BUDGETING_METHODS.join(', ')}`,
      }),
    }),
    objectives: z
      .array(objective, { required_error: 'is required' })
      .min(1, 'expected at least one objective'),
    // `alertPolicies:` with nothing after it is YAML for null: treat it as none.
    alertPolicies: z
      .array(z.union([openSloName, z.record(z.unknown())]))
      .nullable()
      .optional(),
  })
  .passthrough()
  .superRefine((spec, ctx) => {
    if (Boolean(spec.indicator) === Boolean(spec.indicatorRef)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['indicator'],
        message: 'exactly one of indicator or indicatorRef is required',
      });
    }
    const threshold = Boolean(spec.indicator?.spec.thresholdMetric);
    spec.objectives.forEach((o, index) => {
      if (
        spec.budgetingMethod !== 'Occurrences' &&
        o.timeSliceWindow === undefined
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['objectives', index, 'timeSliceWindow'],
          message: `is required with budgetingMethod ${spec.budgetingMethod}`,
        });
      }
      if (
        spec.budgetingMethod === 'Timeslices' &&
        o.timeSliceTarget === undefined
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['objectives', index, 'timeSliceTarget'],
          message: 'is required with budgetingMethod Timeslices',
        });
      }
      if (threshold && (o.op === undefined || o.value === undefined)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['objectives', index, o.op === undefined ? 'op' : 'value'],
          message: 'is required for a threshold indicator (op and value)',
        });
      }
    });
  });

/** A whole OpenSLO v1 SLO document. */
const openSloSloSchema = z
  .object({
    apiVersion: z.literal('openslo/v1', {
      errorMap: () => ({ message: 'expected openslo/v1' }),
    }),
    kind: z.literal('SLO', {
      errorMap: () => ({ message: 'expected SLO' }),
    }),
    metadata: z
      .object({
        name: openSloName,
        displayName: z.string().optional(),
      })
      .passthrough(),
    spec: openSloSloSpecSchema,
  })
  .passthrough();

/**
 * Validates an OpenSLO v1 SLO document against the specification.
 * Returns the problems, each naming its field; an empty list means valid.
 */
export function validateOpenSloSlo(document: unknown): ContractIssue[] {
  const result = openSloSloSchema.safeParse(document);
  return result.success ? [] : issuesFromZod(result.error);
}

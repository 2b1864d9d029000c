import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
// Tests run in Node; the rule for missing reference data is written once, in test-support.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { referencePath } from '@plinth/test-support';
import { validateOpenSloSlo } from './openslo';

/*
 * Conformance with OpenSLO's own fixtures, read at run time from the shared
 * reference folder (see its README): OpenSLO/OpenSLO schema-test/spec-files/v1
 * (`valid/`, `invalid/`), the repository's current examples and the go-sdk's
 * v1 examples.
 */
const referenceDir = referencePath('openslo');

function documentsIn(folder: string): Array<{ file: string; doc: any }> {
  const dir = path.join(referenceDir!, folder);
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).flatMap(
        d => {
          const value = d.toJS();
          return (Array.isArray(value) ? value : [value]).map(doc => ({
            file,
            doc,
          }));
        },
      ),
    );
}

// Without the reference the tables are one placeholder row: the skipped tests still show.
const slosIn = (folder: string) =>
  referenceDir
    ? documentsIn(folder).filter(({ doc }) => doc?.kind === 'SLO')
    : [{ file: '(reference data missing)', doc: { metadata: {} } }];

const slo = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'payments-api-availability' },
  spec: {
    service: 'payments-api',
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '28d', isRolling: true }],
    objectives: [{ displayName: 'availability', target: 0.9995 }],
    indicator: {
      metadata: { name: 'payments-api-availability-sli' },
      spec: {
        ratioMetric: {
          counter: true,
          good: {
            metricSource: { type: 'Prometheus', spec: { query: 'good' } },
          },
          total: {
            metricSource: { type: 'Prometheus', spec: { query: 'total' } },
          },
        },
      },
    },
  },
};

describe('validateOpenSloSlo', () => {
  const broken = (mutate: (d: any) => void) => {
    const copy: any = structuredClone(slo);
    mutate(copy);
    return validateOpenSloSlo(copy).map(i => i.path);
  };

  it('accepts a complete SLO', () => {
    expect(validateOpenSloSlo(slo)).toEqual([]);
  });

  it('rejects broken variants, naming the field', () => {
    expect(broken(d => (d.spec.objectives[0].target = 1.5))).toEqual([
      'spec.objectives[0].target',
    ]);
    expect(broken(d => (d.spec.timeWindow[0].duration = '30 days'))).toEqual([
      'spec.timeWindow[0].duration',
    ]);
    expect(broken(d => (d.spec.budgetingMethod = 'Percent'))).toEqual([
      'spec.budgetingMethod',
    ]);
    expect(broken(d => (d.spec.indicatorRef = 'also-a-ref'))).toEqual([
      'spec.indicator',
    ]);
    expect(broken(d => delete d.spec.service)).toEqual(['spec.service']);
    expect(
      broken(
        d =>
          (d.spec.indicator.spec.ratioMetric.bad =
            d.spec.indicator.spec.ratioMetric.good),
      ),
    ).toEqual(['spec.indicator.spec.ratioMetric.bad']);
    expect(broken(d => (d.spec.timeWindow[0].isRolling = false))).toEqual([
      'spec.timeWindow[0].calendar',
    ]);
    expect(broken(d => (d.spec.budgetingMethod = 'Timeslices'))).toEqual([
      'spec.objectives[0].timeSliceWindow',
      'spec.objectives[0].timeSliceTarget',
    ]);
  });

  it('requires op and value on the objectives of a threshold indicator', () => {
    const paths = broken(d => {
      d.spec.indicator.spec = {
        thresholdMetric: { metricSource: { spec: { query: 'latency' } } },
      };
    });
    expect(paths).toEqual(['spec.objectives[0].op']);
  });

  it('explains a percentage written as a target', () => {
    const copy: any = structuredClone(slo);
    copy.spec.objectives[0].target = 99.95;
    expect(validateOpenSloSlo(copy)).toEqual([
      {
        path: 'spec.objectives[0].target',
        message: 'must be below 1: a fraction, 0.999 means 99.9%',
      },
    ]);
  });
});

(referenceDir ? describe : describe.skip)('OpenSLO v1 conformance', () => {
  it.each(slosIn('valid').map(({ file, doc }) => [file, doc]))(
    'accepts valid/%s',
    (_file, doc) => {
      expect(validateOpenSloSlo(doc)).toEqual([]);
    },
  );

  // Examples of the current specification: RatioTimeslices, no `counter`, `alertPolicies:` empty.
  it.each(slosIn('repo-examples-current').map(({ file, doc }) => [file, doc]))(
    'accepts repo-examples-current/%s',
    (_file, doc) => {
      expect(validateOpenSloSlo(doc)).toEqual([]);
    },
  );

  it.each(
    slosIn('go-sdk-v1-examples').map(({ file, doc }) => [
      file,
      doc.metadata.name,
      doc,
    ]),
  )('accepts go-sdk-v1-examples/%s %s', (_file, _name, doc) => {
    expect(validateOpenSloSlo(doc)).toEqual([]);
  });

  it('finds SLO fixtures to check', () => {
    expect(slosIn('valid').length).toBeGreaterThanOrEqual(4);
  });

  it('rejects the fixtures OpenSLO lists as invalid that are not SLOs', () => {
    // None of OpenSLO's negative fixtures is an SLO; as documents they must not pass as one.
    const invalid = documentsIn('invalid');
    expect(invalid.length).toBeGreaterThan(0);
    for (const { doc } of invalid) {
      expect(validateOpenSloSlo(doc)).not.toEqual([]);
    }
  });
});

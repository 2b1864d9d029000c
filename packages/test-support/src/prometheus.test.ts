import {
  prometheusUnavailable,
  startPrometheus,
  toOpenMetrics,
} from './prometheus';

describe('toOpenMetrics', () => {
  it('writes one family per name, samples in time order, seconds, # EOF', () => {
    expect(
      toOpenMetrics([
        {
          metric: 'jobs_total',
          labels: { job: 'a"b' },
          samples: [
            [2000, 2],
            [1000, 1],
          ],
        },
      ]),
    ).toBe(
      '# TYPE jobs_total unknown\njobs_total{job="a\\"b"} 1 1\njobs_total{job="a\\"b"} 2 2\n# EOF\n',
    );
    expect(() =>
      toOpenMetrics([{ metric: 'a b', labels: {}, samples: [] }]),
    ).toThrow(/metric name/);
  });
});

describe('startPrometheus', () => {
  if (prometheusUnavailable('the Prometheus helper test')) {
    // Without Debian's prometheus the suite shows as skipped, never as passed;
    // prometheusUnavailable throws under CI=true, so CI cannot skip it.
    it.skip('needs prometheus and promtool', () => {});
    return;
  }

  it('serves backfilled history and evaluates the rule files on it', async () => {
    const now = Date.now();
    // A counter growing by 60 a minute for the last two hours: a rate of 1/s.
    const samples: Array<[number, number]> = [];
    for (let m = 120; m >= 0; m--)
      samples.push([now - m * 60_000, 60 * (120 - m)]);
    const prometheus = await startPrometheus({
      series: [{ metric: 'requests_total', labels: { job: 'api' }, samples }],
      ruleFiles: {
        'rules.yaml': JSON.stringify({
          groups: [
            {
              name: 'test',
              rules: [
                {
                  record: 'job:requests:rate1h',
                  expr: 'rate(requests_total[1h])',
                },
                { alert: 'Busy', expr: 'job:requests:rate1h > 0.5' },
                { alert: 'Idle', expr: 'job:requests:rate1h < 0.5' },
              ],
            },
          ],
        }),
      },
    });
    try {
      await prometheus!.waitForEvaluations(2);
      const [rate] = await prometheus!.query('job:requests:rate1h');
      expect(Number(rate.value[1])).toBeCloseTo(1, 6);
      const history = await prometheus!.query('requests_total offset 1h');
      expect(Number(history[0].value[1])).toBe(3600);
      const alerts = await prometheus!.alerts();
      expect(alerts.map(a => [a.labels.alertname, a.state])).toEqual([
        ['Busy', 'firing'],
      ]);
    } finally {
      await prometheus!.stop();
    }
  }, 90_000);
});

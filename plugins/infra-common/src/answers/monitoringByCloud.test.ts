import { monitoringFor, monitoringProblem } from './monitoringByCloud';
import { parseAnswers } from './schema';

describe('monitoring by cloud', () => {
  it('offers CloudWatch on AWS only', () => {
    expect(monitoringFor('aws')).toEqual([
      'prometheus',
      'cloudwatch',
      'datadog',
    ]);
    expect(monitoringFor('gcp')).toEqual(['prometheus', 'datadog']);
    expect(monitoringFor('azure')).toEqual(['prometheus', 'datadog']);
  });

  it('says in words why CloudWatch does not fit Google Cloud', () => {
    expect(monitoringProblem('gcp', 'cloudwatch')).toBe(
      'Amazon CloudWatch is only available on AWS; on Google Cloud choose Prometheus or Datadog',
    );
    expect(monitoringProblem('aws', 'cloudwatch')).toBeUndefined();
    expect(monitoringProblem('gcp', 'datadog')).toBeUndefined();
  });

  it('is a rule of the answers schema', () => {
    const result = parseAnswers({
      service: { name: 'fraud-scoring', owner: 'group:default/payments' },
      topology: { cloud: 'gcp' },
      operations: { monitoring: 'cloudwatch' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      {
        path: 'operations.monitoring',
        message: expect.stringContaining('only available on AWS'),
      },
    ]);
  });
});

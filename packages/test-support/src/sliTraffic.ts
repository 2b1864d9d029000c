/*
 * Made-up traffic of a service, as the raw series its SLIs read: an event counter split
 * into good and bad events, and (for latency SLOs) a request-duration histogram. The same
 * model gives the backfilled history (OpenMetrics samples for `promtool tsdb
 * create-blocks-from openmetrics`) and, after the end of that history, a live exposition
 * that a demo Prometheus scrapes, so the counters never stop and the generated
 * SLI-absent alerts stay quiet.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackfillSeries } from './prometheus';

/** One service's raw SLI series and what happens to its traffic. */
export interface TrafficService {
  /** Labels of every series (`service`, `environment`). */
  labels: Record<string, string>;
  /** The event counter and the label that splits it into good and bad events. */
  counter: { name: string; good: [string, string]; bad: [string, string] };
  /** The duration histogram: its buckets (`le` as written) and the SLO's threshold bucket. */
  histogram?: {
    name: string;
    buckets: Array<{ le: string; seconds: number }>;
    thresholdSeconds: number;
  };
  eventsPerMinute: number;
  /** Share of failed events in the minute that ends `m` minutes before the end (m < 0: after it). */
  errorShare(m: number): number;
  /** Share of events slower than the threshold in that minute. */
  slowShare(m: number): number;
}

/** The scrape job and instance labels both the history and the live exposition carry. */
export const TRAFFIC_JOB = 'plinth-demo-traffic';
export const TRAFFIC_INSTANCE = 'demo';
const SCRAPE_LABELS = { job: TRAFFIC_JOB, instance: TRAFFIC_INSTANCE };

/** Counters start high so that rate() never mistakes the start for a reset. */
const COUNTER_START = 1_000_000;

interface Line {
  metric: string;
  labels: Record<string, string>;
  /** Events this series counts in the minute that ends `m` minutes before the end. */
  perMinute(m: number): number;
}

function linesOf(service: TrafficService): Line[] {
  const n = service.eventsPerMinute;
  const { counter, histogram } = service;
  const lines: Line[] = [
    {
      metric: counter.name,
      labels: { ...service.labels, [counter.good[0]]: counter.good[1] },
      perMinute: m => n * (1 - service.errorShare(m)),
    },
    {
      metric: counter.name,
      labels: { ...service.labels, [counter.bad[0]]: counter.bad[1] },
      perMinute: m => n * service.errorShare(m),
    },
  ];
  if (histogram) {
    // Fast events end just under the threshold, slow ones in the next bucket up.
    for (const bucket of [
      ...histogram.buckets,
      { le: '+Inf', seconds: Infinity },
    ]) {
      lines.push({
        metric: `${histogram.name}_bucket`,
        labels: { ...service.labels, le: bucket.le },
        perMinute: m =>
          (bucket.seconds >= histogram.thresholdSeconds
            ? n * (1 - service.slowShare(m))
            : 0) +
          (bucket.seconds > histogram.thresholdSeconds
            ? n * service.slowShare(m)
            : 0),
      });
    }
    lines.push({
      metric: `${histogram.name}_count`,
      labels: service.labels,
      perMinute: () => n,
    });
  }
  return lines;
}

/**
 * The raw series up to `endMs` (a whole minute) over the last `minutes`: a sample every
 * minute over the last `fineMinutes` (the alert windows) and every two minutes before,
 * which still puts two samples or more into every 5-minute rate.
 */
export function trafficHistory(
  services: TrafficService[],
  endMs: number,
  options: { minutes: number; fineMinutes: number },
): BackfillSeries[] {
  return services.flatMap(linesOf).map(line => {
    const samples: Array<[number, number]> = [];
    let count = COUNTER_START;
    for (let m = options.minutes; m >= 0; m--) {
      if (m <= options.fineMinutes || m % 2 === 0) {
        samples.push([endMs - m * 60_000, count]);
      }
      if (m > 0) count += line.perMinute(m - 1);
    }
    return {
      metric: line.metric,
      labels: { ...line.labels, ...SCRAPE_LABELS },
      samples,
    };
  });
}

/** Counter value at the end of the history. */
function valueAtEnd(line: Line, minutes: number): number {
  let count = COUNTER_START;
  for (let m = minutes; m > 0; m--) count += line.perMinute(m - 1);
  return count;
}

/** Counter value `after` minutes past the end, continuing from `atEnd`. */
function valueAfter(line: Line, atEnd: number, after: number): number {
  let count = atEnd;
  const whole = Math.floor(Math.max(0, after));
  for (let k = 0; k < whole; k++) count += line.perMinute(-k - 1);
  return count + (Math.max(0, after) - whole) * line.perMinute(-whole - 1);
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',');

/**
 * The live exposition: a function of the time that returns every series' value then
 * (Prometheus text format, untyped samples), continuing the history's counters.
 */
export function trafficExposition(
  services: TrafficService[],
  endMs: number,
  minutes: number,
): (nowMs: number) => string {
  const lines = services.flatMap(linesOf);
  const atEnd = lines.map(line => valueAtEnd(line, minutes));
  return nowMs =>
    `${lines
      .map(
        (line, i) =>
          `${line.metric}{${labelText(line.labels)}} ${valueAfter(
            line,
            atEnd[i],
            (nowMs - endMs) / 60_000,
          )}`,
      )
      .join('\n')}\n`;
}

export interface TrafficTarget {
  /** `host:port` for a static scrape config. */
  target: string;
  stop(): Promise<void>;
}

/** Serves the live exposition on a free loopback port at `/metrics`. */
export async function serveTraffic(
  services: TrafficService[],
  endMs: number,
  minutes: number,
): Promise<TrafficTarget> {
  const exposition = trafficExposition(services, endMs, minutes);
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(exposition(Date.now()));
  });
  await new Promise<void>(resolve =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    stop: () => new Promise(resolve => server.close(() => resolve())),
  };
}

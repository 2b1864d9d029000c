/**
 * Test helpers shared by Plinth's integration and end-to-end suites: the real portal
 * backend as a child process, the benchmarks' timing loop, a throw-away PostgreSQL server, and a real Prometheus with
 * backfilled history.
 *
 * @packageDocumentation
 */
export * from './backend';
export * from './bench';
export * from './demoSlos';
export * from './postgres';
export * from './prometheus';
export * from './prometheusRecording';
export * from './reference';
export * from './redis';

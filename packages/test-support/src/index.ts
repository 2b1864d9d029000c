/**
 * Test helpers shared by Plinth's integration and end-to-end suites: the real portal
 * backend as a child process, and a throw-away PostgreSQL server.
 *
 * @packageDocumentation
 */
export * from './backend';
export * from './postgres';
export * from './reference';

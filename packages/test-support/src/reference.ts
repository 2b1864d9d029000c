/*
 * Reference data and tools some suites check against, read at run time and never copied
 * into the repository. The reference folder is $PLINTH_REFERENCE_DIR, else `shared/reference`
 * beside the repository; promtool is $PLINTH_PROMTOOL, else `promtool` on the PATH.
 * When one is missing, CI=true fails the suite; elsewhere the tests that need it are
 * reported as skipped (`describe.skip` / `it.skip`, with a SKIPPED line), never as passed.
 * `scripts/check-skips.sh` runs the suites with both hidden and checks exactly that.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './backend';

/** The reference folder this run reads (it may not exist). */
export function referenceRoot(): string {
  const configured = process.env.PLINTH_REFERENCE_DIR;
  return configured
    ? path.resolve(configured)
    : path.resolve(repoRoot, '../shared/reference');
}

/**
 * True when `what` is available. Otherwise throws under CI=true, and elsewhere says
 * SKIPPED and returns false, so the caller registers its tests with `.skip`.
 */
export function requireOrSkip(what: string, available: boolean): boolean {
  if (available) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${what} is required when CI=true but is not available`);
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${what} is not available`);
  return false;
}

/** A file or folder of the reference data, or undefined (reported) when it is missing. */
export function referencePath(...segments: string[]): string | undefined {
  const target = path.join(referenceRoot(), ...segments);
  return requireOrSkip(`reference data ${target}`, fs.existsSync(target))
    ? target
    : undefined;
}

export function readReference(...segments: string[]): string {
  return fs.readFileSync(path.join(referenceRoot(), ...segments), 'utf8');
}

/** The promtool command this run uses. */
export function promtoolCommand(): string {
  return process.env.PLINTH_PROMTOOL || 'promtool';
}

/** True when promtool runs here (Debian package `prometheus`); see `requireOrSkip`. */
export function hasPromtool(): boolean {
  const result = spawnSync(promtoolCommand(), ['--version'], {
    stdio: 'ignore',
  });
  return requireOrSkip(
    `promtool (${promtoolCommand()}, Debian package prometheus)`,
    result.status === 0,
  );
}

/** The amtool command this run uses ($PLINTH_AMTOOL, else `amtool` on the PATH). */
export function amtoolCommand(): string {
  return process.env.PLINTH_AMTOOL || 'amtool';
}

/** True when amtool runs here (Debian package `prometheus-alertmanager`); see `requireOrSkip`. */
export function hasAmtool(): boolean {
  const result = spawnSync(amtoolCommand(), ['--version'], {
    stdio: 'ignore',
  });
  return requireOrSkip(
    `amtool (${amtoolCommand()}, Debian package prometheus-alertmanager)`,
    result.status === 0,
  );
}

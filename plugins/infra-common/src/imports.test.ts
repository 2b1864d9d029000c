/*
 * infra-common runs in the browser and in Node: its source may import neither Node
 * built-ins nor browser-only modules. Tests and benchmarks are exempt.
 */
import fs from 'fs';
import path from 'path';
import { builtinModules } from 'module';

const FORBIDDEN = new Set([
  ...builtinModules,
  ...builtinModules.map(m => `node:${m}`),
  'react',
  'react-dom',
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/backend-plugin-api',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'testUtils' || entry.name === '__fixtures__'
        ? []
        : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      entry.name !== 'setupTests.ts'
      ? [full]
      : [];
  });
}

describe('infra-common imports', () => {
  const files = sourceFiles(__dirname);

  it('scans the source', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain(path.join(__dirname, 'plan.ts'));
  });

  it('imports nothing Node-only or browser-only and touches no process, window or document', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:from|import|require\()\s*['"]([^'"]+)['"]/g,
      )) {
        if (FORBIDDEN.has(m[1]))
          offenders.push(`${path.relative(__dirname, file)} imports ${m[1]}`);
      }
      // `window.` alone would flag variables named window (SLO time windows).
      for (const m of text.matchAll(
        /\b(?:process|document|localStorage|navigator)\.\w+|\bwindow\.(?:location|document|navigator|localStorage|addEventListener)\b/g,
      )) {
        offenders.push(`${path.relative(__dirname, file)} uses ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('would catch an offending import', () => {
    expect(FORBIDDEN.has('fs')).toBe(true);
    expect(FORBIDDEN.has('node:path')).toBe(true);
  });
});

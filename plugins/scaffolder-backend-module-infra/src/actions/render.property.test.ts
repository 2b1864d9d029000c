/*
 * The render action trusts nothing: 10,000 designs, valid, mutated and hostile, through
 * `infra:repository:render` itself. Every run either writes a repository whose every `.tf`
 * file parses with HashiCorp's parser (hcl2json) and carries hostile text only inside
 * string literals, or fails with an InputError before writing anything. No other failure.
 * The designs start from the planner's output for the example answers, varied by compute,
 * database and cache, so every renderer branch is reached.
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  COMPUTE_KINDS,
  parseAnswers,
  planDesign,
  type Design,
} from '@plinth/backstage-plugin-infra-common';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from '@plinth/test-support';
import { literalViolations } from '../render/terraform/__testUtils__/hclLiterals';
import { createInfraRepositoryRenderAction } from './render';

/**
 * 10,000 in all under CI (the acceptance bar; about 9 minutes on a loaded 2-core machine,
 * most of it rendering and writing the accepted designs), a tenth elsewhere.
 */
const SCALE = process.env.CI === 'true' ? 1 : 0.1;
const RUNS = {
  valid: 2000 * SCALE,
  mutated: 5000 * SCALE,
  hostile: 3000 * SCALE,
};
/** Letters only, so no escaper changes it: where it shows up, hostile text went. */
const MARKER = 'Qzxjmarker';

const answersDir = path.join(repoRoot, 'examples/answers');
const bases: Design[] = fs
  .readdirSync(answersDir)
  .filter(f => f.endsWith('.yaml'))
  .flatMap(f => {
    const answers = yaml.parse(
      fs.readFileSync(path.join(answersDir, f), 'utf8'),
    );
    return COMPUTE_KINDS.flatMap(compute =>
      (['none', 'postgres'] as const).flatMap(database =>
        (['none', 'redis'] as const).map(cache => {
          const parsed = parseAnswers({
            ...answers,
            topology: { ...answers.topology, compute, database, cache },
          });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          return planDesign(parsed.answers, { defaults: parsed.defaults })
            .design;
        }),
      ),
    );
  });

type Path = Array<string | number>;
/** Every path into the design, objects and leaves alike. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}
const stringPaths = (design: Design) =>
  pathsOf(design).filter(
    p => typeof p.reduce((v: any, k) => v?.[k], design) === 'string',
  );

const DELETE = Symbol('delete');
function setAt(design: Design, at: Path, value: unknown): Design {
  // Deleting the root leaves no design at all (a Symbol must never become the design).
  if (at.length === 0) return (value === DELETE ? undefined : value) as Design;
  const copy: any = structuredClone(design);
  const parent = at.slice(0, -1).reduce((v: any, k) => v[k], copy);
  const key = at[at.length - 1];
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    parent[key] = value;
  }
  return copy;
}

/** Text that means something to HCL, YAML, Markdown, PromQL or a shell, around the marker. */
const hostileText = fc
  .array(
    fc.constantFrom(
      MARKER,
      '"',
      '\\',
      '${',
      '%{',
      '}',
      '$${',
      '\n',
      '\r\n',
      '\u2028',
      '#',
      '//',
      '/*',
      '*/',
      '<<EOT\n',
      '\nEOT\n',
      '" = 1\nresource "null_resource" "x" {}\n',
      '${file("/etc/passwd")}',
      '%{ for x in [1] }x%{ endfor }',
      ']',
      ')',
      '0.0.0.0/0',
      '::/0',
      '../',
      '\u0000',
      ' ',
      'a',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map(parts => `${parts.join('')}${MARKER}`);

/** Values a hand-written design might hold where something else belongs. */
const strangeValue = fc.oneof(
  hostileText,
  fc.constantFrom<unknown>(
    DELETE,
    null,
    '',
    -1,
    0,
    1.5,
    1e308,
    65536,
    true,
    [],
    {},
    'x'.repeat(60_000),
    '0.0.0.0/0',
    '::/0',
    '10.0.0.0/33',
    'internet',
    { kind: 'cidr', cidr: '0.0.0.0/0' },
    { kind: 'tier', tier: `public${MARKER}` },
  ),
  fc.anything({ maxDepth: 2 }),
);

/** A design with one to three fields replaced, removed or added. */
const mutated = fc
  .tuple(
    fc.nat(bases.length - 1),
    fc.array(fc.tuple(fc.nat(), strangeValue), { minLength: 1, maxLength: 3 }),
  )
  .map(([b, edits]) =>
    edits.reduce((design, [pick, value]) => {
      const paths = pathsOf(design);
      return setAt(design, paths[pick % paths.length], value);
    }, bases[b]),
  );

/** Hostile text in string fields, valid or not, and world-open admin rules. */
const hostile = fc.oneof(
  fc
    .tuple(
      fc.nat(bases.length - 1),
      fc.array(fc.tuple(fc.nat(), hostileText), { minLength: 1, maxLength: 4 }),
    )
    .map(([b, edits]) =>
      edits.reduce((design, [pick, text]) => {
        const paths = stringPaths(design);
        return setAt(design, paths[pick % paths.length], text);
      }, bases[b]),
    ),
  fc
    .tuple(
      fc.nat(bases.length - 1),
      fc.constantFrom(
        { kind: 'internet' },
        { kind: 'cidr', cidr: '0.0.0.0/0' },
        { kind: 'cidr', cidr: '0.0.0.0/1' },
        { kind: 'cidr', cidr: '128.0.0.0/1' },
        { kind: 'cidr', cidr: '::/0' },
        { kind: 'cidr', cidr: '0::0/0' },
        { kind: 'cidr', cidr: '8.8.8.8/32' },
      ),
      fc.constantFrom(
        { protocol: 'tcp', fromPort: 22, toPort: 22 },
        { protocol: 'udp', fromPort: 3389, toPort: 3389 },
        { protocol: 'tcp', fromPort: 0, toPort: 65535 },
        { protocol: 'all', fromPort: 0, toPort: 0 },
      ),
    )
    .map(([b, peer, ports]) => {
      const design = structuredClone(bases[b]);
      design.environments[0].firewallRules.push({
        name: 'admin-in',
        tier: 'private',
        direction: 'ingress',
        ...(ports as any),
        peer: peer as any,
        description: 'admin access',
      });
      return design;
    }),
);

const valid = fc
  .tuple(fc.nat(bases.length - 1), fc.string({ maxLength: 200 }))
  .map(([b, description]) => ({
    ...bases[b],
    service: { ...bases[b].service, description },
  }));

describe('infra:repository:render on 10,000 generated designs', () => {
  const action = createInfraRepositoryRenderAction();
  // 10,000 workspaces: on a RAM disk when the machine has one, so the test measures the code.
  const tmp = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const root = fs.mkdtempSync(path.join(tmp, 'plinth-render-'));
  const parsed = new Map<string, string | undefined>();
  const tally = { written: 0, refused: 0, tfParsed: 0 };

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Parses each distinct .tf file once; the same content gives the same answer. */
  async function tfProblem(file: string, content: string) {
    const key = createHash('sha256').update(content).digest('hex');
    if (!parsed.has(key)) {
      let problem: string | undefined;
      try {
        await parseHcl(file, content);
        tally.tfParsed += 1;
      } catch (e) {
        problem = `${file} does not parse: ${String(e).slice(0, 300)}`;
      }
      problem ??= literalViolations(content, MARKER)[0];
      parsed.set(key, problem && `${file}: ${problem}`);
    }
    return parsed.get(key);
  }

  async function check(design: unknown, shouldRefuse = false) {
    const workspacePath = fs.mkdtempSync(path.join(root, 'w'));
    try {
      const ctx = createMockActionContext({
        input: { design: design as any },
        workspacePath,
      });
      try {
        await action.handler(ctx);
      } catch (e) {
        if ((e as Error).name !== 'InputError') throw e;
        // Refused before any side effect, and the message names fields, never echoes values.
        expect(fs.readdirSync(workspacePath)).toEqual([]);
        expect((e as Error).message.length).toBeLessThan(4000);
        tally.refused += 1;
        return;
      }
      expect(shouldRefuse).toBe(false);
      tally.written += 1;
      const files: string[] = (ctx.output as jest.Mock).mock.calls.find(
        ([n]) => n === 'files',
      )[1];
      for (const file of files.filter(f => /\.tf(vars)?$/.test(f))) {
        const content = fs.readFileSync(path.join(workspacePath, file), 'utf8');
        const problem = await tfProblem(file, content);
        if (problem) throw new Error(problem);
      }
    } finally {
      fs.rmSync(workspacePath, { recursive: true, force: true });
    }
  }

  // Each third of the runs is one test, with room for a slow machine.
  const TIMEOUT = 30 * 60_000;

  it(
    `renders ${RUNS.valid} valid designs`,
    async () => {
      await fc.assert(
        fc.asyncProperty(valid, d => check(d)),
        { numRuns: RUNS.valid },
      );
      expect(tally.written).toBe(RUNS.valid);
    },
    TIMEOUT,
  );

  it(
    `renders or refuses ${RUNS.mutated} mutated designs with an InputError, never anything else`,
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated, d => check(d)),
        { numRuns: RUNS.mutated },
      );
      // Both outcomes happen: the mutations are not all caught by one check.
      expect(tally.refused).toBeGreaterThan(RUNS.mutated / 4);
      expect(tally.written).toBeGreaterThan(RUNS.valid);
    },
    TIMEOUT,
  );

  it(
    `keeps hostile text of ${RUNS.hostile} designs inside string literals, or refuses them`,
    async () => {
      const before = { ...tally };
      await fc.assert(
        fc.asyncProperty(hostile, d => check(d)),
        { numRuns: RUNS.hostile },
      );
      expect(tally.written).toBeGreaterThan(before.written);
      expect(tally.refused).toBeGreaterThan(before.refused);
      expect(tally.tfParsed).toBeGreaterThan(bases.length);
      // eslint-disable-next-line no-console
      console.info(`render property test: ${JSON.stringify(tally)}`);
    },
    TIMEOUT,
  );

  it('refuses SSH and RDP from the world however the peer is written', async () => {
    for (const cidr of [
      '0.0.0.0/0',
      '0.0.0.0/1',
      '128.0.0.0/1',
      '::/0',
      '8.8.8.8/32',
    ]) {
      for (const protocol of ['tcp', 'udp', 'all'] as const) {
        const design = structuredClone(bases[0]);
        design.environments[0].firewallRules.push({
          name: 'ssh-in',
          tier: 'private',
          direction: 'ingress',
          protocol,
          fromPort: 20,
          toPort: 3389,
          peer: { kind: 'cidr', cidr },
          description: 'admin access',
        });
        await expect(check(design, true)).resolves.toBeUndefined();
      }
    }
    const allowed = structuredClone(bases[0]);
    allowed.environments[0].firewallRules.push({
      name: 'ssh-from-the-vpn',
      tier: 'private',
      direction: 'ingress',
      protocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      peer: { kind: 'cidr', cidr: '10.99.0.0/16' },
      description: 'admin access from the private VPN range',
    });
    const before = tally.written;
    await check(allowed);
    expect(tally.written).toBe(before + 1);
  });
});

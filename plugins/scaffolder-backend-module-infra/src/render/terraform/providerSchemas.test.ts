/*
 * Every generated `.tf` file, for every design the tests generate, checked against the real
 * provider schemas at the versions the roots pin (trimmed copies extracted from the cdktf
 * provider packages by scripts/provider-schemas/extract.mjs).
 */
import { parse } from '@cdktf/hcl2json';
import { renderTerraform } from './index';
import { parseFiles } from './__testUtils__/hclTree';
import {
  admits,
  PROVIDER_SCHEMAS,
  schemaForSource,
  schemaProblems,
} from './__testUtils__/providerSchema';
import { everyTestDesign } from './__testUtils__/testDesigns';
import { fixtureDesign } from './__testUtils__/designs';

const DESIGNS = everyTestDesign();

describe('generated Terraform against the provider schemas', () => {
  it('records where each schema came from', () => {
    expect(PROVIDER_SCHEMAS.map(p => p.provider)).toEqual(
      expect.arrayContaining([
        'registry.terraform.io/hashicorp/aws',
        'registry.terraform.io/hashicorp/azurerm',
        'registry.terraform.io/hashicorp/google',
      ]),
    );
    for (const p of PROVIDER_SCHEMAS) {
      expect(p.source_package).toMatch(
        /^@cdktf\/provider-[a-z]+@\d+\.\d+\.\d+$/,
      );
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it.each(DESIGNS)(
    'has only known types, arguments and blocks, and every required one (%s)',
    async (_, design) => {
      const files = renderTerraform(design);
      const parsed = await parseFiles(files);
      const problems = [...parsed].flatMap(([file, json]) =>
        schemaProblems(file, json),
      );
      expect(problems).toEqual([]);
    },
  );

  it.each(DESIGNS)(
    'pins each provider to a range that admits the checked schema (%s)',
    async (_, design) => {
      const parsed = await parseFiles(renderTerraform(design));
      const pins = [...parsed]
        .filter(([file]) => file.endsWith('/versions.tf'))
        .flatMap(([, json]) =>
          json.terraform.flatMap((t: any) =>
            (t.required_providers ?? []).flatMap((rp: any) =>
              Object.values<any>(rp),
            ),
          ),
        );
      expect(pins.length).toBeGreaterThan(0);
      for (const pin of pins) {
        const schema = schemaForSource(pin.source);
        expect(schema).toBeDefined();
        expect([pin.source, admits(pin.version, schema!.version)]).toEqual([
          pin.source,
          true,
        ]);
      }
    },
  );

  describe('fails on seeded faults', () => {
    async function problemsOf(edit: (main: string) => string) {
      const files = renderTerraform(fixtureDesign('aws'));
      const file = files.find(
        f => f.path === 'terraform/modules/edge/main.tf',
      )!;
      return schemaProblems(
        file.path,
        await parse(file.path, edit(file.content)),
      );
    }

    it('reports an unknown argument', async () => {
      const problems = await problemsOf(main =>
        main.replace(
          /(resource "aws_lb_listener" "https" \{\n)/,
          '$1  no_such_argument = true\n',
        ),
      );
      expect(problems).toEqual([
        expect.stringContaining(
          'aws_lb_listener.https: unknown argument or block "no_such_argument"',
        ),
      ]);
    });

    it('reports a missing required argument', async () => {
      const problems = await problemsOf(main =>
        main.replace(
          /(resource "aws_lb_listener" "https" \{[\s\S]*?)\n {2}load_balancer_arn *= [^\n]*/,
          '$1',
        ),
      );
      expect(problems).toEqual([
        expect.stringContaining(
          'missing required argument "load_balancer_arn"',
        ),
      ]);
    });

    it('reports an unknown resource type and an unknown nested block', async () => {
      const problems = await problemsOf(
        main =>
          `${main}\nresource "aws_no_such_thing" "x" {}\nresource "aws_lb_listener" "y" {\n  load_balancer_arn = "a"\n  default_action {\n    type = "forward"\n    nope {}\n  }\n}\n`,
      );
      expect(problems.sort()).toEqual([
        expect.stringContaining(
          'aws_lb_listener.y.default_action: unknown argument or block "nope"',
        ),
        expect.stringContaining('aws_no_such_thing.x: unknown resource type'),
      ]);
    });
  });
});

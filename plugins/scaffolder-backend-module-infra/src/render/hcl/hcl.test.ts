import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  call,
  comment,
  nested,
  raw,
  ref,
  renderHclFile,
  resource,
  block,
} from './index';

/**
 * What a hostile string must come back as. hcl2json answers in Terraform's JSON syntax, where a string that holds a literal `${`
 * or `%{` is written `$${` / `%%{` (an unescaped one would be an interpolation). So a
 * value that HashiCorp's parser read as plain text comes back as exactly this; a value it
 * read as a template comes back with a single `${` / `%{` and does not match.
 */
function asTerraformJsonLiteral(value: string): string {
  // HCL also normalises every string to Unicode NFC.
  return value
    .normalize('NFC')
    .replace(/[$%]\{/g, opener => opener[0] + opener);
}

/** Strings built to break out: quotes, backslashes, template openers, braces, newlines, controls. */
const hostileString = fc.string({
  unit: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '$',
        '%',
        '{',
        '}',
        '"',
        '\\',
        '\n',
        '\r',
        '\t',
        '#',
        '=',
        '~',
        '\u0000',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u2028',
        '\ufeff',
        'a',
        ' ',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    },
  ),
  maxLength: 40,
});

describe('HCL serialiser', () => {
  it('keeps every hostile string a literal, with no extra keys or blocks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (text, key) => {
        const source = renderHclFile([
          comment(text),
          resource('test_type', 'test_name', {
            value: text,
            tags: { [key]: text },
            list: [text, 1],
            call: call('upper', text),
            inner: nested({ value: text }),
          }),
        ]);
        const parsed = await parse('hostile.tf', source);

        expect(Object.keys(parsed)).toEqual(['resource']);
        expect(Object.keys(parsed.resource)).toEqual(['test_type']);
        expect(Object.keys(parsed.resource.test_type)).toEqual(['test_name']);
        const [body] = parsed.resource.test_type.test_name;
        expect(Object.keys(body).sort()).toEqual([
          'call',
          'inner',
          'list',
          'tags',
          'value',
        ]);
        expect(body.value).toBe(asTerraformJsonLiteral(text));
        expect(body.tags).toEqual({
          [asTerraformJsonLiteral(key)]: asTerraformJsonLiteral(text),
        });
        expect(body.list).toEqual([asTerraformJsonLiteral(text), 1]);
        expect(body.inner).toEqual([{ value: asTerraformJsonLiteral(text) }]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes template openers as literals, not interpolations', async () => {
    const source = renderHclFile([
      block('locals', [], {
        a: '${var.secret}',
        b: '%{ if true }x%{ endif }',
        c: '$${already}',
        d: '"\n}\nresource "x" "y" {',
      }),
    ]);
    expect(source).toContain('a = "$${var.secret}"');
    expect(source).toContain('b = "%%{ if true }x%%{ endif }"');
    const parsed = await parse('x.tf', source);
    expect(parsed).toEqual({
      locals: [
        {
          a: '$${var.secret}',
          b: '%%{ if true }x%%{ endif }',
          c: '$$${already}',
          d: '"\n}\nresource "x" "y" {',
        },
      ],
    });
  });

  it('writes references, calls and nested blocks as HCL structure', async () => {
    const source = renderHclFile([
      resource('aws_subnet', 'private', {
        count: 2,
        vpc_id: ref('aws_vpc', 'main', 'id'),
        cidr_block: call(
          'cidrsubnet',
          ref('var', 'vpc_cidr'),
          4,
          raw('count.index'),
        ),
        ids: ref('aws_subnet', 'public', '*', 'id'),
        first: ref('aws_subnet', 'public', 0, 'id'),
        lifecycle: nested({ prevent_destroy: true }),
        ingress: [nested({ from_port: 443 }), nested({ from_port: 8443 })],
        skipped: undefined,
      }),
      block('terraform', [], { backend: nested({ bucket: 'b' }, 's3') }),
    ]);
    const parsed = await parse('x.tf', source);
    const [body] = parsed.resource.aws_subnet.private;
    expect(body.vpc_id).toBe('${aws_vpc.main.id}');
    expect(body.cidr_block).toBe('${cidrsubnet(var.vpc_cidr, 4, count.index)}');
    expect(body.ids).toBe('${aws_subnet.public[*].id}');
    expect(body.first).toBe('${aws_subnet.public[0].id}');
    expect(body.lifecycle).toEqual([{ prevent_destroy: true }]);
    expect(body.ingress).toEqual([{ from_port: 443 }, { from_port: 8443 }]);
    expect(body).not.toHaveProperty('skipped');
    expect(parsed.terraform[0].backend).toEqual({ s3: [{ bucket: 'b' }] });
  });

  describe('a function call with a multi-line argument', () => {
    const source = renderHclFile([
      resource('aws_iam_role', 'main', {
        name: 'x',
        policy: call('jsonencode', {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              Resource: ref('aws_cloudwatch_log_group', 'main', 'arn'),
              Condition: { StringEquals: { 'aws:SourceAccount': '1' } },
            },
          ],
        }),
        lifecycle: nested({
          tags: call('merge', ref('var', 'tags'), { a: '1', bb: '2' }),
          both: call('merge', { a: '1' }, { b: '2' }),
        }),
      }),
    ]);

    it('indents the argument from the line the call starts on', () => {
      expect(source).toBe(
        [
          'resource "aws_iam_role" "main" {',
          '  name = "x"',
          '  policy = jsonencode({',
          '    Version = "2012-10-17"',
          '    Statement = [',
          '      {',
          '        Effect   = "Allow"',
          '        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]',
          '        Resource = aws_cloudwatch_log_group.main.arn',
          '        Condition = {',
          '          StringEquals = {',
          '            "aws:SourceAccount" = "1"',
          '          }',
          '        }',
          '      },',
          '    ]',
          '  })',
          '  lifecycle {',
          '    tags = merge(var.tags, {',
          '      a  = "1"',
          '      bb = "2"',
          '    })',
          '    both = merge(',
          '      {',
          '        a = "1"',
          '      },',
          '      {',
          '        b = "2"',
          '      },',
          '    )',
          '  }',
          '}',
          '',
        ].join('\n'),
      );
    });

    it('parses to the same call', async () => {
      const [body] = (await parse('x.tf', source)).resource.aws_iam_role.main;
      expect(body.policy).toMatch(/^\$\{jsonencode\(\{\n/);
      expect(body.lifecycle[0].tags).toMatch(/^\$\{merge\(var\.tags, \{\n/);
      expect(body.lifecycle[0].both).toMatch(/^\$\{merge\(\n/);
    });

    it('is left unchanged by terraform fmt where terraform is installed', () => {
      if (
        spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0
      ) {
        // eslint-disable-next-line no-console
        console.warn('terraform is not on PATH: fmt was not checked');
        return;
      }
      expect(
        execFileSync('terraform', ['fmt', '-'], {
          input: source,
          encoding: 'utf8',
        }),
      ).toBe(source);
    });
  });

  it('refuses names, labels and numbers that cannot be written safely', () => {
    expect(() => resource('aws_vpc', 'main"{', {})).toThrow(/identifier/);
    expect(() => ref('var', 'a.b')).toThrow(/identifier/);
    expect(() =>
      renderHclFile([resource('a', 'b', { 'x = 1\ny': 1 })]),
    ).toThrow(/identifier/);
    expect(() =>
      renderHclFile([resource('a', 'b', { n: Number.NaN })]),
    ).toThrow(/finite/);
    expect(() => renderHclFile([resource('a', 'b', { s: 'x\ud800' })])).toThrow(
      /surrogate/,
    );
  });

  it('writes a multi-line comment as separate comment lines', async () => {
    const source = renderHclFile([
      comment('first\nresource "x" "y" {}'),
      block('locals', [], { a: 1 }),
    ]);
    expect(source.startsWith('# first\n# resource "x" "y" {}\nlocals {')).toBe(
      true,
    );
    expect(await parse('x.tf', source)).toEqual({ locals: [{ a: 1 }] });
  });
});

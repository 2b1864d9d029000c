import { readHcl } from './hclReader';

describe('readHcl', () => {
  it('reads blocks, labels, attributes and nested blocks with their lines', () => {
    const doc = readHcl(
      'main.tf',
      [
        '# comment',
        'resource "aws_db_instance" "main" {',
        '  storage_encrypted = true // trailing',
        '  tags = {',
        '    a = "b"',
        '  }',
        '  name = "${var.name}-db"',
        '  dynamic "key" {',
        '    for_each = var.on ? [1] : []',
        '    content { id = "x" }',
        '  }',
        '}',
        'locals { policy = <<EOT',
        '{ "not": "a block" }',
        'EOT',
        '}',
      ].join('\n'),
    );
    expect(doc.errors).toEqual([]);
    const [db, locals] = doc.body.blocks;
    expect(db).toMatchObject({
      type: 'resource',
      labels: ['aws_db_instance', 'main'],
      line: 2,
    });
    expect(db.attributes.get('storage_encrypted')).toEqual({
      name: 'storage_encrypted',
      expression: 'true',
      line: 3,
    });
    expect(db.attributes.get('tags')!.line).toBe(4);
    expect(db.attributes.get('name')).toMatchObject({
      expression: '"${var.name}-db"',
      line: 7,
    });
    expect(db.blocks[0]).toMatchObject({
      type: 'dynamic',
      labels: ['key'],
      line: 8,
    });
    expect(db.blocks[0].attributes.get('for_each')!.expression).toBe(
      'var.on ? [1] : []',
    );
    expect(db.blocks[0].blocks[0].attributes.get('id')!.expression).toBe('"x"');
    expect(locals.attributes.get('policy')!.line).toBe(13);
    expect(locals.blocks).toEqual([]);
  });

  it('reports unbalanced files instead of throwing', () => {
    expect(readHcl('bad.tf', 'resource "a" "b" {\n  x = 1\n').errors).toEqual([
      'bad.tf: 1 unclosed block(s)',
    ]);
    expect(readHcl('bad.tf', '}\n').errors).toEqual(['bad.tf:1: unexpected }']);
  });
});

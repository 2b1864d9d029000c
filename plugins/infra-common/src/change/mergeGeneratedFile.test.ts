import { mergeGeneratedFile } from './mergeGeneratedFile';

const base = 'one\ntwo\nthree\nfour\nfive\n';

describe('mergeGeneratedFile', () => {
  it('leaves a file both sides left alone', () => {
    expect(mergeGeneratedFile({ base, ours: base, theirs: base })).toEqual({
      status: 'unchanged',
      content: base,
    });
  });

  it('writes the new generation over an untouched file', () => {
    const theirs = base.replace('two', 'TWO');
    expect(mergeGeneratedFile({ base, ours: base, theirs })).toEqual({
      status: 'updated',
      content: theirs,
    });
  });

  it('keeps a hand edit when the new generation does not change the file', () => {
    const ours = base.replace('four', 'four # tuned by hand');
    expect(mergeGeneratedFile({ base, ours, theirs: base })).toEqual({
      status: 'kept-hand-edit',
      content: ours,
    });
  });

  it('merges a hand edit and a generated change on different lines', () => {
    const ours = base.replace('five', 'five # tuned by hand');
    const theirs = base.replace('one', 'ONE');
    expect(mergeGeneratedFile({ base, ours, theirs })).toEqual({
      status: 'merged',
      content: 'ONE\ntwo\nthree\nfour\nfive # tuned by hand\n',
    });
  });

  it('reports a conflict when both change the same line differently, with no content', () => {
    const ours = base.replace('three', 'three = 3');
    const theirs = base.replace('three', 'three = 4');
    expect(mergeGeneratedFile({ base, ours, theirs })).toEqual({
      status: 'conflict',
    });
  });

  it('takes the same change on both sides as unchanged', () => {
    const both = base.replace('three', 'THREE');
    expect(mergeGeneratedFile({ base, ours: both, theirs: both }).status).toBe(
      'unchanged',
    );
  });

  it('removes a file the new generation drops when nobody edited it', () => {
    expect(mergeGeneratedFile({ base, ours: base, theirs: undefined })).toEqual(
      { status: 'updated', content: undefined },
    );
  });

  it('is a conflict when the new generation drops a hand-edited file', () => {
    expect(
      mergeGeneratedFile({ base, ours: `${base}extra\n`, theirs: undefined }),
    ).toEqual({ status: 'conflict' });
  });

  it('adds a new file, and is a conflict when the repository has another one there', () => {
    expect(mergeGeneratedFile({ theirs: base })).toEqual({
      status: 'updated',
      content: base,
    });
    expect(mergeGeneratedFile({ ours: 'mine\n', theirs: base })).toEqual({
      status: 'conflict',
    });
  });

  it('is a conflict when the base is unknown and the sides differ, unchanged when equal', () => {
    expect(
      mergeGeneratedFile({ base: null, ours: base, theirs: base }).status,
    ).toBe('unchanged');
    expect(
      mergeGeneratedFile({
        base: null,
        ours: base,
        theirs: base.replace('one', 'ONE'),
      }),
    ).toEqual({ status: 'conflict' });
  });

  it('keeps a text without a final newline exactly', () => {
    const b = 'a\nb\nc';
    const ours = 'a\nb\nc # mine';
    const theirs = 'A\nb\nc';
    expect(mergeGeneratedFile({ base: b, ours, theirs })).toEqual({
      status: 'merged',
      content: 'A\nb\nc # mine',
    });
  });
});

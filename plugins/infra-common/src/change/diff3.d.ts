// diff3 (the merge engine isomorphic-git uses) ships no types.
declare module 'diff3' {
  type Block<T> =
    | { ok: T[] }
    | {
        conflict: {
          a: T[];
          aIndex: number;
          o: T[];
          oIndex: number;
          b: T[];
          bIndex: number;
        };
      };
  function diff3Merge<T>(a: T[], o: T[], b: T[]): Array<Block<T>>;
  export = diff3Merge;
}

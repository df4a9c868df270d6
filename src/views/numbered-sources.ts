// Sources cited by number in a terminal table ("3.1e23 [5]"), listed once below it.

export interface NumberedSources<T> {
  /** The number of a source, giving it the next one the first time it is cited. */
  ref(source: T): number;
  /** Every source cited, in the order of their numbers (1 first). */
  readonly list: readonly T[];
}

/** `same` says when two citations are one source (a URL, a model row). */
export function numberedSources<T>(same: (a: T, b: T) => boolean = Object.is): NumberedSources<T> {
  const list: T[] = [];
  return {
    ref(source) {
      const i = list.findIndex((x) => same(x, source));
      return (i < 0 ? list.push(source) - 1 : i) + 1;
    },
    list,
  };
}

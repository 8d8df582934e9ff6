// A property computed on first read and then kept, for model parts most analyses never read (the
// prose blocks of a large document: building them all on every keystroke would cost more than
// the rest of an incremental analysis).
export function defineLazy<T extends object, K extends keyof T>(
  target: T,
  key: K,
  compute: () => T[K],
): void {
  const keep = (value: T[K]) =>
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      keep(value);
      return value;
    },
    set(value: T[K]) {
      keep(value);
    },
  });
}

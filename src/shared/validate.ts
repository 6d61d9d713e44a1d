/**
 * A few composable type guards for checking messages and stored values by hand. Each guard
 * rejects anything it does not know, so a forged or damaged value never reaches a handler.
 */

/** A guard that narrows `unknown` to `T`. */
export type Guard<T> = (value: unknown) => value is T;

/** The type a guard checks for. */
export type Guarded<G> = G extends Guard<infer T> ? T : never;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of at most `maxLength` UTF-16 code units. */
export function str(maxLength: number): Guard<string> {
  return (value): value is string => typeof value === 'string' && value.length <= maxLength;
}

/** A boolean. */
export const bool: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

/** A safe integer within [min, max]. */
export function int(min: number, max: number): Guard<number> {
  return (value): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** One of the listed string literals. */
export function oneOf<const T extends string>(...options: T[]): Guard<T> {
  return (value): value is T => typeof value === 'string' && (options as string[]).includes(value);
}

/** `null` or a value the inner guard accepts. */
export function nullable<T>(inner: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || inner(value);
}

/**
 * An object with exactly these keys, each accepted by its guard, and perhaps some of the
 * `optional` keys. Unknown keys are refused: a message that carries more than its type declares
 * was not written by this extension.
 */
export function shape<
  S extends Record<string, Guard<unknown>>,
  O extends Record<string, Guard<unknown>> = Record<never, never>,
>(
  fields: S,
  optional?: O,
): Guard<{ [K in keyof S]: Guarded<S[K]> } & { [K in keyof O]?: Guarded<O[K]> }> {
  const keys = Object.keys(fields);
  const extra = optional ?? ({} as O);
  return (
    value,
  ): value is { [K in keyof S]: Guarded<S[K]> } & { [K in keyof O]?: Guarded<O[K]> } => {
    if (!isRecord(value)) return false;
    let present = 0;
    for (const key of keys) {
      if (!Object.hasOwn(value, key)) return false;
      const guard = fields[key] as Guard<unknown>;
      if (!guard(value[key])) return false;
      present++;
    }
    for (const key of Object.keys(extra)) {
      if (!Object.hasOwn(value, key)) continue;
      const guard = extra[key] as Guard<unknown>;
      if (!guard(value[key])) return false;
      present++;
    }
    return Object.keys(value).length === present;
  };
}

/** An array of at most `maxLength` items, each accepted by `inner`. */
export function list<T>(inner: Guard<T>, maxLength: number): Guard<T[]> {
  return (value): value is T[] =>
    Array.isArray(value) && value.length <= maxLength && value.every((item) => inner(item));
}

/**
 * Is this value one of the table's own keys? Never `value in TABLE`: every object literal also
 * "has" constructor, toString, __proto__ and hasOwnProperty, and a forged card can send them.
 */
export function isChoice<K extends string>(table: Readonly<Record<K, unknown>>, value: unknown): value is K {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

/**
 * Looking up a table by a string that came from outside (a CSV cell, a URL, a GeoJSON property).
 * A plain object answers `constructor`, `toString` and `__proto__` from its prototype: a UCDP
 * `where_prec` of "constructor" read as a precision, and `?district=constructor` stopped the app.
 * These read own keys only, and a row made from outside names has no prototype at all.
 */

/** The table's own value for `key`, or undefined (never one of Object.prototype's). */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty record with no prototype: any key, `__proto__` included, is an ordinary cell. */
export const emptyRecord = <V>(): Record<string, V> => Object.create(null) as Record<string, V>;

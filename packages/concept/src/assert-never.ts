/**
 * The default of a switch over kinds: `default: return assertNever(x, "Abschnitt")`. A kind added to a union
 * without a case fails to compile there (`x` is no longer `never`); at run time, data that bypassed the types
 * (an old cache, a cast) fails loudly instead of rendering nothing.
 */
export function assertNever(value: never, what = "Wert"): never {
  throw new Error(`Unbekannte Art von ${what}: ${JSON.stringify(value)}.`);
}

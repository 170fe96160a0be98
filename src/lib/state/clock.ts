/**
 * The page's only reading of the clock. Everything below it is given the time as a value.
 */

/** The current time. */
export function now(): Date {
  return new Date();
}

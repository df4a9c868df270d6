// One reading of list and flag options for every surface: a query string (`companies=AMZN,MSFT`
// or repeated `companies=AMZN&companies=MSFT`, as a form's checkboxes send it), a form body and
// the command line all give the same lists and the same true/false.
import { InvalidOptionError } from './errors.js';

export interface ListOptions {
  /** Also split on spaces ("AMZN MSFT"); off for names that contain spaces ("US Government"). */
  spaces?: boolean;
}

/** Every item of a list given once or repeated, comma-separated, trimmed, without empties. */
export function parseList(value: unknown, { spaces = true }: ListOptions = {}): string[] {
  if (value === undefined || value === null) return [];
  const separator = spaces ? /[,\s]+/ : /,/;
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(separator))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Words that switch a flag on or off; a bare `?flag` (the empty string) is on, as a checkbox sends it. */
export const FLAG_WORDS = { on: ['', 'true', '1', 'on', 'yes'], off: ['false', '0', 'off', 'no'] } as const;

/** true/false from a flag's value (the last one when repeated); undefined when absent. */
export function parseFlag(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  const word = String(last ?? '').trim().toLowerCase();
  if ((FLAG_WORDS.on as readonly string[]).includes(word)) return true;
  if ((FLAG_WORDS.off as readonly string[]).includes(word)) return false;
  throw new InvalidOptionError(name, String(last), ['true', 'false']);
}

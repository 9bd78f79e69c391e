import type { TFunction } from 'i18next';
import type { en } from './server.messages';

type Key = keyof typeof en;

/**
 * The server speaks English (its messages are also the CLI's and the API's). Messages it sends often
 * are matched here, exactly or by pattern, and given in the user's language; any other message stays
 * as the server wrote it, which is better than hiding it.
 */
const EXACT = new Map<string, Key>([
  ['Some fields are not valid.', 'invalidFields'],
  ['The server cannot be reached. Check the connection and try again.', 'unreachable'],
  ['required', 'required'],
  ['a contact needs a name', 'contactName'],
  ['a name cannot be empty', 'nameEmpty'],
  ['a date as YYYY-MM-DD', 'dateShape'],
  ['not a day in the calendar', 'notADay'],
  ['a password needs at least 10 characters', 'passwordShort'],
  ['a password can have at most 200 characters', 'passwordLong'],
  ['wrong password', 'wrongPassword'],
  ['not a valid e-mail address', 'email'],
  ['Invalid email address', 'email'],
  ['must be a number', 'number'],
  ['must be a whole number', 'wholeNumber'],
  ['must be more than 0%', 'moreThanZeroPercent'],
  ['must be at most 100%', 'atMostHundredPercent'],
  ['must not be negative', 'notNegative'],
  ['must be a month from 1 to 12', 'month'],
  ['must be a three-letter currency code such as EUR', 'currency'],
  ['give a reason of at least 3 characters', 'reason'],
  ['an amount like 250000 or 250000.50', 'amount'],
  ['the B threshold must not be below the A threshold', 'thresholds'],
  ['the longest gap must not be shorter than the shortest', 'gaps'],
  ['the maximum must not be below the minimum', 'minMax'],
  ['read or write', 'scope'],
  ['A contact cannot report to themselves.', 'selfReport'],
  ['Invalid input: expected int, received number', 'wholeNumberExpected'],
]);

/** Patterns: the server's wording (ours, and zod's defaults) with the values to carry over. */
const PATTERNS: [RegExp, Key, string[]][] = [
  [/^must be at least (\S+)$/, 'atLeast', ['n']],
  [/^must be at most (\S+)$/, 'atMost', ['n']],
  [/^Contact (\d+) is not a contact of account (.+)\.$/, 'notOfAccount', ['contact', 'account']],
  [
    /^Contact (\d+) already reports \(directly or through others\) to contact (\d+); this would make a circle\.$/,
    'circle',
    ['contact', 'other'],
  ],
  [/^Account (.+) has no contact (.+)\.$/, 'noContact', ['account', 'contacts']],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'minChars', ['n']],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'maxChars', ['n']],
  [/^Too small: expected number to be >=?(\S+)$/, 'minValue', ['n']],
  [/^Too big: expected number to be <=?(\S+)$/, 'maxValue', ['n']],
  [/^Too big: expected array to have <=(\d+) items?$/, 'maxItems', ['n']],
  [/^Invalid input: expected \w+, received undefined$/, 'required', []],
  [/^Invalid input: expected \w+, received \w+$/, 'invalidInput', []],
  [/^Invalid option: expected one of (.+)$/, 'options', ['values']],
  [/^Unrecognized keys?: (.+)$/, 'unknownField', ['keys']],
];

export function translateServerText(serverT: TFunction<'server'>, message: string): string {
  // The keys are checked against the messages by the Key type; the values carried over are strings.
  const t = serverT as unknown as (key: Key, values?: Record<string, string | undefined>) => string;
  const exact = EXACT.get(message);
  if (exact) return t(exact);
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return message;
}

/**
 * Reading the dates, percentages and amounts written in PST documents and forms, and
 * writing them back the Belgian French way (31/12/2024, 1 234,5, 1 234,50 €, 35 %).
 *
 * Formatting is done by hand, not with Intl: Node and browsers ship different ICU data,
 * and a report must not change with the machine that renders it.
 * Thousands separator: U+00A0 NO-BREAK SPACE everywhere (also before € and %). The narrow
 * no-break space of CLDR is missing from fonts still used in Outlook and on older PCs.
 */
import type { IsoDate, Period } from './model';
import { daysInMonth, parseIsoDate, toIsoDate } from './model';
import { normalizeText } from './vocabularies';

export const THOUSANDS_SEPARATOR = '\u00a0';
export const DECIMAL_SEPARATOR = ',';

/** What could not be read, with a message for the person who wrote it. */
export interface ParseError {
  readonly text: string;
  /** French message, shown to users. */
  readonly error: string;
  readonly errorEn: string;
}

export function isParseError(value: unknown): value is ParseError {
  return typeof value === 'object' && value !== null && typeof (value as ParseError).error === 'string';
}

function parseError(text: string, fr: string, en: string): ParseError {
  return { text, error: fr, errorEn: en };
}

// ---------------------------------------------------------------- dates

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Years outside this range are typing errors in a PST (legislatures of 2013 onwards). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const two = (n: number): string => (n < 10 ? '0' + n : String(n));

function yearRangeError(text: string, year: number): ParseError {
  return parseError(
    text,
    `L'année ${year} semble erronée (attendu entre ${MIN_YEAR} et ${MAX_YEAR}).`,
    `The year ${year} looks wrong (expected between ${MIN_YEAR} and ${MAX_YEAR}).`,
  );
}

function monthError(text: string, month: number): ParseError {
  return parseError(
    text,
    `Le mois ${two(month)} n'existe pas (les mois vont de 01 à 12).`,
    `Month ${two(month)} does not exist (months run from 01 to 12).`,
  );
}

function dayPeriod(text: string, year: number, month: number, day: number): Period | ParseError {
  if (year < MIN_YEAR || year > MAX_YEAR) return yearRangeError(text, year);
  if (month < 1 || month > 12) return monthError(text, month);
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) {
    return parseError(
      text,
      `Le ${two(day)}/${two(month)}/${year} n'existe pas : ${MONTHS_FR[month - 1]} ${year} compte ${length} jours.`,
      `${two(day)}/${two(month)}/${year} does not exist: ${MONTHS_EN[month - 1]} ${year} has ${length} days.`,
    );
  }
  const iso = toIsoDate(year, month, day);
  return { text, start: iso, end: iso, precision: 'day' };
}

function monthPeriod(text: string, year: number, month: number): Period | ParseError {
  if (year < MIN_YEAR || year > MAX_YEAR) return yearRangeError(text, year);
  if (month < 1 || month > 12) return monthError(text, month);
  return {
    text,
    start: toIsoDate(year, month, 1),
    end: toIsoDate(year, month, daysInMonth(year, month)),
    precision: 'month',
  };
}

function yearsPeriod(text: string, first: number, last: number): Period | ParseError {
  if (first < MIN_YEAR || first > MAX_YEAR) return yearRangeError(text, first);
  if (last < MIN_YEAR || last > MAX_YEAR) return yearRangeError(text, last);
  return {
    text,
    start: toIsoDate(first, 1, 1),
    end: toIsoDate(last, 12, 31),
    precision: first === last ? 'year' : 'years',
  };
}

const YEAR_LIST_SEPARATOR = /\s*[-/.,;&+]\s*|\s+(?:à|a|au|et)\s+/;

/**
 * "2020-21", "2019-20", "2020-21-22", "2020 - 2021", "2020.2021": a span of years.
 * Returns undefined when the text is not shaped like a list of years.
 */
function readYearList(text: string, compact: string): Period | ParseError | undefined {
  const parts = compact.split(YEAR_LIST_SEPARATOR);
  if (parts.length < 2 || !/^\d{4}$/.test(parts[0])) return undefined;
  if (!parts.slice(1).every((p) => /^(\d{2}|\d{4})$/.test(p))) return undefined;
  const first = Number(parts[0]);
  const century = first - (first % 100);
  const years = [first];
  for (const part of parts.slice(1)) {
    years.push(part.length === 2 ? century + Number(part) : Number(part));
  }
  for (let i = 1; i < years.length; i++) {
    // "2012-12" is December 2012 (ISO month), but "2020-2020" is the year 2020.
    if (years[i] < years[i - 1] || (years[i] === years[i - 1] && parts[i].length === 2)) {
      return parseError(
        text,
        `L'année de fin (${years[i]}) précède l'année de début (${years[i - 1]}).`,
        `The end year (${years[i]}) is before the start year (${years[i - 1]}).`,
      );
    }
  }
  return yearsPeriod(text, first, years[years.length - 1]);
}

const FRENCH_MONTH_INDEX: { readonly [name: string]: number } = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/**
 * Reads a planned date as written in a PST: `2019`, `09/2019`, `01/02/2020`, `01/01/20`
 * (two-digit year = 20xx), `2024-12-31`, `2024-12`, `2020-21`, `2020-21-22`,
 * `2020 - 2021`, `mars 2020`, `1er mars 2020`, `T3 2027` / `3e trimestre 2027`, `S2 2026` / `2e semestre 2026`.
 * Empty → null; unreadable or impossible (31/02/2020, 13/2020) → ParseError, never a wrong day.
 *
 * `YYYY-NN`: a span of years when NN (as 20NN) is after the year ("2020-21"), otherwise
 * the ISO month ("2024-12"). `YYYY-MM-DD` that is a real day is always the ISO day.
 */
export function parsePeriod(input: string | null | undefined): Period | ParseError | null {
  if (input == null) return null;
  const text = input.trim();
  if (text === '') return null;
  const compact = text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\.$/, '');

  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(compact);
  if (match && parseIsoDate(compact)) {
    return dayPeriod(text, Number(match[1]), Number(match[2]), Number(match[3]));
  }

  const years = readYearList(text, compact);
  if (years && !isParseError(years)) return years;

  if (match) return dayPeriod(text, Number(match[1]), Number(match[2]), Number(match[3]));

  // "2024-12" is a month; "2021-19" cannot be one, so the years reading explains the error.
  match = /^(\d{4})-(\d{2})$/.exec(compact);
  if (match && (Number(match[2]) <= 12 || !years)) return monthPeriod(text, Number(match[1]), Number(match[2]));
  if (years) return years;

  match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(compact);
  if (match) {
    const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return dayPeriod(text, year, Number(match[2]), Number(match[1]));
  }

  match = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(compact);
  if (match) return monthPeriod(text, Number(match[2]), Number(match[1]));

  match = /^(\d{4})$/.exec(compact);
  if (match) return yearsPeriod(text, Number(match[1]), Number(match[1]));

  const quarters = quarterOrHalf(text, normalizeText(compact));
  if (quarters) return quarters;

  const words = /^(?:(1er|\d{1,2})\s+)?([a-z]+)\s+(\d{4})$/.exec(normalizeText(compact));
  if (words && FRENCH_MONTH_INDEX[words[2]]) {
    const month = FRENCH_MONTH_INDEX[words[2]];
    const year = Number(words[3]);
    if (words[1] === undefined) return monthPeriod(text, year, month);
    return dayPeriod(text, year, month, words[1] === '1er' ? 1 : Number(words[1]));
  }

  return parseError(
    text,
    `« ${text} » n'est pas une date reconnue. Formats acceptés : 2024, 09/2024, 31/12/2024, 2024-12-31, 2020-21.`,
    `"${text}" is not a recognised date. Accepted formats: 2024, 09/2024, 31/12/2024, 2024-12-31, 2020-21.`,
  );
}

const RANKS: { readonly [word: string]: number } = { premier: 1, '1er': 1, deuxieme: 2, second: 2, troisieme: 3, quatrieme: 4 };

/**
 * "T3 2027", "Q3 2027", "3e trimestre 2027", "S2 2026", "2e semestre 2026": the months of a
 * quarter or of a half-year (a rank out of range is an error, not another period).
 */
function quarterOrHalf(text: string, normalized: string): Period | ParseError | undefined {
  let kind: 'quarter' | 'semester' | null = null;
  let rank = 0;
  let year = 0;
  const short = /^([tqs])\s?(\d)\s*[-/ ]?\s*(\d{4})$/.exec(normalized);
  const long = /^(\d)\s?(?:er|e|eme|de|nd)?\s+(trimestre|semestre)\s+(?:de\s+)?(\d{4})$/.exec(normalized) || /^([a-z0-9]+)\s+(trimestre|semestre)\s+(?:de\s+)?(\d{4})$/.exec(normalized);
  if (short) {
    kind = short[1] === 's' ? 'semester' : 'quarter';
    rank = Number(short[2]);
    year = Number(short[3]);
  } else if (long && (/^\d$/.test(long[1]) || RANKS[long[1]] !== undefined)) {
    kind = long[2] === 'semestre' ? 'semester' : 'quarter';
    rank = /^\d$/.test(long[1]) ? Number(long[1]) : RANKS[long[1]];
    year = Number(long[3]);
  }
  if (kind === null) return undefined;
  const count = kind === 'quarter' ? 4 : 2;
  if (rank < 1 || rank > count) {
    return parseError(
      text,
      kind === 'quarter' ? `Le trimestre ${rank} n'existe pas (T1 à T4).` : `Le semestre ${rank} n'existe pas (S1 ou S2).`,
      kind === 'quarter' ? `Quarter ${rank} does not exist (Q1 to Q4).` : `Half-year ${rank} does not exist (H1 or H2).`,
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return yearRangeError(text, year);
  const months = 12 / count;
  const lastMonth = rank * months;
  return { text, start: toIsoDate(year, lastMonth - months + 1, 1), end: toIsoDate(year, lastMonth, daysInMonth(year, lastMonth)), precision: kind };
}

/** The period of exactly one day. */
export function periodOfDay(date: IsoDate): Period {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`periodOfDay: not a YYYY-MM-DD calendar day: ${JSON.stringify(date)}`);
  return { text: formatDate(date), start: date, end: date, precision: 'day' };
}

// ---------------------------------------------------------------- progress

export interface ProgressReading {
  readonly text: string;
  readonly percent: number;
  /** The text said "+/-", "environ", "±"… */
  readonly approximate: boolean;
}

const APPROXIMATE = /\+\s*\/\s*-|\+-|±|~|\benviron\b|\bapprox|\bplus ou moins\b|\bpres de\b|\bquasi/;

/**
 * Reads a progress: `10 %`, `50%`, `+/- 35 % des profils établis`, `35,5 %`, or a bare
 * number. Empty → null. Above 100, negative, several percentages or none → ParseError.
 */
export function parseProgress(input: string | null | undefined): ProgressReading | ParseError | null {
  if (input == null) return null;
  const text = input.trim();
  if (text === '') return null;
  const normalized = normalizeText(text);

  let value: number | undefined;
  let negative = false;
  const bare = /^([-+])?\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(normalized);
  if (bare) {
    value = Number(bare[2].replace(',', '.'));
    negative = bare[1] === '-';
  } else {
    const found: { value: number; negative: boolean }[] = [];
    const percentPattern = /(\d+(?:[.,]\d+)?)\s*%/g;
    let match: RegExpExecArray | null;
    while ((match = percentPattern.exec(normalized)) !== null) {
      const before = normalized.slice(0, match.index);
      // A minus sign right before the number, unless it belongs to "+/-" or "+-".
      const minus = /-\s*$/.test(before) && !/(\+\s*\/\s*|\+)-\s*$/.test(before);
      found.push({ value: Number(match[1].replace(',', '.')), negative: minus });
    }
    const distinct = found.filter((f, i) => found.findIndex((g) => g.value === f.value) === i);
    if (distinct.length > 1) {
      return parseError(
        text,
        `« ${text} » contient plusieurs pourcentages : indiquez un seul avancement global (ex. 35 %).`,
        `"${text}" contains several percentages: give a single overall progress (e.g. 35 %).`,
      );
    }
    if (distinct.length === 1) {
      value = distinct[0].value;
      negative = distinct[0].negative;
    }
  }

  if (value === undefined) {
    return parseError(
      text,
      `« ${text} » ne contient pas de pourcentage d'avancement lisible (ex. 35 %).`,
      `"${text}" contains no readable progress percentage (e.g. 35 %).`,
    );
  }
  if (negative && value !== 0) {
    return parseError(
      text,
      `Un avancement négatif (-${formatNumber(value)} %) est impossible : indiquez une valeur entre 0 et 100 %.`,
      `A negative progress (-${value} %) is impossible: give a value between 0 and 100 %.`,
    );
  }
  if (value > 100) {
    return parseError(
      text,
      `Un avancement de ${formatNumber(value)} % est impossible : indiquez une valeur entre 0 et 100 %.`,
      `A progress of ${value} % is impossible: give a value between 0 and 100 %.`,
    );
  }
  return { text, percent: value, approximate: APPROXIMATE.test(normalized) };
}

// ---------------------------------------------------------------- Belgian numbers

const UNIT_SUFFIX = /\s*(?:€|eur|euros?|etp|e\.t\.p\.?|htva|tvac|tvc)\.?\s*$/i;

/**
 * Reads a number written the Belgian way, with an optional unit: `1 234,5`, `1.234,50 €`,
 * `30.000.000€`, `0,5 ETP`, `-12`, `0.5`. Thousands are grouped by spaces or by dots;
 * a dot followed by exactly three digits is a thousands separator (`1.234` = 1234),
 * a single other dot is a decimal point (`0.5`). Empty → null; otherwise ParseError.
 */
export function parseBelgianNumber(input: string | null | undefined): number | ParseError | null {
  if (input == null) return null;
  const text = input.trim();
  if (text === '') return null;
  let body = text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\u2212/g, '-');
  let previous = '';
  while (previous !== body) {
    previous = body;
    body = body.replace(UNIT_SUFFIX, '').replace(/^€\s*/, '').trim();
  }
  let sign = 1;
  const signMatch = /^([-+])\s*/.exec(body);
  if (signMatch) {
    sign = signMatch[1] === '-' ? -1 : 1;
    body = body.slice(signMatch[0].length);
  }

  let digits: string | undefined;
  if (/^\d+(?:,\d+)?$/.test(body)) {
    digits = body.replace(',', '.');
  } else if (/^\d{1,3}(?: \d{3})+(?:,\d+)?$/.test(body) || /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(body)) {
    digits = body.replace(/[ .]/g, '').replace(',', '.');
  } else if (/^\d+\.\d+$/.test(body)) {
    digits = body;
  } else if (/^,\d+$/.test(body)) {
    digits = '0' + body.replace(',', '.');
  }
  if (digits === undefined) {
    return parseError(
      text,
      `« ${text} » n'est pas un nombre lisible (ex. 1 234,5).`,
      `"${text}" is not a readable number (e.g. 1 234,5).`,
    );
  }
  const value = sign * Number(digits);
  return value === 0 ? 0 : value;
}

// ---------------------------------------------------------------- formatting

/** Rounds half away from zero on the decimal value (1.005 → 1.01), not on its binary approximation. */
function roundHalfAway(value: number, decimals: number): number {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const rounded =
    text.indexOf('e') >= 0
      ? Math.round(magnitude * Math.pow(10, decimals)) / Math.pow(10, decimals)
      : Number(Math.round(Number(text + 'e' + decimals)) + 'e-' + decimals);
  return value < 0 ? -rounded : rounded;
}

function groupThousands(integerDigits: string): string {
  let result = '';
  for (let i = 0; i < integerDigits.length; i++) {
    if (i > 0 && (integerDigits.length - i) % 3 === 0) result += THOUSANDS_SEPARATOR;
    result += integerDigits[i];
  }
  return result;
}

export interface NumberFormatOptions {
  /** Exactly this many decimals (money: 2). */
  decimals?: number;
  /** Otherwise: at most this many, trailing zeros dropped. Default 2. */
  maxDecimals?: number;
}

/** 1234.5 → "1 234,5" (U+00A0 between thousands); -0.001 → "0"; null/NaN → "". */
export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (value == null || !isFinite(value)) return '';
  const fixed = options.decimals !== undefined;
  const decimals = fixed ? (options.decimals as number) : options.maxDecimals !== undefined ? options.maxDecimals : 2;
  // Beyond 1e21 toFixed switches to exponent notation; no PST amount gets there.
  if (Math.abs(value) >= 1e21) return String(value);
  const rounded = roundHalfAway(value, decimals);
  const [integerPart, fractionPart = ''] = Math.abs(rounded).toFixed(decimals).split('.');
  const fraction = fixed ? fractionPart : fractionPart.replace(/0+$/, '');
  const negative = rounded < 0;
  return (negative ? '-' : '') + groupThousands(integerPart) + (fraction ? DECIMAL_SEPARATOR + fraction : '');
}

/** 1234.5 → "1 234,50 €" (two decimals unless told otherwise). */
export function formatEuro(value: number | null | undefined, decimals = 2): string {
  const number = formatNumber(value, { decimals });
  return number === '' ? '' : number + THOUSANDS_SEPARATOR + '€';
}

/** 35.5 → "35,5 %", 100 → "100 %" (at most one decimal unless told otherwise). */
export function formatPercent(value: number | null | undefined, maxDecimals = 1): string {
  const number = formatNumber(value, { maxDecimals });
  return number === '' ? '' : number + THOUSANDS_SEPARATOR + '%';
}

/** "2024-12-31" → "31/12/2024"; null → ""; a text that is not an ISO day is returned as is. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (date == null) return '';
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return `${two(parts.day)}/${two(parts.month)}/${parts.year}`;
}

/** A period the way people write it: "2024", "02/2024", "31/12/2024", "2020-2022". */
export function formatPeriod(period: Period | null | undefined): string {
  if (period == null) return '';
  const start = parseIsoDate(period.start);
  const end = parseIsoDate(period.end);
  if (!start || !end) return period.text;
  switch (period.precision) {
    case 'day':
      return formatDate(period.start);
    case 'month':
      return `${two(start.month)}/${start.year}`;
    case 'quarter':
      return `T${Math.ceil(end.month / 3)} ${start.year}`;
    case 'semester':
      return `S${Math.ceil(end.month / 6)} ${start.year}`;
    case 'year':
      return String(start.year);
    case 'years':
      return `${start.year}-${end.year}`;
  }
}


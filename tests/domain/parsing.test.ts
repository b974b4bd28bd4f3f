import {
  ParseError,
  Period,
  THOUSANDS_SEPARATOR,
  formatDate,
  formatEuro,
  formatNumber,
  formatPercent,
  formatPeriod,
  isParseError,
  parseBelgianNumber,
  parsePeriod,
  parseProgress,
  periodOfDay,
} from '../../src/domain';

const NBSP = '\u00a0';

function ok(text: string): Period {
  const result = parsePeriod(text);
  if (result === null || isParseError(result)) throw new Error(`expected a period for ${text}: ${JSON.stringify(result)}`);
  return result;
}

function error(result: unknown): ParseError {
  if (!isParseError(result)) throw new Error(`expected a parse error, got ${JSON.stringify(result)}`);
  return result;
}

describe('parsePeriod: formats found in PST documents', () => {
  it.each([
    // text, start, end, precision
    ['2019', '2019-01-01', '2019-12-31', 'year'],
    ['01/02/2020', '2020-02-01', '2020-02-01', 'day'], // DD/MM/YYYY: 1 February, not 2 January
    ['09/2019', '2019-09-01', '2019-09-30', 'month'],
    ['01/01/20', '2020-01-01', '2020-01-01', 'day'], // two-digit year → 20xx
    ['2020-21', '2020-01-01', '2021-12-31', 'years'],
    ['2019-20', '2019-01-01', '2020-12-31', 'years'],
    ['2020-21-22', '2020-01-01', '2022-12-31', 'years'],
    ['2020 - 2021', '2020-01-01', '2021-12-31', 'years'],
    ['2020.2021', '2020-01-01', '2021-12-31', 'years'],
    ['2021-2022', '2021-01-01', '2022-12-31', 'years'],
    ['2019 – 2024', '2019-01-01', '2024-12-31', 'years'], // en dash
    ['31/12/2024', '2024-12-31', '2024-12-31', 'day'],
    ['31.12.2024', '2024-12-31', '2024-12-31', 'day'],
    ['2024-12-31', '2024-12-31', '2024-12-31', 'day'],
    ['2024-12', '2024-12-01', '2024-12-31', 'month'], // ISO month: 12 is not after 24
    ['mars 2020', '2020-03-01', '2020-03-31', 'month'],
    ['Février 2024', '2024-02-01', '2024-02-29', 'month'],
    ['1er mars 2020', '2020-03-01', '2020-03-01', 'day'],
    ['2020-2020', '2020-01-01', '2020-12-31', 'year'],
    ['2019.', '2019-01-01', '2019-12-31', 'year'],
    ['T3 2027', '2027-07-01', '2027-09-30', 'quarter'],
    ['Q1 2026', '2026-01-01', '2026-03-31', 'quarter'],
    ['T4/2025', '2025-10-01', '2025-12-31', 'quarter'],
    ['3e trimestre 2027', '2027-07-01', '2027-09-30', 'quarter'],
    ['1er trimestre 2028', '2028-01-01', '2028-03-31', 'quarter'],
    ['deuxième trimestre de 2026', '2026-04-01', '2026-06-30', 'quarter'],
    ['S2 2026', '2026-07-01', '2026-12-31', 'semester'],
    ['1er semestre 2024', '2024-01-01', '2024-06-30', 'semester'],
    ['second semestre 2029', '2029-07-01', '2029-12-31', 'semester'],
  ])('"%s" → %s … %s (%s)', (text, start, end, precision) => {
    expect(parsePeriod(text)).toEqual({ text, start, end, precision });
  });

  it('keeps the text as written, trimmed', () => {
    expect(ok('  09/2019 ').text).toBe('09/2019');
  });

  it.each([[null], [undefined], [''], ['   '], ['\n\t']])('empty (%p) → null', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod: leap years and month ends', () => {
  it.each([
    ['02/2024', '2024-02-29'],
    ['02/2023', '2023-02-28'],
    ['02/2000', '2000-02-29'],
    ['02/1900', '1900-02-28'],
    ['2024-02', '2024-02-29'],
    ['04/2024', '2024-04-30'],
    ['12/2024', '2024-12-31'],
  ])('month %s ends on %s', (text, end) => {
    expect(ok(text).end).toBe(end);
  });

  it('accepts 29/02/2024 and refuses 29/02/2023 with a French explanation', () => {
    expect(ok('29/02/2024').start).toBe('2024-02-29');
    const refused = error(parsePeriod('29/02/2023'));
    expect(refused.error).toBe("Le 29/02/2023 n'existe pas : février 2023 compte 28 jours.");
    expect(refused.errorEn).toBe('29/02/2023 does not exist: February 2023 has 28 days.');
    expect(refused.text).toBe('29/02/2023');
  });
});

describe('parsePeriod: invalid dates give an error, never a wrong date', () => {
  it.each([
    ['31/02/2020', "Le 31/02/2020 n'existe pas : février 2020 compte 29 jours."],
    ['31/04/2024', "Le 31/04/2024 n'existe pas : avril 2024 compte 30 jours."],
    ['32/01/2024', "Le 32/01/2024 n'existe pas : janvier 2024 compte 31 jours."],
    ['00/01/2024', "Le 00/01/2024 n'existe pas : janvier 2024 compte 31 jours."],
    ['2024-02-30', "Le 30/02/2024 n'existe pas : février 2024 compte 29 jours."],
    ['13/2020', "Le mois 13 n'existe pas (les mois vont de 01 à 12)."],
    ['00/2020', "Le mois 00 n'existe pas (les mois vont de 01 à 12)."],
    ['15/13/2020', "Le mois 13 n'existe pas (les mois vont de 01 à 12)."],
    ['2024-00', "Le mois 00 n'existe pas (les mois vont de 01 à 12)."],
    ['2024-13', "L'année de fin (2013) précède l'année de début (2024)."], // 13 cannot be a month
    ['2021-2019', "L'année de fin (2019) précède l'année de début (2021)."],
    ['2021-19', "L'année de fin (2019) précède l'année de début (2021)."],
    ['3024', "L'année 3024 semble erronée (attendu entre 1900 et 2100)."],
  ])('"%s" → %s', (text, message) => {
    expect(error(parsePeriod(text)).error).toBe(message);
  });

  it.each([['Depuis 1er Trimestre 2019'], ['fin janvier 2020'], ['Temps T + 1 an'], ['2024-12-31T00:00:00Z']])(
    'unreadable "%s" → list of accepted formats',
    (text) => {
      const refused = error(parsePeriod(text));
      expect(refused.error).toBe(
        `« ${text} » n'est pas une date reconnue. Formats acceptés : 2024, 09/2024, 31/12/2024, 2024-12-31, 2020-21.`,
      );
    },
  );

  it('refuses a quarter or half-year that does not exist', () => {
    expect(error(parsePeriod('T5 2027')).error).toBe("Le trimestre 5 n'existe pas (T1 à T4).");
    expect(error(parsePeriod('3e semestre 2026')).error).toBe("Le semestre 3 n'existe pas (S1 ou S2).");
    expect(error(parsePeriod('T2 1850')).error).toContain('1850');
  });

  it('round-trips every readable format through formatPeriod', () => {
    for (const text of ['2019', '09/2019', '01/02/2020', '2020-21', '2020-21-22', '02/2024', '29/02/2024', '3e trimestre 2027', 'S1 2026']) {
      const first = ok(text);
      const again = ok(formatPeriod(first));
      expect([again.start, again.end, again.precision]).toEqual([first.start, first.end, first.precision]);
    }
  });

  it('builds the period of one day', () => {
    expect(periodOfDay('2024-02-29')).toEqual({ text: '29/02/2024', start: '2024-02-29', end: '2024-02-29', precision: 'day' });
  });
});

describe('parseProgress', () => {
  it.each([
    ['10 %', 10, false],
    ['50%', 50, false],
    ['+/- 35 % des profils établis', 35, true],
    ['0 %', 0, false],
    ['100 %', 100, false],
    ['35,5 %', 35.5, false],
    ['35.5%', 35.5, false],
    ['environ 20 %', 20, true],
    ['± 60 %', 60, true],
    ['Avancement : 75 %', 75, false],
    ['40', 40, false], // a bare number in a progress field
    ['50 % et 50 %', 50, false], // the same figure twice is still one figure
  ])('"%s" → %d (approximate: %s)', (text, percent, approximate) => {
    expect(parseProgress(text)).toEqual({ text, percent, approximate });
  });

  it.each([
    ['120 %', 'Un avancement de 120 % est impossible : indiquez une valeur entre 0 et 100 %.'],
    ['100,5 %', 'Un avancement de 100,5 % est impossible : indiquez une valeur entre 0 et 100 %.'],
    ['-10 %', 'Un avancement négatif (-10 %) est impossible : indiquez une valeur entre 0 et 100 %.'],
    ['- 5%', 'Un avancement négatif (-5 %) est impossible : indiquez une valeur entre 0 et 100 %.'],
    ['En bonne voie', "« En bonne voie » ne contient pas de pourcentage d'avancement lisible (ex. 35 %)."],
    ['Phase 2 en cours', "« Phase 2 en cours » ne contient pas de pourcentage d'avancement lisible (ex. 35 %)."],
    ['50 % phase 1, 10 % phase 2', '« 50 % phase 1, 10 % phase 2 » contient plusieurs pourcentages : indiquez un seul avancement global (ex. 35 %).'],
  ])('"%s" → error', (text, message) => {
    expect(error(parseProgress(text)).error).toBe(message);
  });

  it('accepts "-0 %" as zero', () => {
    expect(parseProgress('-0 %')).toEqual({ text: '-0 %', percent: 0, approximate: false });
  });

  it.each([[null], [''], ['  ']])('empty (%p) → null', (text) => {
    expect(parseProgress(text)).toBeNull();
  });
});

describe('parseBelgianNumber', () => {
  it.each([
    ['1 234,5', 1234.5],
    [`1${NBSP}234,5`, 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234,50 €', 1234.5],
    ['1.234,50€', 1234.5],
    ['€ 12', 12],
    ['0,5 ETP', 0.5],
    ['2 ETP', 2],
    ['30.000.000€', 30000000],
    ['120.000 € HTVA', 120000],
    ['1 234 567,89', 1234567.89],
    ['1.234', 1234], // a dot before three digits groups thousands
    ['0.5', 0.5], // otherwise it is a decimal point
    ['12.75', 12.75],
    ['-12', -12],
    ['−3,5', -3.5], // minus sign U+2212
    ['+7', 7],
    ['0', 0],
    ['-0', 0],
    [',5', 0.5],
    ['7000 euros', 7000],
  ])('"%s" → %d', (text, expected) => {
    expect(parseBelgianNumber(text)).toBe(expected);
  });

  it.each([['abc'], ['1,2,3'], ['12 34'], ['1.23.4'], ['1 234.5'], ['€'], ['environ 5']])('"%s" → error', (text) => {
    expect(error(parseBelgianNumber(text)).error).toBe(`« ${text} » n'est pas un nombre lisible (ex. 1 234,5).`);
  });

  it('empty → null', () => {
    expect(parseBelgianNumber('  ')).toBeNull();
    expect(parseBelgianNumber(null)).toBeNull();
  });
});

describe('formatNumber (thousands separator: U+00A0 no-break space)', () => {
  it('uses the documented separator', () => {
    expect(THOUSANDS_SEPARATOR).toBe(NBSP);
  });

  it.each([
    [1234.5, `1${NBSP}234,5`],
    [0, '0'],
    [-0, '0'],
    [-1234.5, `-1${NBSP}234,5`],
    [123, '123'],
    [1234, `1${NBSP}234`],
    [1000000, `1${NBSP}000${NBSP}000`],
    [30128000, `30${NBSP}128${NBSP}000`],
    [-2500000.75, `-2${NBSP}500${NBSP}000,75`],
    [999.999, `1${NBSP}000`], // rounding carries into a new group of thousands
    [1.005, '1,01'], // decimal half-up, although 1.005 is 1.00499… in binary
    [2.675, '2,68'],
    [0.1 + 0.2, '0,3'],
    [-0.001, '0'], // no "-0"
    [-0.005, '-0,01'], // half away from zero
    [12.3, '12,3'],
  ])('%d → "%s"', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('honours fixed and maximum decimals', () => {
    expect(formatNumber(12.3, { decimals: 2 })).toBe('12,30');
    expect(formatNumber(0.5, { decimals: 0 })).toBe('1');
    expect(formatNumber(-2.5, { decimals: 0 })).toBe('-3');
    expect(formatNumber(1 / 3, { maxDecimals: 4 })).toBe('0,3333');
    expect(formatNumber(2, { decimals: 1 })).toBe('2,0');
  });

  it('writes nothing for missing values', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });
});

describe('formatEuro, formatPercent, formatDate, formatPeriod', () => {
  it.each([
    [1234.5, `1${NBSP}234,50${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [-1500, `-1${NBSP}500,00${NBSP}€`],
    [30000000, `30${NBSP}000${NBSP}000,00${NBSP}€`],
    [0.005, `0,01${NBSP}€`],
    [7.499, `7,50${NBSP}€`],
  ])('euro %d → "%s"', (value, expected) => {
    expect(formatEuro(value)).toBe(expected);
  });

  it('formats whole euros on request and nothing for null', () => {
    expect(formatEuro(1234.5, 0)).toBe(`1${NBSP}235${NBSP}€`);
    expect(formatEuro(null)).toBe('');
  });

  it.each([
    [35.5, `35,5${NBSP}%`],
    [100, `100${NBSP}%`],
    [0, `0${NBSP}%`],
    [430 / 47, `9,1${NBSP}%`],
    [66.66666, `66,7${NBSP}%`],
  ])('percent %d → "%s"', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it('formats days the Belgian way', () => {
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
    expect(formatDate('2024-01-05')).toBe('05/01/2024');
    expect(formatDate(null)).toBe('');
    expect(formatDate('bientôt')).toBe('bientôt');
  });

  it('formats a period at its precision', () => {
    expect(formatPeriod(ok('2024'))).toBe('2024');
    expect(formatPeriod(ok('2024-09'))).toBe('09/2024');
    expect(formatPeriod(ok('2024-12-31'))).toBe('31/12/2024');
    expect(formatPeriod(ok('2020-21-22'))).toBe('2020-2022');
    expect(formatPeriod(ok('3e trimestre 2027'))).toBe('T3 2027');
    expect(formatPeriod(ok('2e semestre 2026'))).toBe('S2 2026');
    expect(formatPeriod(null)).toBe('');
  });
});

/**
 * The store's parsers on their own: `$filter` (operators listed in
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests),
 * resource paths, `<Field>` XML (https://learn.microsoft.com/en-us/sharepoint/dev/schema/field-element-field),
 * and Brussels midnight for date-only columns.
 */
import { parseFilter, topLevelConjuncts } from '../../../src/node/store/odata/filter';
import { parseApiPath } from '../../../src/node/store/odata/path';
import { parseFieldXml } from '../../../src/node/store';
import { brusselsDayOf, brusselsMidnightUtc, dateOnlyValue } from '../../../src/node/store';
import { fieldXml } from '../../../src/schema/fieldXml';
import { actionsList } from '../../../src/schema/listSchema';
import { startEmbeddedStore } from '../../../src/node/store';

describe('$filter parser', () => {
  it('parses comparisons, precedence (not > and > or), functions and literals', () => {
    expect(parseFilter("A eq 'it''s' or B gt 2 and not C eq null")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', property: 'A', value: { type: 'string', value: "it's" } },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'gt', property: 'B', value: { type: 'number', value: 2 } },
        right: { kind: 'not', operand: { kind: 'compare', op: 'eq', property: 'C', value: { type: 'null' } } },
      },
    });
    expect(parseFilter("startswith(Title, 'x') and substringof('y',Author/Title)")).toEqual({
      kind: 'and',
      left: { kind: 'startswith', property: 'Title', value: 'x' },
      right: { kind: 'substringof', property: 'Author/Title', value: 'y' },
    });
    expect(parseFilter("Due ge datetime'2024-01-01T00:00:00Z'")).toEqual({ kind: 'compare', op: 'ge', property: 'Due', value: { type: 'datetime', value: '2024-01-01T00:00:00Z' } });
    expect(parseFilter('5 lt Id')).toEqual({ kind: 'compare', op: 'gt', property: 'Id', value: { type: 'number', value: 5 } });
    expect(parseFilter('Done eq true')).toEqual({ kind: 'compare', op: 'eq', property: 'Done', value: { type: 'boolean', value: true } });
    expect(topLevelConjuncts(parseFilter('a eq 1 and (b eq 2 and c eq 3) or d eq 4'))).toHaveLength(1);
    expect(topLevelConjuncts(parseFilter('a eq 1 and (b eq 2 and c eq 3)'))).toHaveLength(3);
  });

  it.each([
    ["Title eq 'x", 'unterminated string literal'],
    ['Title eq', 'incomplete comparison'],
    ['Title', 'incomplete comparison'],
    ["Title like 'x'", 'expected a comparison operator'],
    ["endswith(Title,'x')", 'the function endswith() is not supported'],
    ["(Title eq 'x'", "expected ')'"],
    ["Title eq 'x' )", "unexpected ')'"],
    ['Title eq #', "unexpected character '#'"],
  ])('refuses %s (%s)', (filter, detail) => {
    expect(() => parseFilter(filter)).toThrow(detail);
  });
});

describe('resource paths', () => {
  it('splits segments outside quotes and parentheses, reads arguments and @aliases', () => {
    const segments = parseApiPath("web/getList('/sites/pst/Lists/A(b)')/items(5)/roleassignments/addroleassignment(principalid=7, roledefid=1073741827)", new URLSearchParams());
    expect(segments.map((s) => [s.name, s.args, s.named])).toEqual([
      ['web', [], {}],
      ['getlist', ['/sites/pst/Lists/A(b)'], {}],
      ['items', [5], {}],
      ['roleassignments', [], {}],
      ['addroleassignment', [], { principalid: 7, roledefid: 1073741827 }],
    ]);
    expect(parseApiPath("web/lists(guid'ABC')/getByTitle('L''été')", new URLSearchParams())[1].args).toEqual(['ABC']);
    expect(parseApiPath('web/siteusers(@v)', new URLSearchParams({ '@v': "'i:0#.f|membership|a@b.c'" }))[1].args).toEqual(['i:0#.f|membership|a@b.c']);
  });
});

describe('field XML', () => {
  it('reads what src/schema/fieldXml.ts writes', () => {
    const ids = { operationalObjectives: '11111111-2222-3333-4444-555555555555', actions: '66666666-2222-3333-4444-555555555555' };
    const f = actionsList.fields;
    expect(parseFieldXml(fieldXml(f.operationalObjectives, ids))).toMatchObject({ internalName: 'PstOperationalObjectives', type: 'LookupMulti', lookupList: ids.operationalObjectives, showField: 'Title' });
    expect(parseFieldXml(fieldXml(f.team, ids))).toMatchObject({ type: 'UserMulti' });
    expect(parseFieldXml(fieldXml(f.status, ids))).toMatchObject({ type: 'Choice', indexed: true, fillInChoice: false, choices: f.status.choices });
    expect(parseFieldXml(fieldXml(f.labels, ids))).toMatchObject({ type: 'MultiChoice', fillInChoice: true });
    expect(parseFieldXml(fieldXml(f.plannedEnd, ids))).toMatchObject({ type: 'DateTime', dateOnly: true, indexed: true });
    expect(parseFieldXml(fieldXml(f.code, ids))).toMatchObject({ type: 'Text', maxLength: 50, title: 'Code' });
    expect(parseFieldXml(fieldXml(f.progress, ids))).toMatchObject({ type: 'Number', min: 0, max: 100, decimals: 1 });
  });

  it('reads back titles and choices with markup characters and references unchanged', () => {
    const tricky = `L'été <"R&D"> &amp; &#233; \u{1F600}`;
    const field = { internalName: 'PstTricky', kind: 'choice' as const, title: { fr: tricky, en: tricky }, choices: [tricky, '&lt;'] };
    expect(parseFieldXml(fieldXml(field, {}))).toMatchObject({ title: tricky, choices: [tricky, '&lt;'] });
  });
});

describe('Brussels time for date-only columns', () => {
  it('turns any instant of a Brussels day into local midnight in UTC, across the DST switches', () => {
    expect(dateOnlyValue(Date.parse('2024-12-31T12:00:00Z'))).toBe('2024-12-30T23:00:00Z');
    expect(dateOnlyValue(Date.parse('2024-07-15T00:30:00Z'))).toBe('2024-07-14T22:00:00Z');
    // 23:30 UTC on 31 Dec is already 1 January in Brussels.
    expect(brusselsDayOf(Date.parse('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    // 2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC.
    expect(new Date(brusselsMidnightUtc('2025-03-30')).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(new Date(brusselsMidnightUtc('2025-03-31')).toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(new Date(brusselsMidnightUtc('2025-10-26')).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(new Date(brusselsMidnightUtc('2025-10-27')).toISOString()).toBe('2025-10-26T23:00:00.000Z');
  });

  it('agrees with Intl for every day of 2024-2026', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2027, 0, 1); day += 86400000) {
      const iso = new Date(day).toISOString().substring(0, 10);
      const midnight = brusselsMidnightUtc(iso);
      expect(format.format(new Date(midnight))).toBe(`${iso}, 00`);
    }
  });
});

describe('server', () => {
  it('hands paths outside /_api to extraRoutes, and 404s the rest', async () => {
    const store = await startEmbeddedStore({
      dataFile: ':memory:',
      extraRoutes: (req, res, url) => {
        if (url.pathname !== '/local/hello') return false;
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('bonjour');
        return true;
      },
    });
    try {
      expect(await (await fetch(`${store.url}/local/hello`)).text()).toBe('bonjour');
      expect((await fetch(`${store.url}/other`)).status).toBe(404);
      expect(store.requests).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

import type { PstFilter } from '../../../src/domain/filter';
import { FILTER_QUERY_PARAMS, filterFromQuery, filterToQuery, replaceFilterInQuery } from '../../../src/domain/links/filterQuery';

describe('URL query form', () => {
  const full: PstFilter = {
    search: 'Accueil, l’été & co',
    volets: ['interne', 'transversal'],
    departments: ['Service social', 'Travaux, bâtiments'],
    leads: ['marie.dupont@cpas-test.be', 'Jean Martin'],
    statuses: ['EN_COURS', 'PROBLEME', 'unknown'],
    healths: ['blocage'],
    priorities: ['niveau1', 'postpose'],
    labels: ['PCS', 'Etats généraux'],
    sdgs: [1, 17],
    lateness: ['overdue', 'dueSoon', 'stale', 'onTrack', 'unscheduled', 'done', 'cancelled'],
    mine: true,
  };

  it('writes French parameter names, comma-separated values', () => {
    expect(filterToQuery({ statuses: ['EN_COURS', 'PROBLEME'], departments: ['Service social'], search: 'accueil', mine: true })).toBe(
      'pst-q=accueil&pst-service=Service+social&pst-statut=EN_COURS,PROBLEME&pst-mes=1',
    );
    expect(filterToQuery({ leads: ['a.b@cpas.be'], statuses: ['unknown'], lateness: ['overdue'] })).toBe(
      'pst-chef=a.b@cpas.be&pst-statut=INCONNU&pst-echeance=retard',
    );
    expect(filterToQuery({})).toBe('');
    expect(filterToQuery({ search: ' ', volets: [], mine: false })).toBe('');
  });

  it('round-trips exactly, commas, accents, ampersands and plus signs included', () => {
    expect(filterFromQuery(filterToQuery(full))).toEqual(full);
    expect(filterFromQuery('?' + filterToQuery(full))).toEqual(full);
    const tricky: PstFilter = { search: '1+1 = 2 % ?#', labels: ['a,b', 'c&d', 'e=f'] };
    expect(filterFromQuery(filterToQuery(tricky))).toEqual(tricky);
    expect(filterFromQuery(filterToQuery({}))).toEqual({});
  });

  it('reads a whole URL and ignores other parameters and unknown values', () => {
    expect(
      filterFromQuery(
        'https://cpas.sharepoint.com/sites/pst/SitePages/Arbre.aspx?env=WebView&pst-statut=EN_COURS,FOO&pst-odd=3,18,x&pst-volet=INTERNE&pst-mes=0#pst=os-3',
      ),
    ).toEqual({ statuses: ['EN_COURS'], sdgs: [3], volets: ['interne'] });
    expect(filterFromQuery('pst-sante=Blocage&pst-priorite=NIVEAU1&pst-statut=en_cours')).toEqual({
      healths: ['blocage'],
      priorities: ['niveau1'],
      statuses: ['EN_COURS'],
    });
    expect(filterFromQuery('')).toEqual({});
    expect(filterFromQuery(null)).toEqual({});
    expect(filterFromQuery('pst-q=%E9')).toEqual({ search: '%E9' });
  });

  it('replaces the filter parameters of a query, keeping the others', () => {
    expect(replaceFilterInQuery('?env=WebView&pst-statut=TERMINE&pst-q=x', { labels: ['PCS'] })).toBe('?env=WebView&pst-label=PCS');
    expect(replaceFilterInQuery('?pst-statut=TERMINE', {})).toBe('');
    expect(replaceFilterInQuery('', { mine: true })).toBe('?pst-mes=1');
    expect(Object.values(FILTER_QUERY_PARAMS).every((name) => name.startsWith('pst-'))).toBe(true);
  });
});

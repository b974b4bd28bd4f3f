import * as fs from 'fs';
import * as path from 'path';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  BUDGET_SERVICES,
  HEALTHS,
  HEALTH_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  SDG_NUMBERS,
  VOLETS,
  healthLabel,
  interpretHealthText,
  interpretPriorityText,
  interpretStatusText,
  interpretVoletText,
  isActionStatus,
  isHealth,
  isPriority,
  isVolet,
  normalizeText,
  priorityLabel,
  statusLabel,
  voletLabel,
} from '../../src/domain';

const XSD = path.resolve(__dirname, '../../../shared/reference/ecomptes/PST_eComptes_Export_201805V1.xsd');

describe('status vocabulary', () => {
  it('is exactly the eComptes Statut enumeration', () => {
    const xsd = fs.readFileSync(XSD, 'latin1');
    const start = xsd.indexOf('<xs:element name="Statut"');
    const end = xsd.indexOf('</xs:element>', start);
    const values = (xsd.slice(start, end).match(/enumeration value="([A-Z_]+)"/g) || []).map((m) =>
      m.replace(/.*value="([A-Z_]+)"/, '$1'),
    );
    expect(values.slice().sort()).toEqual(ACTION_STATUSES.slice().sort());
    expect(values).toHaveLength(6);
  });

  it('keeps the order of progression of an action', () => {
    expect(ACTION_STATUSES).toEqual(['NON_COMMENCE', 'EN_COURS', 'EN_ATTENTE', 'PROBLEME', 'TERMINE', 'ANNULE_ABANDONNE']);
  });

  it('has French and English labels', () => {
    expect(ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s].fr)).toEqual(['Non commencé', 'En cours', 'En attente', 'Problème', 'Terminé', 'Annulé / abandonné']);
    expect(statusLabel('TERMINE')).toBe('Terminé');
    expect(statusLabel('TERMINE', 'en')).toBe('Completed');
    for (const status of ACTION_STATUSES) {
      expect(ACTION_STATUS_LABELS[status].fr).not.toBe('');
      expect(ACTION_STATUS_LABELS[status].en).not.toBe('');
    }
  });
});

describe('other vocabularies', () => {
  it('lists health, priority, volet, budget service and SDG values', () => {
    expect(HEALTHS).toEqual(['bon', 'risque', 'blocage', 'pause']);
    expect(HEALTHS.map((h) => HEALTH_LABELS[h].fr)).toEqual(['Bon', 'À risque', 'Bloqué', 'En pause']);
    expect(healthLabel('pause', 'en')).toBe('Paused');
    expect(PRIORITIES).toContain('niveau1');
    expect(PRIORITIES).toContain('obligatoire');
    expect(PRIORITIES).toContain('postpose');
    expect(priorityLabel('postpose')).toBe('Postposé');
    expect(VOLETS).toEqual(['interne', 'externe', 'transversal']);
    expect(voletLabel('externe')).toBe('Volet externe');
    expect(BUDGET_SERVICES).toEqual(['ordinaire', 'extraordinaire']);
    expect(SDG_NUMBERS).toHaveLength(17);
    expect(SDG_NUMBERS[0]).toBe(1);
    expect(SDG_NUMBERS[16]).toBe(17);
  });

  it('recognises its own values', () => {
    expect(isActionStatus('EN_COURS')).toBe(true);
    expect(isActionStatus('En cours')).toBe(false);
    expect(isHealth('blocage')).toBe(true);
    expect(isHealth('rouge')).toBe(false);
    expect(isPriority('niveau2')).toBe(true);
    expect(isVolet('transversal')).toBe(true);
    expect(isVolet(null)).toBe(false);
  });
});

describe('normalizeText', () => {
  it('ignores case, accents, apostrophe style and spacing', () => {
    expect(normalizeText('  À l’Étude  ')).toBe("a l'etude");
    expect(normalizeText("A  l'étude")).toBe("a l'etude");
    expect(normalizeText('Œuvrer\u00a0ensemble')).toBe('oeuvrer ensemble');
    expect(normalizeText('CLÔTURÉ')).toBe('cloture');
  });
});

describe('interpretStatusText', () => {
  it.each([
    ["A l'étude", 'NON_COMMENCE'],
    ['À l’étude', 'NON_COMMENCE'],
    ['  a L’ÉTUDE ', 'NON_COMMENCE'],
    ['Proposition', 'NON_COMMENCE'],
    ['Non commencé', 'NON_COMMENCE'],
    ['Pas encore démarré', 'NON_COMMENCE'],
    ['Non réalisé', 'NON_COMMENCE'],
    ['En cours de réalisation', 'EN_COURS'],
    ['EN COURS', 'EN_COURS'],
    ['en_cours', 'EN_COURS'],
    ['Partiellement réalisé', 'EN_COURS'],
    ['En attente', 'EN_ATTENTE'],
    ['Réalisé', 'TERMINE'],
    ['Terminé', 'TERMINE'],
    ['terminée.', 'TERMINE'],
    ['Clôturé', 'TERMINE'],
    ['Abandonné', 'ANNULE_ABANDONNE'],
    ['Annulé', 'ANNULE_ABANDONNE'],
    ['Annulé / abandonné', 'ANNULE_ABANDONNE'],
    ['Bloqué', 'PROBLEME'],
    ['Problème', 'PROBLEME'],
    ['problemes de financement', 'PROBLEME'],
  ])('"%s" → %s', (text, expected) => {
    const reading = interpretStatusText(text);
    expect(reading.status).toBe(expected);
    expect(reading.recognised).toBe(true);
    expect(reading.text).toBe(text.trim());
  });

  it('reads a postponed project as on hold with priority "postposé"', () => {
    expect(interpretStatusText('Projet postposé au-delà de 2019')).toEqual({
      status: 'EN_ATTENTE',
      priority: 'postpose',
      recognised: true,
      text: 'Projet postposé au-delà de 2019',
    });
  });

  it('reads "Indéterminé" as a known unknown and keeps the text', () => {
    expect(interpretStatusText('Indéterminé')).toEqual({ status: null, priority: null, recognised: true, text: 'Indéterminé' });
  });

  it('says when it does not understand, keeping the text', () => {
    expect(interpretStatusText('Voir avec le DG')).toEqual({ status: null, priority: null, recognised: false, text: 'Voir avec le DG' });
  });

  it.each([[null], [undefined], [''], ['   ']])('empty (%p) → no status, no text', (text) => {
    expect(interpretStatusText(text)).toEqual({ status: null, priority: null, recognised: true, text: null });
  });
});

describe('interpretPriorityText', () => {
  it.each([
    ['Niveau 1', 'niveau1'],
    ['niveau 2', 'niveau2'],
    ['NIVEAU III', 'niveau3'],
    ['Priorité 1', 'niveau1'],
    ['prioritaire', 'prioritaire'],
    ['Prioritaire !', 'prioritaire'],
    ['obligatoire', 'obligatoire'],
    ['Obligation légale', 'obligatoire'],
    ['postposé', 'postpose'],
    ['Reporté', 'postpose'],
  ])('"%s" → %s', (text, expected) => {
    expect(interpretPriorityText(text)).toBe(expected);
  });

  it.each([[null], [''], ['moyenne']])('%p → null', (text) => {
    expect(interpretPriorityText(text)).toBeNull();
  });
});

describe('interpretHealthText and interpretVoletText', () => {
  it.each([
    ['Bon', 'bon'],
    ['vert', 'bon'],
    ['À risque', 'risque'],
    ['orange', 'risque'],
    ['Bloqué', 'blocage'],
    ['rouge', 'blocage'],
    ['En pause', 'pause'],
  ])('health "%s" → %s', (text, expected) => {
    expect(interpretHealthText(text)).toBe(expected);
  });

  it('reads volet headings, including the misspelt one of a real PST', () => {
    expect(interpretVoletText('PARTIE I : LE VOILET INTERNE')).toBe('interne');
    expect(interpretVoletText('PARTIE II : LE VOLET EXTERNE')).toBe('externe');
    expect(interpretVoletText('interne et externe')).toBe('transversal');
    expect(interpretVoletText('Transversal')).toBe('transversal');
    expect(interpretVoletText(null)).toBeNull();
    expect(interpretVoletText('LE SOCIAL')).toBeNull();
  });
});

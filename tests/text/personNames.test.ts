import { nameKey, nameMatchScore, nameWords, personWords, rankByName, searchWordOf } from '../../src/text/personNames';

describe('the words of a name', () => {
  it('folds accents and case, splits initials and compound names, drops civilities', () => {
    expect(nameWords('Leclercq J.')).toEqual({ words: ['leclercq'], initials: ['j'] });
    expect(nameWords('Mme Élise  MARTIN')).toEqual({ words: ['elise', 'martin'], initials: [] });
    expect(nameWords('J.-P. Van den Bossche')).toEqual({ words: ['van', 'den', 'bossche'], initials: ['j', 'p'] });
    expect(nameWords("Jean-Pierre D'Hondt")).toEqual({ words: ['jean', 'pierre', 'hondt'], initials: ['d'] });
    expect(nameWords('Monsieur Dubois')).toEqual({ words: ['dubois'], initials: [] });
    expect(nameWords('')).toEqual({ words: [], initials: [] });
  });

  it('knows a person by their display name and the local part of their address', () => {
    expect(personWords('Julien Leclercq', 'j.leclercq@cpas.example')).toEqual(['julien', 'leclercq']);
    expect(personWords('Service informatique', 'julien.leclercq@cpas.example')).toEqual(['service', 'informatique', 'julien', 'leclercq']);
    expect(personWords('Élise Martin')).toEqual(['elise', 'martin']);
  });
});

describe('does a written name name this person', () => {
  it.each([
    ['Leclercq J.', 'Julien Leclercq'],
    ['J. Leclercq', 'Julien Leclercq'],
    ['LECLERCQ Julien', 'Julien Leclercq'],
    ['julien leclercq', 'Julien Leclercq'],
    ['Elise Martin', 'Élise Martin'],
    ['Mme MARTIN', 'Élise Martin'],
    ['M. Dubois', 'Sophie Dubois'],
    ['M. Dubois', 'Marc Dubois'],
    ['Van den Bossche J.-P.', 'Jean-Pierre Van den Bossche'],
  ])('%s → %s', (written, name) => {
    expect(nameMatchScore(written, name)).toBeGreaterThan(0);
  });

  it.each([
    ['Leclercq P.', 'Julien Leclercq'],
    ['Leclerc', 'Julien Leclercq'],
    ['J.', 'Julien Leclercq'],
    ['Directeur général', 'Julien Leclercq'],
    ['Martin Dubois', 'Élise Martin'],
    ['', 'Élise Martin'],
  ])('%s is not %s', (written, name) => {
    expect(nameMatchScore(written, name)).toBe(0);
  });

  it('matches a name by the address when the display name is different', () => {
    expect(nameMatchScore('Leclercq', 'Service informatique', 'julien.leclercq@cpas.example')).toBeGreaterThan(0);
  });
});

describe('ranking the directory for a written name', () => {
  const people = [
    { displayName: 'Jeanne Leclercq', email: 'jeanne.leclercq@cpas.example' },
    { displayName: 'Julien Leclercq', email: 'julien.leclercq@cpas.example' },
    { displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' },
  ];

  it('puts the full name first and leaves out who it cannot be', () => {
    expect(rankByName('Julien Leclercq', people).map((m) => m.person.displayName)).toEqual(['Julien Leclercq']);
    expect(rankByName('Leclercq', people).map((m) => m.person.displayName)).toEqual(['Jeanne Leclercq', 'Julien Leclercq']);
    // Both start with J: a tie the coordinator settles.
    const tie = rankByName('Leclercq J.', people);
    expect(tie.map((m) => m.person.displayName)).toEqual(['Jeanne Leclercq', 'Julien Leclercq']);
    expect(tie[0].score).toBe(tie[1].score);
    expect(rankByName('Sophie Lambert', people)).toEqual([]);
  });

  it('a more complete name scores higher than a partial one', () => {
    expect(nameMatchScore('Julien Leclercq', 'Julien Leclercq')).toBeGreaterThan(nameMatchScore('Leclercq J.', 'Julien Leclercq'));
    expect(nameMatchScore('Leclercq J.', 'Julien Leclercq')).toBeGreaterThan(nameMatchScore('Leclercq', 'Julien Leclercq'));
  });
});

describe('searching and grouping', () => {
  it('searches the directory with the longest whole word', () => {
    expect(searchWordOf('Leclercq J.')).toBe('leclercq');
    expect(searchWordOf('Mme Élise Vandenbroucke')).toBe('vandenbroucke');
    expect(searchWordOf('J.')).toBeNull();
  });

  it('one key per way of writing the same name', () => {
    expect(nameKey('LECLERCQ Julien')).toBe(nameKey('julien leclercq'));
    expect(nameKey('Leclercq J.')).toBe(nameKey('J. Leclercq'));
    expect(nameKey('Leclercq J.')).not.toBe(nameKey('Leclercq'));
  });
});

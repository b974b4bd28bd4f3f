/**
 * The eComptes export checked against the Region's XSD by libxml2 (xmllint in WebAssembly):
 * the sample PST and a small plan are valid, a broken file is refused with libxml2's reason.
 */
import outline from '../../../src/node/local/sample/binche-2019-2024.outline.json';
import { buildSamplePst } from '../../../src/node/local/samplePst';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { ecomptesXml, splitName } from '../../../src/export/ecomptes/ecomptesXml';
import { validateEcomptes } from '../../../src/node/ecomptes/validateEcomptes';
import { reportInput, TODAY } from '../report/reportFixture';

jest.setTimeout(60_000);

const civilities = (person: { displayName: string }) => (person.displayName === 'Marie Dupont' ? 'MADAME' : person.displayName === 'Jean Martin' ? 'MONSIEUR' : null);

describe('the eComptes XML export', () => {
  it('writes the sample PST (9 OS, 23 OO, 47 actions) as a file the XSD accepts', async () => {
    const sample = buildSamplePst(outline as OutlineDocument, TODAY);
    const checkIns = sample.checkIns.map((c, i) => ({ ...c, id: i + 1, author: null }));
    const result = ecomptesXml({ ...sample.data, checkIns }, { today: TODAY, ins: 56011 });
    expect(result.counts).toEqual({ volets: 1, strategicObjectives: 9, operationalObjectives: 23, actions: 47 });
    expect((result.xml.match(/<ObjectifStrategique /g) ?? []).length).toBe(9);
    expect((result.xml.match(/<ObjectifOperationnel /g) ?? []).length).toBe(23);
    const validation = await validateEcomptes(result.xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  it('carries statuses, progress, people with a known civility, service, partners, plans, ETP and the budget line as a projection', async () => {
    const input = reportInput();
    input.actions[0].partners = ['Forem', 'Commune'];
    input.actions[0].labels = ['PCS'];
    input.actions[0].mandatary = { displayName: 'Jean Martin', email: 'jean@cpas.example' };
    input.actions[0].plannedStart = { text: '2026', start: '2026-01-01', end: '2026-12-31', precision: 'year' };
    const result = ecomptesXml(input, { today: TODAY, ins: 56011, civilityOf: civilities });
    const xml = result.xml;
    expect((await validateEcomptes(xml)).errors).toEqual([]);
    expect(xml).toContain('<Identifiants><Id>PST-1</Id><TypeAdmin>CPAS</TypeAdmin><INS>56011</INS><Type>PST</Type><Exercice>2026</Exercice><Version>201805V1</Version>');
    expect(xml).toContain('<Libelle>Volet interne</Libelle>');
    expect(xml).toContain('<Libelle>Volet externe</Libelle>');
    const action = /<Action ElementId="A-101"[^>]*>([\s\S]*?)<\/Action>/.exec(xml)![1];
    expect(action).toContain('<Libelle>1.1.1 Refaire le guichet</Libelle><DateDebut>2026-01-01</DateDebut><DateFin>2026-09-30</DateFin>');
    expect(action).toContain('<Statut>EN_COURS</Statut><Responsable><Civilite>MADAME</Civilite><Nom>Dupont</Nom><Prenom>Marie</Prenom><Tel></Tel><eMail>marie@cpas.example</eMail></Responsable>');
    expect(action).toContain('<Mandataire><Civilite>MONSIEUR</Civilite><Nom>Martin</Nom><Prenom>Jean</Prenom>');
    expect(action).toContain('<Departement>Service social</Departement><TauxAvancement>40</TauxAvancement>');
    expect(action).toContain('<RemarqueStatut><Mode>TEXTE</Mode><Valeur>Dernier suivi (15/10/2026) : Marché public relancé\nDébut indiqué : 2026</Valeur></RemarqueStatut><ETP>0.5</ETP>');
    // The start is the year 2026 (xs:date has no year alone): its first day, and the year as written in the remark.
    expect(action).toContain('<Plans><Plan>PCS</Plan></Plans><Partenaires><Partenaire>Forem</Partenaire><Partenaire>Commune</Partenaire></Partenaires>');
    expect(action).toContain('<Projection><Service>E</Service><Type>D</Type><GroupeEco></GroupeEco><Libelle></Libelle><Exercices><Exercice Valeur="2026"><Montant>1234.5</Montant></Exercice></Exercices></Projection>');
    // unknown status: NON_COMMENCE, the state as written in the remark; the sub-action after its parent
    expect(/<Action ElementId="A-201"[^>]*>.*?<\/Action>/.exec(xml)![0]).toMatch(/<Statut>NON_COMMENCE<\/Statut>.*État indiqué : Indéterminé/);
    expect(xml.indexOf('ElementId="A-103"')).toBeGreaterThan(xml.indexOf('ElementId="A-102"'));
    // the transversal action under both of its OO
    expect((xml.match(/ElementId="A-102"/g) ?? []).length).toBe(2);
    expect(result.warnings.join('\n')).not.toContain('sans civilité');
  });

  it('writes the ETP of the exercise from the means lines, summed over the actions of an OO', () => {
    const input = reportInput();
    const etpLine = (year: number, etp: number) => ({ year, service: 'ordinaire' as const, direction: 'depense' as const, source: null, article: null, planned: null, actual: null, etp });
    input.actions[0].resources = { text: null, lines: [etpLine(2025, 3), etpLine(2026, 0.5), etpLine(2026, 0.25), etpLine(2027, 9)] };
    // No line of 2026 says an ETP: that of the closest year (2025 before 2027 on a tie).
    input.actions[1].resources = { text: null, lines: [etpLine(2025, 2), etpLine(2027, 4)] };
    const xml = ecomptesXml(input, { today: TODAY, ins: 56011, civilityOf: civilities }).xml;
    const etpOf = (id: string) => new RegExp(`<Action ElementId="${id}"[^>]*>[\\s\\S]*?<ETP>([^<]*)</ETP>`).exec(xml)![1];
    expect([etpOf('A-101'), etpOf('A-102')]).toEqual(['0.75', '2']);
    const oo = /<ObjectifOperationnel ElementId="OO-11"[^>]*>([\s\S]*?)<Actions>/.exec(xml)![1];
    expect(oo).toContain('<ETP>2.75</ETP>');
  });

  it('leaves out a person without civility and says so, cuts a long title, strips forbidden characters', async () => {
    const input = reportInput();
    input.actions[0].title = `Guichet\u0001 ${'très long '.repeat(40)}`;
    input.actions[1].description = 'Borne\u000b numérique \ud83d';
    const result = ecomptesXml(input, { today: TODAY, ins: 56011 });
    expect(result.xml).not.toContain('<Responsable>');
    expect(result.warnings[0]).toMatch(/^2 personne\(s\) sans civilité/);
    expect(/<Action ElementId="A-101"[^>]*><Libelle>([^<]*)<\/Libelle>/.exec(result.xml)![1]).toHaveLength(255);
    // eslint-disable-next-line no-control-regex
    expect(result.xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff]/);
    expect((await validateEcomptes(result.xml)).valid).toBe(true);
  });

  it('is refused by the validator when broken: a wrong status, a missing element, a control character', async () => {
    const { xml } = ecomptesXml(reportInput(), { today: TODAY, ins: 56011 });
    const wrongStatus = await validateEcomptes(xml.replace('<Statut>EN_COURS</Statut>', '<Statut>EN_RETARD</Statut>'));
    expect(wrongStatus.valid).toBe(false);
    expect(wrongStatus.errors.join('\n')).toMatch(/Statut.*EN_RETARD/);
    const missing = await validateEcomptes(xml.replace(/<TauxAvancement>[^<]*<\/TauxAvancement>/, ''));
    expect(missing.valid).toBe(false);
    expect(missing.errors.join('\n')).toMatch(/TauxAvancement/);
    const control = await validateEcomptes(xml.replace('Refaire le guichet', 'Refaire\u0001 le guichet'));
    expect(control.valid).toBe(false);
    const tooHigh = await validateEcomptes(xml.replace(/<TauxAvancement>[^<]*</, '<TauxAvancement>140<'));
    expect(tooHigh.valid).toBe(false);
  });

  it('reads Belgian name orders', () => {
    expect(splitName('Marie Dupont')).toEqual({ prenom: 'Marie', nom: 'Dupont' });
    expect(splitName('DUPONT Marie')).toEqual({ prenom: 'Marie', nom: 'DUPONT' });
    expect(splitName('Nadia El Amrani')).toEqual({ prenom: 'Nadia', nom: 'El Amrani' });
    expect(splitName('VAN DEN BERGH Jean-Luc')).toEqual({ prenom: 'Jean-Luc', nom: 'VAN DEN BERGH' });
  });
});

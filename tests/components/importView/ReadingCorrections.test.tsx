/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 *
 * « Importer un PST »: the coordinator sees how the document was read (its profile, in
 * French), corrects it ("lines starting with « Chantier » are actions", "this label is a
 * field"), the preview is read again at once, and the corrections are the rules file of
 * the CLI (the same JSON `npm run import -- FILE --rules` reads).
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { ImportPstView } from '../../../src/components/importView/ImportPstView';
import { linePattern, rulesJson } from '../../../src/components/importView/ReadingCorrections';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { applyRules, parseRules } from '../../../src/import/lines/rules';
import { linesOfText } from '../../../src/import/lines/sourceLines';
import { parseOutline } from '../../../src/import/outline/outlineParser';
import { FakeListsSite } from '../../import/support/fakeListsSite';

jest.setTimeout(60000);

const SITE = 'http://sharepoint.test/sites/pst';
const DOCUMENT = [
  'CPAS de Test',
  'Programme stratégique transversal 2025-2030',
  'Objectif stratégique 1 : Aider les ménages',
  'Objectif opérationnel 1.1 : Loger dignement',
  'Chantier 1 – Créer un logement de transit',
  'Chantier 2 – Ouvrir un abri de nuit',
  'Objectif opérationnel 1.2 : Nourrir',
  'Chantier 3 – Ouvrir une épicerie sociale',
  'Porteur politique : M. Dupont',
].join('\n');

const body = (): string => document.body.textContent ?? '';
const actionsFigure = (): string | null => {
  const dl = document.querySelectorAll('dl')[0];
  const terms = Array.from(dl.querySelectorAll('dt'));
  const term = terms.find((t) => t.textContent === 'Actions');
  return term && term.nextElementSibling ? term.nextElementSibling.textContent : null;
};

describe('correcting how a document is read, in the preview', () => {
  it('shows the profile in French, re-reads the preview on a correction, and can remove it', async () => {
    const site = new FakeListsSite(SITE);
    const repository = new SharePointPstRepository(createNodeSp(SITE).using(site.behavior()), '/sites/pst');
    render(<ImportPstView repository={repository} existingPlans={[]} lang="fr" today="2026-11-23" onImported={() => undefined} />);
    fireEvent.drop(screen.getByRole('button', { name: /Déposez le fichier ici/ }), { dataTransfer: { files: [new File([DOCUMENT], 'pst.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(body()).toMatch(/créera un nouveau plan/), { timeout: 20000 });

    const profile = screen.getByRole('list', { name: 'Comment le document a été lu' });
    expect(within(profile).getByText('niveaux nommés par un mot-clé : OS, OO')).toBeTruthy();
    expect(actionsFigure()).toBe('0');

    // "Lines starting with « Chantier » are read as actions" (the default choice), submitted from the keyboard.
    const lines = screen.getByRole('textbox', { name: 'Lignes qui commencent par' });
    fireEvent.change(lines, { target: { value: 'Chantier' } });
    expect(screen.getByRole('combobox', { name: 'sont lues comme actions / projets' })).toBeTruthy();
    fireEvent.submit(lines.closest('form') as HTMLFormElement);
    await waitFor(() => expect(actionsFigure()).toBe('3'));
    expect(body()).toContain('Corrections appliquées (1)');
    expect(body()).toContain('lignes « Chantier… » : actions / projets');
    expect(screen.getByRole('button', { name: 'Télécharger les règles (JSON pour --rules)' })).toBeTruthy();

    // A label read as a field.
    fireEvent.change(screen.getByRole('textbox', { name: 'Libellé (dans les fiches)' }), { target: { value: 'Porteur politique' } });
    fireEvent.click(screen.getByRole('combobox', { name: /^est le champ/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Mandataire' }));
    fireEvent.click(screen.getByText('Lire ce libellé comme un champ'));
    await waitFor(() => expect(body()).toContain('Corrections appliquées (2)'));
    expect(body()).toContain('libellé « Porteur politique » : champ Mandataire');

    // Removing the level correction reads the document as before.
    fireEvent.click(screen.getByRole('button', { name: 'Retirer la correction lignes « Chantier… » : actions / projets' }));
    await waitFor(() => expect(actionsFigure()).toBe('0'));
    expect(site.writes()).toHaveLength(0);
  });

  it('corrects a kind of line by clicking its profile line: a field label, then lines to ignore', async () => {
    const sheets = [
      'CPAS de Test',
      'Programme stratégique transversal 2025-2030',
      'Objectif stratégique 1 : Aider les ménages',
      'Objectif opérationnel 1.1 : Loger dignement',
      'Action 1.1.1 : Créer un logement de transit',
      "Projet : convention avec l'agence immobilière sociale",
      'Action 1.1.2 : Ouvrir un abri de nuit',
      'Projet : partenariat avec la Croix-Rouge',
      'Objectif opérationnel 1.2 : Nourrir',
      'Action 1.2.1 : Ouvrir une épicerie sociale',
    ].join('\n');
    const site = new FakeListsSite(SITE);
    const repository = new SharePointPstRepository(createNodeSp(SITE).using(site.behavior()), '/sites/pst');
    render(<ImportPstView repository={repository} existingPlans={[]} lang="fr" today="2026-11-23" onImported={() => undefined} />);
    fireEvent.drop(screen.getByRole('button', { name: /Déposez le fichier ici/ }), { dataTransfer: { files: [new File([sheets], 'pst.txt', { type: 'text/plain' })] } });
    await waitFor(() => expect(body()).toMatch(/créera un nouveau plan/), { timeout: 20000 });
    // "Projet : …" under each action is read as one more action.
    expect(actionsFigure()).toBe('5');

    const projectLine = screen.getByRole('button', { name: 'Corriger : lignes « Projet … » : actions / projets' });
    expect(projectLine.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(projectLine);
    expect(projectLine.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('combobox', { name: /^Les lignes « Projet … » sont/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'un libellé de champ' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Champ des lignes « Projet … »/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Partenaires' }));
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer et relire' }));
    await waitFor(() => expect(actionsFigure()).toBe('3'));
    expect(body()).toContain('libellé « Projet » : champ Partenaires');
    // The editor closed; the profile no longer reads "Projet" lines as actions.
    expect(screen.queryByRole('button', { name: 'Appliquer et relire' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Corriger : lignes « Projet … » : actions / projets' })).toBeNull();

    // The "Action …" lines to be ignored: the preview has no action left; the correction is one rule with the profile's expression.
    fireEvent.click(screen.getByRole('button', { name: 'Corriger : lignes « Action … » : actions / projets' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Les lignes « Action … » sont/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'à ignorer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer et relire' }));
    await waitFor(() => expect(actionsFigure()).toBe('0'));
    expect(body()).toContain('Corrections appliquées (2)');
    expect(body()).toContain('lignes « Action… » : à ignorer');

    // Cancel leaves everything as it is.
    fireEvent.click(screen.getByRole('button', { name: 'Corriger : lignes « Objectif opérationnel … » : objectifs opérationnels' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('button', { name: 'Appliquer et relire' })).toBeNull();
    expect(body()).toContain('Corrections appliquées (2)');
    expect(site.writes()).toHaveLength(0);
  });

  it('a correction made on a profile line is written with the expression of that line', () => {
    const pattern = '^Action(?![\\p{L}])\\s*(?<code>\\d+(?:\\.\\d+)*)?\\s*[:]?\\s*(?<titre>.*)$';
    expect(rulesJson({ levels: [{ start: 'Action', level: 'oo', pattern }], fields: [] }).niveaux).toEqual([{ lignes: pattern, niveau: 'oo' }]);
    const parsed = parseOutline(applyRules(linesOfText('Objectif stratégique 1 : Aider\nAction 1.1 : Loger\nAction 1.2 : Nourrir'), parseRules(rulesJson({ levels: [{ start: 'Action', level: 'oo', pattern }], fields: [] }))));
    expect(parsed.outline.strategicObjectives[0].operationalObjectives.map((oo) => [oo.code, oo.title])).toEqual([
      ['1.1', 'Loger'],
      ['1.2', 'Nourrir'],
    ]);
  });

  it('writes the corrections as the rules file the CLI reads, with the same result', () => {
    const json = rulesJson({ levels: [{ start: 'Chantier', level: 'action' }, { start: '1.1.1', level: 'ignorer' }], fields: [{ label: 'Porteur politique', field: 'mandatary' }] });
    expect(json).toEqual({
      niveaux: [
        { lignes: '^Chantier', niveau: 'action' },
        { lignes: '^\\d+\\.\\d+\\.\\d+(?!\\.?\\d)', niveau: 'ignorer' },
      ],
      champs: [{ libelle: 'Porteur politique', champ: 'mandatary' }],
      ignorer: [],
    });
    expect(new RegExp(linePattern('1.1.1')).test('1.2.3 Ouvrir')).toBe(true);
    expect(new RegExp(linePattern('1.1.1')).test('1.2.3.4 Ouvrir')).toBe(false);
    const parsed = parseOutline(applyRules(linesOfText(DOCUMENT), parseRules(JSON.parse(JSON.stringify(json)))));
    const nourrir = parsed.outline.strategicObjectives[0].operationalObjectives[1];
    expect(nourrir.actions[0].fields).toMatchObject({ mandatary: 'M. Dupont' });
  });
});

/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 *
 * The coordinator's « Importer un PST » view, with the real importer and the real
 * repository (PnPjs) on an in-memory site that answers like SharePoint: a dropped
 * document is previewed (report, tree, what would change) and written only on
 * confirmation; bad files are refused in French with nothing written; an import that
 * stops half-way is resumed from the view.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { ImportPstView } from '../../../src/components/importView/ImportPstView';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { FakeListsSite } from '../../import/support/fakeListsSite';

jest.setTimeout(60000);

const SITE = 'http://sharepoint.test/sites/pst';
const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');

function sample(prefix: string): { name: string; bytes: Buffer } {
  const name = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) as string;
  return { name, bytes: fs.readFileSync(path.join(SAMPLES, name)) };
}

function setup() {
  const site = new FakeListsSite(SITE);
  const repository = new SharePointPstRepository(createNodeSp(SITE).using(site.behavior()), '/sites/pst');
  const onImported = jest.fn();
  render(<ImportPstView repository={repository} existingPlans={[]} lang="fr" today="2026-11-23" onImported={onImported} />);
  return { site, onImported };
}

function drop(file: File): void {
  const zone = screen.getByRole('button', { name: /Déposez le fichier ici/ });
  fireEvent.drop(zone, { dataTransfer: { files: [file] } });
}

const body = (): string => document.body.textContent ?? '';
const confirmButton = (): HTMLButtonElement => screen.getByText('Importer dans le site').closest('button') as HTMLButtonElement;

describe('Importer un PST (browser view)', () => {
  it('previews the report, the tree and what would change, and writes only on confirmation', async () => {
    const { site, onImported } = setup();
    const { name, bytes } = sample('003');
    drop(new File([bytes], name, { type: 'text/plain' }));

    await waitFor(() => expect(body()).toMatch(/créera un nouveau plan/), { timeout: 20000 });
    // The report: figures of the structure found.
    const figures = Array.from(document.querySelectorAll('dl')[0].children).map((e) => e.textContent);
    expect(figures).toEqual(expect.arrayContaining(['Objectifs stratégiques', '6', 'Objectifs opérationnels', '29', 'Actions', '96', 'Sous-actions', '6']));
    // The tree preview, without links to copy (nothing is on the site yet).
    expect(screen.getByRole('tree')).toBeTruthy();
    expect(document.querySelectorAll('[role="treeitem"]').length).toBeGreaterThanOrEqual(6);
    expect(screen.queryByTitle('Copier le lien')).toBeNull();
    // The dry run read the site and wrote nothing.
    expect(site.writes()).toHaveLength(0);
    expect(onImported).not.toHaveBeenCalled();

    fireEvent.click(confirmButton());
    await waitFor(() => expect(body()).toMatch(/Import terminé : nouveau plan créé avec 6 objectif\(s\) stratégique\(s\), 29 objectif\(s\) opérationnel\(s\) et 102 action\(s\)/), { timeout: 20000 });
    expect(site.items('PstPlans')).toHaveLength(1);
    expect(site.items('PstStrategicObjectives')).toHaveLength(6);
    expect(site.items('PstActions')).toHaveLength(102);
    expect(onImported).toHaveBeenCalledTimes(1);

    // The same document again: nothing to import, the button stays disabled.
    fireEvent.click(screen.getByText('Choisir un autre fichier'));
    const writes = site.writes().length;
    drop(new File([bytes], name, { type: 'text/plain' }));
    await waitFor(() => expect(body()).toMatch(/rien à importer/), { timeout: 20000 });
    expect(confirmButton().disabled).toBe(true);
    expect(site.writes()).toHaveLength(writes);
  });

  it('refuses an image, a document that is not a PST and a too large PDF in French, writing nothing', async () => {
    const { site } = setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    drop(new File([png], 'scan-du-pst.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/« scan-du-pst\.png » ne peut pas être importé\. Rien n'a été écrit\..*est une image/));

    const minutes = 'Procès-verbal du conseil du 12 mars\n\nPrésents : le président, la directrice générale.\nLe conseil approuve le compte.\n';
    drop(new File([minutes], 'pv-conseil.txt', { type: 'text/plain' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/« pv-conseil\.txt » ne ressemble pas à un PST/));

    // Refused on its size: the 30 MB are never read.
    const big = new File([new Uint8Array(30 * 1024 * 1024)], 'pst-scanne.pdf', { type: 'application/pdf' });
    const read = jest.fn(async () => new ArrayBuffer(0));
    Object.defineProperty(big, 'arrayBuffer', { value: read });
    drop(big);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/la limite pour un fichier PDF est de 25,0 Mo/));
    expect(read).not.toHaveBeenCalled();
    expect(site.writes()).toHaveLength(0);
  });

  it('an import that stops half-way says so and is resumed from the view', async () => {
    const { site } = setup();
    const { name, bytes } = sample('003');
    site.failWhen = (request) => request.path.includes('PstActions') && request.body?.Title === 'Créer un pool senior au sein de la MR';
    drop(new File([bytes], name, { type: 'text/plain' }));
    await waitFor(() => expect(confirmButton().disabled).toBe(false), { timeout: 20000 });
    fireEvent.click(confirmButton());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/L'import s'est arrêté avant la fin/), { timeout: 20000 });
    const partial = site.items('PstActions').length;
    expect(partial).toBeLessThan(102);

    site.failWhen = null;
    await act(async () => {
      fireEvent.click(screen.getByText("Reprendre l'import"));
    });
    await waitFor(() => expect(body()).toMatch(/Import terminé/), { timeout: 20000 });
    expect(site.items('PstPlans')).toHaveLength(1);
    expect(site.items('PstActions')).toHaveLength(102);
  });
});

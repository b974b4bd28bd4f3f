/**
 * The services both hosts (the SPFx web part, the local page) build with the one
 * `createPstServices`: links that reopen the page or the Teams tab, and mails that carry them.
 */
import { spfi } from '@pnp/sp';
import { createPstServices, PstHost } from '../../../src/components/host/createPstServices';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { createAction } from '../../../src/domain/model';
import type { GraphRequestClient } from '../../../src/mail/mailService';

function recordingGraph(): { client: GraphRequestClient; bodies: string[] } {
  const bodies: string[] = [];
  const client: GraphRequestClient = {
    api: () => ({ header: () => ({ post: async (body: unknown) => void bodies.push(String(body)) }) }),
  };
  return { client, bodies };
}

function host(overrides: Partial<PstHost> = {}): PstHost {
  return {
    sp: spfi('https://cpas.example/sites/pst'),
    webServerRelativeUrl: '/sites/pst',
    graphClient: async () => recordingGraph().client,
    organisation: 'CPAS de Binche',
    lang: 'fr',
    pageUrl: 'https://cpas.example/sites/pst/SitePages/PST.aspx?pst-mes=1#ancien',
    ...overrides,
  };
}

describe('createPstServices', () => {
  test('on a page, a node link reopens the page (its query kept) on the node', () => {
    const { linkForNode, repository } = createPstServices(host());
    expect(linkForNode('oo-12')).toBe('https://cpas.example/sites/pst/SitePages/PST.aspx?pst-mes=1#pst=oo-12');
    expect(repository).toBeInstanceOf(SharePointPstRepository);
  });

  test('in a Teams tab, a node link is a deep link naming the node as sub-entity', () => {
    const { linkForNode } = createPstServices(host({ teamsEntity: { appId: 'app-1', entityId: 'pst tab' } }));
    const link = new URL(linkForNode('action-7'));
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/entity/app-1/pst%20tab');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'action-7' });
  });

  test('in a channel tab, the deep link also names the channel (else Teams opens the personal app)', () => {
    const { linkForNode } = createPstServices(host({ teamsEntity: { appId: 'app-1', entityId: 'pst', channelId: '19:abc@thread.tacv2' } }));
    const link = new URL(linkForNode('oo-3'));
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'oo-3', channelId: '19:abc@thread.tacv2' });
  });

  test("the assignment mail links to the action the way the host's links do", async () => {
    const graph = recordingGraph();
    const { mail } = createPstServices(host({ graphClient: async () => graph.client }));
    const action = { ...createAction({ id: 42, title: 'Créer un guichet unique', operationalObjectiveIds: [1] }) };
    await mail.sendAssignment(action, { displayName: 'Julie Lambert', email: 'julie@cpas.example' }, { displayName: 'Anne Dupont', email: 'anne@cpas.example' }, { objective: '1 Accueil → 1.1 Guichet', today: '2026-11-23' });
    expect(graph.bodies).toHaveLength(1);
    const mime = Buffer.from(graph.bodies[0], 'base64').toString('utf8');
    // Each part of the MIME message is base64 too: read them all.
    const parts = [...mime.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) => Buffer.from(m[1].replace(/\s/g, ''), 'base64').toString('utf8'));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.join('\n')).toContain('PST.aspx?pst-mes=1#pst=action-42');
    // The objective the panel showed fills the mail's « Objectif » line.
    expect(parts.join('\n')).toContain('Objectif : 1 Accueil → 1.1 Guichet');
  });
});

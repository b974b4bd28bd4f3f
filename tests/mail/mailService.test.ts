import { GraphMailService, GraphRequestClient } from '../../src/mail/mailService';
import { parseMimeMessage } from '../../src/mail/mime';
import { createAction } from '../../src/domain/model';

class RecordingGraph implements GraphRequestClient {
  calls: { path: string; headers: Record<string, string>; body: unknown }[] = [];
  api(path: string) {
    const headers: Record<string, string> = {};
    const request = {
      header: (name: string, value: string) => {
        headers[name] = value;
        return request;
      },
      post: async (body: unknown) => {
        this.calls.push({ path, headers, body });
        return undefined;
      },
    };
    return request;
  }
}

const context = { organisation: 'CPAS de Binche', linkToAction: (id: number) => `https://x/#pst=action-${id}` };
const facts = { objective: 'OS 1 › OO 1.1', today: '2026-11-23' };
const action = createAction({ id: 5, code: '1.1.1', title: 'Guichet unique' });
const lead = { displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' };
const anne = { displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' };

describe('GraphMailService (delegated, from the web parts)', () => {
  it('sends the update request as the signed-in user through /me/sendMail, as MIME with both parts', async () => {
    const graph = new RecordingGraph();
    await new GraphMailService(async () => graph, context).requestUpdate(action, lead, anne, 'Pour jeudi', facts);
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0].path).toBe('/me/sendMail');
    expect(graph.calls[0].headers).toEqual({ 'Content-Type': 'text/plain' });
    const mime = Buffer.from(String(graph.calls[0].body), 'base64').toString('utf8');
    const parsed = parseMimeMessage(mime);
    expect(parsed.headers.to).toBe('Marc Dubois <marc.dubois@cpas.example>');
    expect(parsed.headers.subject).toBe('PST : mise à jour demandée pour « Guichet unique »');
    expect(parsed.text).toContain('Message : Pour jeudi');
    expect(parsed.text).toContain('Objectif : OS 1 › OO 1.1');
    expect(parsed.html).toContain('#pst=action-5');
  });

  it('refuses a lead without an e-mail address with a French message', async () => {
    const graph = new RecordingGraph();
    await expect(new GraphMailService(async () => graph, context).sendAssignment(action, { displayName: 'PHILIPPART GAVIN' }, anne, facts)).rejects.toThrow(
      "PHILIPPART GAVIN n'a pas d'adresse e-mail : le message ne peut pas être envoyé.",
    );
    expect(graph.calls).toEqual([]);
  });
});

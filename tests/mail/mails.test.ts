import { assignmentMail, committeeDigestMail, leadDigestMail, updateRequestMail, MailContext } from '../../src/mail/mailTemplates';
import { buildMimeMessage, parseMimeMessage, encodeHeader } from '../../src/mail/mime';
import { committeeDigest, leadDigests } from '../../src/domain/reminders';
import { createAction, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

const day = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};
const sophie: Person = { id: 2, displayName: 'Sophie Lambert', email: 'sophie.lambert@cpas.example' };
const anne: Person = { id: 1, displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' };
const late = createAction({
  id: 12,
  code: '1.1.1.1.1',
  title: 'Marché public de téléphonie <VOIP> & mobiles',
  status: 'EN_COURS',
  progressPercent: 35,
  plannedEnd: day('01/10/2026'),
  lastCheckInDate: '2026-09-02',
  projectLead: sophie,
});
const context = (lang: 'fr' | 'en'): MailContext => ({
  lang,
  organisation: 'CPAS de Binche',
  linkToAction: (id) => `https://cpas.sharepoint.com/sites/pst/SitePages/PST.aspx#pst=action-${id}`,
  pathOf: () => 'OS 1.1 › OO 1.1.1',
});

describe('lead digest mail', () => {
  const { digests } = leadDigests([late], '2026-11-23', new Set());
  const mail = leadDigestMail(digests[0], context('fr'));

  it('has a French subject counting the actions, once each', () => {
    expect(mail.subject).toBe('PST : 1 action demande votre attention');
  });

  it('lists code, title, OS/OO, Belgian due date, days late, last check-in and the link, in HTML and text', () => {
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Bonjour Sophie Lambert,');
      expect(body).toContain('OS 1.1 › OO 1.1.1');
      expect(body).toContain('En retard de 53 jours');
      expect(body).toContain('Sans suivi depuis 82 jours');
      expect(body).toContain('01/10/2026');
      expect(body).toContain('02/09/2026');
      expect(body).toContain('#pst=action-12');
    }
    expect(mail.text).toContain('1.1.1.1.1 – Marché public de téléphonie <VOIP> & mobiles');
    expect(mail.html).toContain('1.1.1.1.1 – Marché public de téléphonie &lt;VOIP&gt; &amp; mobiles');
    expect(mail.html).not.toContain('<VOIP>');
  });

  it('uses only inline styles and tables (Outlook ignores style sheets)', () => {
    expect(mail.html).not.toMatch(/<style|class=/);
    expect(mail.html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
  });

  it('speaks English to an English-speaking lead', () => {
    const en = leadDigestMail(digests[0], context('en'));
    expect(en.subject).toBe('PST: 1 action needs your attention');
    expect(en.text).toContain('53 days late');
    expect(en.text).toContain('Hello Sophie Lambert,');
  });
});

describe('assignment and update request mails', () => {
  it('tells the lead who assigned them, with the action sheet and a link', () => {
    const mail = assignmentMail(late, sophie, anne, context('fr'));
    expect(mail.subject).toBe('PST : vous êtes chef de projet de « Marché public de téléphonie <VOIP> & mobiles »');
    expect(mail.text).toContain("Anne Dupont vous a désigné(e) chef de projet");
    expect(mail.text).toContain('Avancement : 35\u00a0%');
    expect(mail.text).toContain('Échéance : 01/10/2026');
    expect(mail.html).toContain('Ouvrir l&#39;action</a>');
  });

  it('carries the coordinator message when there is one', () => {
    const mail = updateRequestMail(late, sophie, anne, 'Pour le CODIR de jeudi, merci !', context('fr'));
    expect(mail.subject).toBe('PST : mise à jour demandée pour « Marché public de téléphonie <VOIP> & mobiles »');
    expect(mail.text).toContain('Message : Pour le CODIR de jeudi, merci !');
    expect(updateRequestMail(late, sophie, anne, '  ', context('fr')).text).not.toContain('Message :');
  });
});

describe('committee digest mail', () => {
  it('has sections only for what there is, with leads and days late', () => {
    const digest = committeeDigest([late], '2026-11-23', new Set())!;
    const mail = committeeDigestMail(digest, 'Comité de pilotage', context('fr'));
    expect(mail.subject).toBe('PST : synthèse de la semaine du 23/11/2026');
    expect(mail.text).toContain('Actions en retard (1)');
    expect(mail.text).toContain('1.1.1.1.1 – Marché public de téléphonie <VOIP> & mobiles – Sophie Lambert – 01/10/2026 – 53 j');
    expect(mail.text).not.toContain('Actions bloquées');
  });
});

describe('MIME message', () => {
  it('carries both parts and accented headers, and reads back', () => {
    const mail = assignmentMail(late, sophie, anne, context('fr'));
    const mime = buildMimeMessage({ from: { name: 'PST – CPAS', email: 'pst@cpas.example' }, to: [{ name: 'Sophie Lambert', email: sophie.email! }], mail, boundary: 'b1' });
    expect(mime).toContain('Content-Type: multipart/alternative; boundary="b1"');
    expect(mime).toContain(`Subject: ${encodeHeader(mail.subject)}`);
    const parsed = parseMimeMessage(mime);
    expect(parsed.headers.subject).toBe(mail.subject);
    expect(parsed.headers.from).toBe('PST – CPAS <pst@cpas.example>');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
  });
});

describe('assignment mail for several actions (the leads grid)', () => {
  const second = createAction({ id: 13, code: '2.1.1', title: 'Guichet unique', plannedEnd: day('31/12/2027'), projectLead: sophie });
  const mail = assignmentMail([late, second], sophie, anne, context('fr'));

  it('is one mail listing every action, with its objective, due date and link', () => {
    expect(mail.subject).toBe('PST : vous êtes chef de projet de 2 actions');
    for (const body of [mail.text, parseMimeMessage(buildMimeMessage({ to: [{ name: 'Sophie Lambert', email: sophie.email! }], mail, boundary: 'b2' })).html]) {
      expect(body).toContain('Bonjour Sophie Lambert,');
      expect(body).toContain('Anne Dupont vous a désigné(e) chef de projet des 2 actions suivantes du PST.');
      expect(body).toContain('#pst=action-12');
      expect(body).toContain('#pst=action-13');
      expect(body).toContain('31/12/2027');
    }
    expect(mail.text).toContain('- 2.1.1 – Guichet unique (OS 1.1 › OO 1.1.1) ; échéance : 31/12/2027 ;');
    expect(mail.html).toContain('1.1.1.1.1 – Marché public de téléphonie &lt;VOIP&gt; &amp; mobiles');
    expect(mail.html).not.toMatch(/<style|class=/);
  });

  it('is the one-action mail when the list holds one action, English on request', () => {
    expect(assignmentMail([late], sophie, anne, context('fr'))).toEqual(assignmentMail(late, sophie, anne, context('fr')));
    expect(assignmentMail([late, second], sophie, anne, context('en')).subject).toBe('PST: you lead 2 actions');
    expect(() => assignmentMail([], sophie, anne, context('fr'))).toThrow();
  });
});

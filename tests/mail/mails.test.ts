import { assignmentMail, committeeDigestMail, leadDigestMail, updateRequestMail, MailContext } from '../../src/mail/mailTemplates';
import { buildMimeMessage, parseMimeMessage, encodeHeader } from '../../src/mail/mime';
import { blockedReason, committeeDigest, leadDigests } from '../../src/domain/reminders';
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

describe('lead digest mail that asks clearly (issue 15, point 7)', () => {
  const soon = createAction({ id: 13, code: '2.1', title: 'Crèche', status: 'EN_COURS', plannedEnd: day('30/11/2026'), lastCheckInDate: '2026-11-20', projectLead: sophie });
  const { digests } = leadDigests([late, soon], '2026-11-23', new Set());
  const mail = leadDigestMail(digests[0], context('fr'));

  it('says once what is asked, and for each action what is asked of it', () => {
    for (const body of [mail.html.replace(/&#39;/g, "'"), mail.text]) {
      expect(body).toContain('notez un suivi (statut, avancement, commentaire)');
      expect(body).toContain("Demandé : dites où en est l'action et la nouvelle échéance envisagée");
      expect(body).toContain("Demandé : confirmez que l'échéance sera tenue");
    }
  });

  it('has one « Noter un suivi » button per action, to that action, even with two reminders for one action', () => {
    const buttons = Array.from(mail.html.matchAll(/<a href="([^"]+)"[^>]*>Noter un suivi<\/a>/g)).map((m) => m[1]);
    expect(buttons).toEqual(['https://cpas.sharepoint.com/sites/pst/SitePages/PST.aspx#pst=action-12', 'https://cpas.sharepoint.com/sites/pst/SitePages/PST.aspx#pst=action-13']);
    expect(mail.text.match(/Noter un suivi : https:\S+#pst=action-\d+/g)).toHaveLength(2);
    expect(mail.subject).toBe('PST : 2 actions demandent votre attention');
  });

  it('stacks the actions in one column (no table of five columns to scroll on a phone; see mailsAtPhoneWidth)', () => {
    expect(mail.html).not.toContain('<th');
    expect(mail.html.match(/<td/g)).toHaveLength(1 + 2);
    expect(mail.html).toContain('max-width:600px');
  });
});

describe('assignment and update request mails', () => {
  it('fills the objective and flags an action already late', () => {
    const mail = assignmentMail(late, sophie, anne, { ...context('fr'), today: '2026-11-23' });
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('OS 1.1 › OO 1.1.1');
      expect(body).toContain('cette action est déjà en retard de 53 jours (échéance du 01/10/2026)');
    }
    const onTime = assignmentMail(late, sophie, anne, { ...context('fr'), today: '2026-09-01' });
    expect(onTime.text).not.toContain('déjà en retard');
    expect(assignmentMail(late, sophie, anne, { ...context('en'), today: '2026-11-23' }).text).toContain('already 53 days late (due 01/10/2026)');
  });

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

describe('committee digest mail: the reason of each blocked action', () => {
  const blocked = createAction({ id: 20, code: '3.2', title: 'Logiciel social', status: 'PROBLEME', health: 'blocage', plannedEnd: day('2027'), lastCheckInDate: '2026-11-10', projectLead: sophie });
  const silent = createAction({ id: 21, code: '3.3', title: 'Archives', status: 'EN_COURS', health: 'blocage', plannedEnd: day('2027'), lastCheckInDate: '2026-11-12', projectLead: null });
  const checkIns = [
    { id: 1, actionId: 20, date: '2026-10-01', author: sophie, status: 'EN_COURS' as const, percent: 20, health: 'bon' as const, comment: 'Démarrage' },
    { id: 2, actionId: 20, date: '2026-11-10', author: sophie, status: 'PROBLEME' as const, percent: 20, health: 'blocage' as const, comment: ' Fournisseur en faillite, marché à relancer ' },
    { id: 3, actionId: 20, date: '2026-11-12', author: sophie, status: 'PROBLEME' as const, percent: 20, health: 'blocage' as const, comment: '' },
  ];

  it('takes the newest check-in that has a comment', () => {
    expect(blockedReason(checkIns)).toEqual({ comment: 'Fournisseur en faillite, marché à relancer', date: '2026-11-10' });
    expect(blockedReason([checkIns[2]])).toBeNull();
    expect(blockedReason([])).toBeNull();
  });

  it('gives it next to the lead, and says when no check-in explains it', () => {
    const digest = committeeDigest([blocked, silent], '2026-11-23', new Set())!;
    const reasons = new Map([[20, blockedReason(checkIns)!]]);
    const mail = committeeDigestMail(digest, 'Comité de pilotage', context('fr'), reasons);
    expect(mail.text).toContain('- 3.2 – Logiciel social – Sophie Lambert – raison (dernier suivi) : Fournisseur en faillite, marché à relancer (suivi du 10/11/2026)');
    expect(mail.text).toContain('- 3.3 – Archives – non désigné – raison (dernier suivi) : aucun commentaire dans les suivis');
    expect(mail.html).toContain('<th style="padding:6px 10px;border-bottom:1px solid #e1e1e1;vertical-align:top;text-align:left;background:#f3f2f1;font-weight:bold;">Raison (dernier suivi)</th>');
    expect(mail.html).toContain('Fournisseur en faillite, marché à relancer (suivi du 10/11/2026)');
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

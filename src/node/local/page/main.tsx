/**
 * The local intranet page: the solution's web parts side by side, on the embedded store,
 * through the same React components and the same PnPjs data access as in SharePoint.
 * Only the authentication differs: the chosen local user travels in a cookie.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DefaultButton, Dropdown, IDropdownOption, Stack, Text, ThemeProvider, initializeIcons } from '@fluentui/react';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { ThrottledSend } from '../../../data/throttledSend';
import { PstApp, PstView } from '../../../components/shell/PstApp';
import { HOST_THEMES, HostTheme, THEMES } from '../../../components/ui/themes';
import { createPstServices } from '../../../components/host/createPstServices';
import type { GraphRequestClient } from '../../../mail/mailService';
import { nodeIdFromHash } from '../../../domain/links/nodeLinks';
import { isoDateOfLocalDay } from '../../../domain/model';
import { escapeHtml } from '../../../text/htmlEntities';
import type { LocalUser } from '../samplePst';

// Icon fonts from the local server, not Microsoft's CDN: the page works offline.
initializeIcons('/local/fonts/');

const SITE_PATH = '/sites/pst';
const USER_COOKIE = 'pst-user';

const THEME_LABELS: Record<HostTheme, string> = {
  sharepoint: 'SharePoint',
  teamsDefault: 'Teams – clair',
  teamsDark: 'Teams – sombre',
  teamsContrast: 'Teams – contraste élevé',
};

const WEB_PARTS: { view: PstView; title: string }[] = [
  { view: 'tree', title: 'Arbre des objectifs' },
  { view: 'cards', title: 'Fiches projets' },
  { view: 'dashboard', title: 'Tableau de bord du PST' },
];

/** `?webparts=tree,dashboard` shows those web parts only (as on the SPFx workbench page); all three otherwise. */
function chosenWebParts(): typeof WEB_PARTS {
  const asked = new URLSearchParams(window.location.search).get('webparts');
  const chosen = asked ? WEB_PARTS.filter((webPart) => asked.split(',').includes(webPart.view)) : [];
  return chosen.length ? chosen : WEB_PARTS;
}

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.substring(name.length + 1)) : undefined;
}

interface OutboxMail {
  id: number;
  sender: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  sentAt: string;
}

/** What the local Graph "sent": the reminder job's digests and the web parts' mails. */
function Outbox(): JSX.Element {
  const [mails, setMails] = React.useState<OutboxMail[]>([]);
  const [open, setOpen] = React.useState<number | null>(null);
  const refresh = React.useCallback(() => {
    fetch('/local/outbox')
      .then((r) => r.json())
      .then(setMails)
      .catch(() => setMails([]));
  }, []);
  React.useEffect(refresh, [refresh]);
  return (
    <section aria-label="Boîte d'envoi (mails locaux)" style={{ border: '1px solid rgba(128,128,128,0.4)', borderRadius: 4, padding: 16 }}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
        <Text variant="large" as="h2" styles={{ root: { margin: 0 } }}>
          {`Boîte d’envoi (${mails.length})`}
        </Text>
        <DefaultButton text="Actualiser" onClick={refresh} />
        <Text variant="small">Les mails envoyés par `npm run reminders` et par les web parts arrivent ici.</Text>
      </Stack>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {mails.map((mail) => (
          <li key={mail.id} style={{ borderTop: '1px solid rgba(128,128,128,0.3)', padding: '6px 0' }}>
            <button type="button" onClick={() => setOpen(open === mail.id ? null : mail.id)} aria-expanded={open === mail.id} style={{ all: 'unset', cursor: 'pointer', fontWeight: 600 }}>
              {mail.subject}
            </button>
            <Text variant="small" block>
              {`À ${mail.to.join(', ')} · de ${mail.sender} · ${new Date(mail.sentAt).toLocaleString('fr-BE')}`}
            </Text>
            {open === mail.id && <iframe title={mail.subject} sandbox="" srcDoc={mail.html || `<pre>${escapeHtml(mail.text)}</pre>`} style={{ width: '100%', height: 420, border: 'none', background: '#fff' }} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The local Graph, same origin, the user in the cookie: what MSGraphClientV3 is in SharePoint. */
const localGraph: GraphRequestClient = {
  api: (path) => {
    const headers: Record<string, string> = {};
    const request = {
      header: (name: string, value: string) => {
        headers[name] = value;
        return request;
      },
      post: async (body: unknown) => {
        const response = await fetch(`/graph/v1.0${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
        if (!response.ok) throw new Error(((await response.json()) as { error?: { message?: string } }).error?.message ?? response.statusText);
      },
    };
    return request;
  },
};

function LocalIntranet({ users }: { users: LocalUser[] }): JSX.Element {
  const [userEmail, setUserEmail] = React.useState(readCookie(USER_COOKIE) ?? users[0].email);
  const [theme, setTheme] = React.useState<HostTheme>((localStorage.getItem('pst-theme') as HostTheme) || 'sharepoint');
  // The same services as the web part's, built once per user: the cookie says who calls.
  const services = React.useMemo(() => {
    document.cookie = `${USER_COOKIE}=${encodeURIComponent(userEmail)}; path=/; SameSite=Lax`;
    return createPstServices({
      sp: spfi(`${window.location.origin}${SITE_PATH}`).using(DefaultHeaders(), DefaultInit(), ThrottledSend((url, init) => fetch(url, init)), DefaultParse()),
      webServerRelativeUrl: SITE_PATH,
      graphClient: async () => localGraph,
      organisation: 'CPAS (exemple local)',
      lang: 'fr',
      pageUrl: `${window.location.origin}/`,
    });
  }, [userEmail]);
  const today = isoDateOfLocalDay(new Date());
  const palette = THEMES[theme].palette;

  return (
    <ThemeProvider theme={THEMES[theme]} style={{ minHeight: '100vh', background: palette.white, color: palette.neutralPrimary }}>
      <Stack tokens={{ childrenGap: 16 }} styles={{ root: { padding: 16 } }}>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }} as="header">
          <Text variant="xLarge" as="h1" styles={{ root: { margin: 0, flexGrow: 1 } }}>
            Intranet local – PST
          </Text>
          <Dropdown
            label="Utilisateur"
            selectedKey={userEmail}
            options={users.map((u): IDropdownOption => ({ key: u.email, text: `${u.displayName} – ${u.description}` }))}
            onChange={(_, option) => option && setUserEmail(String(option.key))}
            styles={{ root: { minWidth: 320 } }}
          />
          <Dropdown
            label="Thème"
            selectedKey={theme}
            options={HOST_THEMES.map((t) => ({ key: t, text: THEME_LABELS[t] }))}
            onChange={(_, option) => {
              if (!option) return;
              localStorage.setItem('pst-theme', String(option.key));
              setTheme(option.key as HostTheme);
            }}
            styles={{ root: { minWidth: 200 } }}
          />
        </Stack>
        <Stack horizontal wrap tokens={{ childrenGap: 16 }} as="main">
          {chosenWebParts().map((webPart) => (
            <section
              key={`${webPart.view}-${userEmail}`}
              aria-label={webPart.title}
              style={{ flex: '1 1 420px', minWidth: 320, border: `1px solid ${palette.neutralLight}`, borderRadius: 4, padding: 16 }}
            >
              <Text variant="large" as="h2" styles={{ root: { marginTop: 0 } }}>
                {webPart.title}
              </Text>
              <PstApp
                view={webPart.view}
                repository={services.repository}
                mail={services.mail}
                lang="fr"
                today={today}
                host="local"
                // a deep link (#pst=action-12) opens in one web part: the tree
                initialNodeId={webPart.view === 'tree' ? nodeIdFromHash(window.location.hash) : undefined}
                linkForNode={services.linkForNode}
              />
            </section>
          ))}
        </Stack>
        <Outbox />
      </Stack>
    </ThemeProvider>
  );
}

async function main(): Promise<void> {
  const users: LocalUser[] = await (await fetch('/local/users')).json();
  ReactDom.render(<LocalIntranet users={users} />, document.getElementById('root'));
}

main().catch((error: unknown) => {
  document.body.textContent = `La page locale n'a pas pu démarrer : ${String(error)}`;
});

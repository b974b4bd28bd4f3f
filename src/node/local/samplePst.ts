/**
 * The sample PST of the local mode: the structure of the Binche PST (its OS, OO and
 * action sheets), given life relative to `today` so that the page always shows a plan
 * in progress: dates around today, check-ins, some actions late, done or blocked.
 *
 * The project leads are fictional local accounts assigned by department: the sample
 * must not attribute invented delays to the real people named in the document.
 * Everything is deterministic for a given `today` (no Math.random).
 */
import { Action, CheckIn, IsoDate, Person, addDays, daysBetween } from '../../domain/model';
import { planFromOutline, OutlineDocument } from '../../import/toPlan';
import { normalizeText } from '../../domain/vocabularies';
import { parsePeriod, isParseError } from '../../domain/parsing';
import type { PlanImport } from '../../data/PstRepository';
import type { ActionStatus, Health } from '../../domain/vocabularies';

export type LocalRole = 'coordinator' | 'lead' | 'committee' | 'reader';

export interface LocalUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: LocalRole;
  /** What the user switcher says about them. */
  readonly description: string;
  /** As Entra ID reports it; mails are written in it (one lead reads English). */
  readonly preferredLanguage: string;
}

export const SAMPLE_DOMAIN = 'cpas.example';

/**
 * The mailbox the reminder job sends from, and its app-only identity on the local site
 * (on a tenant: an Entra app with write access to the PST site only).
 */
export const LOCAL_REMINDER_MAILBOX = `pst@${SAMPLE_DOMAIN}`;

const user = (login: string, displayName: string, role: LocalRole, description: string, preferredLanguage = 'fr-BE'): LocalUser => ({
  email: `${login}@${SAMPLE_DOMAIN}`,
  displayName,
  role,
  description,
  preferredLanguage,
});

export const SAMPLE_USERS: readonly LocalUser[] = [
  user('anne.dupont', 'Anne Dupont', 'coordinator', 'Directrice générale, référente PST'),
  user('sophie.lambert', 'Sophie Lambert', 'lead', 'Cheffe de projet – Ressources humaines'),
  user('marc.dubois', 'Marc Dubois', 'lead', 'Chef de projet – Insertion (lit ses mails en anglais)', 'en-US'),
  user('nadia.elamrani', 'Nadia El Amrani', 'lead', 'Cheffe de projet – Service social'),
  user('julien.leclercq', 'Julien Leclercq', 'lead', 'Chef de projet – Juridique et informatique'),
  user('claire.renard', 'Claire Renard', 'lead', 'Cheffe de projet – Crèche'),
  user('thomas.hubert', 'Thomas Hubert', 'lead', 'Chef de projet – Maison de repos'),
  user('isabelle.martin', 'Isabelle Martin', 'lead', 'Cheffe de projet – Secrétariat et finances'),
  user('pierre.lemaire', 'Pierre Lemaire', 'committee', 'Directeur financier, comité de pilotage'),
  user('lucie.moreau', 'Lucie Moreau', 'reader', 'Agente administrative (lecture)'),
];

/** Department keywords → lead, first match wins. */
const LEAD_BY_DEPARTMENT: readonly [RegExp, string][] = [
  [/ressources humaines|sipp/, 'sophie.lambert'],
  [/insertion/, 'marc.dubois'],
  [/service social|safa/, 'nadia.elamrani'],
  [/juridique|informatique/, 'julien.leclercq'],
  [/creche/, 'claire.renard'],
  [/rjm|soignant|cuisine|maison de repos/, 'thomas.hubert'],
  [/secretariat|financ|recette/, 'isabelle.martin'],
];

export interface SampleCheckIn extends Omit<CheckIn, 'id' | 'author'> {
  /** Who records it (the action's lead). */
  readonly authorEmail: string;
}

export interface SamplePst {
  readonly data: PlanImport;
  readonly users: readonly LocalUser[];
  /** Placeholder action ids, as in `data.actions`; oldest first. */
  readonly checkIns: readonly SampleCheckIn[];
}

/** A stable pseudo-random number in [0, 1) for a key (FNV-1a). */
export function stableFraction(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x100000000;
}

function personOf(login: string): Person {
  const found = SAMPLE_USERS.find((u) => u.email.startsWith(`${login}@`))!;
  return { displayName: found.displayName, email: found.email };
}

function leadFor(action: Action, index: number): Person {
  const department = normalizeText(action.department ?? '');
  const match = LEAD_BY_DEPARTMENT.find(([pattern]) => pattern.test(department));
  const leads = SAMPLE_USERS.filter((u) => u.role === 'lead');
  return match ? personOf(match[1]) : { displayName: leads[index % leads.length].displayName, email: leads[index % leads.length].email };
}

function dayPeriod(date: IsoDate) {
  const period = parsePeriod(date);
  if (period === null || isParseError(period)) throw new Error(`sample date ${date}`);
  return period;
}

type Scenario = 'done' | 'late' | 'blocked' | 'dueSoon' | 'stale' | 'onTrack' | 'notStarted' | 'cancelled';

/** How each action is doing, by its position: a realistic mix that every view can show. */
function scenarioFor(index: number): Scenario {
  const cycle: Scenario[] = ['onTrack', 'done', 'late', 'onTrack', 'dueSoon', 'blocked', 'onTrack', 'stale', 'done', 'notStarted', 'onTrack', 'late'];
  return index === 17 ? 'cancelled' : cycle[index % cycle.length];
}

export function buildSamplePst(outline: OutlineDocument, today: IsoDate): SamplePst {
  const plan = planFromOutline(outline);
  const legislatureStart = Number(today.substring(0, 4)) - 1;
  const checkIns: SampleCheckIn[] = [];

  const actions = plan.actions.map((action, index) => {
    const r = stableFraction(action.code ?? action.title);
    const scenario = scenarioFor(index);
    const lead = leadFor(action, index);
    const start = addDays(`${legislatureStart}-01-01`, Math.floor(r * 300));
    const endOffset: Record<Scenario, number> = {
      done: -30 - Math.floor(r * 200),
      late: -5 - Math.floor(r * 90),
      blocked: 60 + Math.floor(r * 200),
      dueSoon: 3 + Math.floor(r * 25),
      stale: 90 + Math.floor(r * 300),
      onTrack: 60 + Math.floor(r * 700),
      notStarted: 400 + Math.floor(r * 600),
      cancelled: 100,
    };
    const end = addDays(today, endOffset[scenario]);
    const status: ActionStatus = {
      done: 'TERMINE',
      late: 'EN_COURS',
      blocked: 'PROBLEME',
      dueSoon: 'EN_COURS',
      stale: 'EN_COURS',
      onTrack: 'EN_COURS',
      notStarted: 'NON_COMMENCE',
      cancelled: 'ANNULE_ABANDONNE',
    }[scenario] as ActionStatus;
    const health: Health | null = scenario === 'blocked' ? 'blocage' : scenario === 'late' ? 'risque' : scenario === 'notStarted' ? null : 'bon';
    const finalPercent = scenario === 'done' ? 100 : scenario === 'notStarted' ? 0 : 10 + Math.floor(r * 70);

    // Check-ins every 30 to 60 days from the start; "stale" actions fell silent 2–4 months ago.
    const lastDay = scenario === 'stale' ? addDays(today, -60 - Math.floor(r * 60)) : scenario === 'done' ? addDays(end, -1) : addDays(today, -Math.floor(r * 20) - 1);
    const history: SampleCheckIn[] = [];
    if (scenario !== 'notStarted') {
      for (let day = addDays(start, 30), step = 0; daysBetween(day, lastDay) >= 0; day = addDays(day, 30 + Math.floor(stableFraction(`${action.id}-${step}`) * 30)), step++) {
        history.push({ actionId: action.id, date: day, status: 'EN_COURS', percent: 0, health: 'bon', comment: null, authorEmail: lead.email! });
      }
      if (history.length === 0 || history[history.length - 1].date !== lastDay) {
        history.push({ actionId: action.id, date: lastDay, status: 'EN_COURS', percent: 0, health: 'bon', comment: null, authorEmail: lead.email! });
      }
      history.forEach((checkIn, i) => {
        const last = i === history.length - 1;
        checkIns.push({
          ...checkIn,
          percent: Math.round((finalPercent * (i + 1)) / history.length),
          status: last ? status : 'EN_COURS',
          health: last ? health : 'bon',
          comment: last ? LAST_COMMENT[scenario] : i === 0 ? 'Lancement du projet.' : null,
        });
      });
    }

    return {
      ...action,
      projectLead: lead,
      plannedStart: dayPeriod(start),
      plannedEnd: dayPeriod(end),
      plannedStartText: null,
      plannedEndText: null,
      status,
      health,
      progressPercent: finalPercent,
      lastCheckInDate: history.length > 0 ? history[history.length - 1].date : null,
    };
  });

  return {
    data: {
      ...plan,
      plan: { ...plan.plan, title: `PST ${legislatureStart}-${legislatureStart + 5} (exemple)`, startYear: legislatureStart, endYear: legislatureStart + 5 },
      actions,
    },
    users: SAMPLE_USERS,
    checkIns,
  };
}

const LAST_COMMENT: Record<Scenario, string | null> = {
  done: 'Action terminée, livrables remis au comité de direction.',
  late: 'Retard pris : marché public relancé.',
  blocked: "Bloqué : en attente de l'avis de la tutelle.",
  dueSoon: 'Dernière ligne droite avant l’échéance.',
  stale: null,
  onTrack: 'Avance selon le planning.',
  notStarted: null,
  cancelled: 'Action abandonnée par décision du Conseil.',
};

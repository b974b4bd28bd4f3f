/**
 * Reads one plan of a site for the documents of `npm run report` and `npm run export`:
 * the structure (the repository's snapshot), every field of the actions (the snapshot
 * leaves the long texts out) and the check-ins, both read page by page so that lists past
 * SharePoint's 5,000-item threshold are read whole. The site of `npm start` by default.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { SPFI } from '@pnp/sp';
import type { Action, CheckIn, Indicator, IsoDate, OperationalObjective, Plan, Section, StrategicObjective } from '../../domain/model';
import { currentPlan, itemsOfPlan } from '../../domain/plans';
import { MAX_PAGE_SIZE } from '../../domain/limits';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import { listUrl } from '../../data/sharePointPaths';
import { actionsList, checkInsList, ListDef } from '../../schema/listSchema';
import { queryFor } from '../../schema/query';
import { withMeansLines } from '../../domain/meansFigures';
import { actionFromItem, checkInFromItem, ListItem } from '../../schema/mapping';
import { createNodeSp, TokenProvider, webServerRelativeUrlOf } from '../sp/nodeSp';
import { isLocalUrl, sharePointTokenProvider } from '../sp/credentials';
import { SAMPLE_USERS } from '../local/samplePst';
import * as path from 'path';
import { localToken, readLocalKey } from '../local/localSession';

/** The options every command that reads a plan takes (`parseArgs` form). */
export const PLAN_SOURCE_OPTIONS = {
  site: { type: 'string' },
  date: { type: 'string' },
  plan: { type: 'string' },
  'device-code': { type: 'boolean', default: false },
  as: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** The site of `npm start` (the embedded store), used when no --site is given. */
export const LOCAL_SITE = process.env.PST_SITE_URL || `http://localhost:${process.env.PORT || '4321'}/sites/pst`;

export interface LoadedPlan {
  readonly plan: Plan;
  readonly sections: Section[];
  readonly strategicObjectives: StrategicObjective[];
  readonly operationalObjectives: OperationalObjective[];
  readonly actions: Action[];
  readonly indicators: Indicator[];
  readonly checkIns: CheckIn[];
}

export interface LoadOptions {
  readonly site: string;
  readonly today: IsoDate;
  /** The plan's id when the site keeps several; else the running legislature's. */
  readonly planId?: number;
  readonly deviceCode?: boolean;
  /** Local account used on the local site (default: the PST coordinator). */
  readonly as?: string;
}

async function readAll(sp: SPFI, web: string, list: ListDef): Promise<ListItem[]> {
  const { select, expand } = queryFor(list, 'all');
  let items = sp.web.getList(listUrl(web, list)).items.select(...select);
  if (expand.length > 0) items = items.expand(...expand);
  const all: ListItem[] = [];
  for await (const page of items.top(MAX_PAGE_SIZE)) all.push(...(page as ListItem[]));
  return all;
}

export function spForSite(site: string, options: { deviceCode?: boolean; as?: string } = {}): SPFI {
  const token: TokenProvider | undefined = isLocalUrl(site)
    ? async () =>
        localToken(
          options.as || (SAMPLE_USERS.find((u) => u.role === 'coordinator') || SAMPLE_USERS[0]).email,
          // The sign-in key of the running `npm start` (data/local-session.key, or PST_LOCAL_KEY).
          readLocalKey(path.resolve(__dirname, '../../..', 'data', 'pst.sqlite')),
        )
    : sharePointTokenProvider(site, { deviceCode: options.deviceCode });
  return createNodeSp(site, token);
}

export async function loadPlan(options: LoadOptions): Promise<LoadedPlan> {
  const sp = spForSite(options.site, options);
  const web = webServerRelativeUrlOf(options.site);
  const repository = new SharePointPstRepository(sp, web);
  const snapshot = await repository.loadSnapshot();
  const [actionItems, checkInItems, means] = await Promise.all([readAll(sp, web, actionsList), readAll(sp, web, checkInsList), repository.loadMeans()]);
  // Budget and ETP are the means lines: every export and report reads them from there.
  const everything = { ...snapshot, actions: withMeansLines(actionItems.map(actionFromItem), means) };
  const plan = options.planId !== undefined ? everything.plans.find((p) => p.id === options.planId) : currentPlan(everything.plans, options.today);
  if (!plan) {
    const known = everything.plans.map((p) => `${p.id} (${p.title})`).join(', ');
    throw new Error(options.planId !== undefined ? `Le plan n° ${options.planId} n'existe pas sur ${options.site} (plans : ${known || 'aucun'}).` : `Aucun plan sur ${options.site}.`);
  }
  const items = itemsOfPlan(everything, plan.id);
  const actionIds = new Set(items.actions.map((a) => a.id));
  return {
    plan,
    sections: items.sections,
    strategicObjectives: items.strategicObjectives,
    operationalObjectives: items.operationalObjectives,
    actions: items.actions,
    indicators: items.indicators.filter((i) => actionIds.has(i.actionId)),
    checkIns: checkInItems.map(checkInFromItem).filter((c) => actionIds.has(c.actionId)),
  };
}

/** What to tell the user when the site does not answer. */
export function connectionHelp(site: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: string } }).cause;
  if (isLocalUrl(site) && (/fetch failed|ECONNREFUSED/.test(message) || (cause && cause.code === 'ECONNREFUSED'))) {
    return `Le site local ${site} ne répond pas : lancez d'abord « npm start » dans un autre terminal, ou indiquez --site.`;
  }
  return `Lecture de ${site} impossible : ${message}`;
}

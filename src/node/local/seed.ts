/**
 * Loads the sample PST into an empty site through the product's own PnPjs code:
 * provisioning, permissions, plan import as the coordinator, then each lead records
 * their check-in history themselves (so the store's permission checks apply).
 */
import outline from './sample/binche-2019-2024.outline.json';
import type { OutlineDocument } from '../../import/toPlan';
import type { IsoDate } from '../../domain/model';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import { provisionPst } from '../../data/provisioning';
import { addUserToPstGroup, grantActionToLead, PstGroupKey } from '../../data/permissions';
import { createNodeSp, webServerRelativeUrlOf } from '../sp/nodeSp';
import { buildSamplePst, LocalRole, LocalUser } from './samplePst';
import { localToken } from './localSession';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';


/** PnPjs as a local account; `key`: the local sign-in key of `npm start` (localSession.ts). */
export function spAs(siteUrl: string, email: string, key?: string): SPFI {
  return createNodeSp(siteUrl, async () => localToken(email, key));
}

const GROUP_OF_ROLE: Record<LocalRole, PstGroupKey | null> = {
  coordinator: 'coordination',
  lead: 'leads',
  committee: 'committee',
  reader: null,
};

export interface SeedReport {
  readonly actions: number;
  readonly checkIns: number;
}

export async function seedSamplePst(siteUrl: string, today: IsoDate, key?: string): Promise<SeedReport> {
  const sample = buildSamplePst(outline as OutlineDocument, today);
  const webPath = webServerRelativeUrlOf(siteUrl);
  const coordinator = sample.users.find((u) => u.role === 'coordinator') as LocalUser;
  const sp = spAs(siteUrl, coordinator.email, key);

  await provisionPst(sp, webPath);

  const userIds = new Map<string, number>();
  for (const user of sample.users) {
    const ensured: { Id: number } = await sp.web.ensureUser(user.email);
    userIds.set(user.email, ensured.Id);
    const group = GROUP_OF_ROLE[user.role];
    if (group) await addUserToPstGroup(sp, group, user.email);
    // Staff read the intranet as the site's visitors, as on a real CPAS intranet.
    else await sp.web.associatedVisitorGroup.users.add(user.email);
  }

  const actions = sample.data.actions.map((action) => ({
    ...action,
    projectLead: action.projectLead ? { ...action.projectLead, id: userIds.get(action.projectLead.email ?? '') } : null,
  }));
  const repository = new SharePointPstRepository(sp, webPath);
  const imported = await repository.importPlan({ ...sample.data, actions });

  for (const action of actions) {
    const leadId = action.projectLead?.id;
    const savedId = imported.ids.actions.get(action.id);
    if (leadId && savedId) await grantActionToLead(sp, webPath, savedId, leadId);
  }

  // Each lead records their own history, oldest first, as they would have over the months.
  const repositories = new Map<string, SharePointPstRepository>();
  for (const checkIn of sample.checkIns) {
    const actionId = imported.ids.actions.get(checkIn.actionId)!;
    let leadRepository = repositories.get(checkIn.authorEmail);
    if (!leadRepository) {
      leadRepository = new SharePointPstRepository(spAs(siteUrl, checkIn.authorEmail, key), webPath);
      repositories.set(checkIn.authorEmail, leadRepository);
    }
    const { etag } = await leadRepository.loadActionDetails(actionId);
    const { date, status, percent, health, comment } = checkIn;
    await leadRepository.addCheckIn({ actionId, date, status, percent, health, comment }, etag);
  }
  return { actions: actions.length, checkIns: sample.checkIns.length };
}

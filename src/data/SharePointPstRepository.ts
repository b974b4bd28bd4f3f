/**
 * The PST repository on SharePoint lists, through PnPjs v4. The web parts use it with
 * the SPFx behaviour, the jobs and the local page with a bearer token or none: the
 * same code whatever the host.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { ListDef, plansList, sectionsList, strategicObjectivesList, operationalObjectivesList, actionsList, indicatorsList } from '../schema/listSchema';
import { queryFor } from '../schema/query';
import {
  actionFromItem,
  indicatorFromItem,
  operationalObjectiveFromItem,
  planFromItem,
  sectionFromItem,
  strategicObjectiveFromItem,
  ListItem,
} from '../schema/mapping';
import { PstRepository, PstSnapshot } from './PstRepository';
import { ensurePstLists, inspectPstLists, ProvisioningReport, ProvisioningState } from './provisioning';
import { listUrl } from './sharePointPaths';

/** Above this, a list must be read through an indexed filter and paged (list view threshold). */
const THRESHOLD_PAGE = 5000;

export class SharePointPstRepository implements PstRepository {
  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
  ) {}

  inspectLists(): Promise<ProvisioningState> {
    return inspectPstLists(this.sp, this.webServerRelativeUrl);
  }

  canManageLists(): Promise<boolean> {
    return this.sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  }

  provisionLists(): Promise<ProvisioningReport> {
    return ensurePstLists(this.sp, this.webServerRelativeUrl);
  }

  async loadSnapshot(): Promise<PstSnapshot> {
    const [batchedSp, execute] = this.sp.batched();
    const read = (list: ListDef): Promise<ListItem[]> => {
      const { select, expand } = queryFor(list);
      let items = batchedSp.web.getList(listUrl(this.webServerRelativeUrl, list)).items.select(...select);
      if (expand.length > 0) items = items.expand(...expand);
      return items.top(THRESHOLD_PAGE)();
    };
    const pending = Promise.all([
      read(plansList),
      read(sectionsList),
      read(strategicObjectivesList),
      read(operationalObjectivesList),
      read(actionsList),
      read(indicatorsList),
    ]);
    // Errors surface through `pending` (each request's own error, e.g. a missing list).
    pending.catch(() => undefined);
    await execute();
    const [plans, sections, strategic, operational, actions, indicators] = await pending;
    return {
      plans: plans.map(planFromItem),
      sections: sections.map(sectionFromItem),
      strategicObjectives: strategic.map(strategicObjectiveFromItem),
      operationalObjectives: operational.map(operationalObjectiveFromItem),
      actions: actions.map(actionFromItem),
      indicators: indicators.map(indicatorFromItem),
    };
  }
}

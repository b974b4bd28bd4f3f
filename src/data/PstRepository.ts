/**
 * What the web parts and jobs need from storage. Implemented once, with PnPjs, for
 * SharePoint (`SharePointPstRepository`); the local mode runs the same implementation
 * against the embedded store.
 */
import type {
  Action,
  Indicator,
  OperationalObjective,
  Plan,
  Section,
  StrategicObjective,
} from '../domain/model';
import type { ProvisioningReport, ProvisioningState } from './provisioning';

/** The structure and the action sheets of the PST: what every view starts from. */
export interface PstSnapshot {
  readonly plans: Plan[];
  readonly sections: Section[];
  readonly strategicObjectives: StrategicObjective[];
  readonly operationalObjectives: OperationalObjective[];
  readonly actions: Action[];
  readonly indicators: Indicator[];
}

export interface PstRepository {
  /** Which PST lists or columns are missing on the site; reads only. */
  inspectLists(): Promise<ProvisioningState>;
  /** Whether the signed-in user may create lists here (site owner). */
  canManageLists(): Promise<boolean>;
  /** Creates or upgrades the lists (idempotent). */
  provisionLists(): Promise<ProvisioningReport>;
  /** Everything the tree, cards and dashboard show, in one batched round trip. */
  loadSnapshot(): Promise<PstSnapshot>;
}

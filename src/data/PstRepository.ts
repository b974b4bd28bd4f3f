/**
 * What the web parts and jobs need from storage. Implemented once, with PnPjs, for
 * SharePoint (`SharePointPstRepository`); the local mode runs the same implementation
 * against the embedded store.
 */
import type { Action, CheckIn, Indicator, Person, PlanData } from '../domain/model';
import type { PlanSync } from '../domain/planSync';
import type { PstSnapshot } from '../domain/snapshot';
import type { ActionDetails } from './actionDetails';
import type { ProvisioningReport, ProvisioningState } from './provisioning';

export type ActionChanges = Partial<Omit<Action, 'id'>>;

export type NewCheckIn = Omit<CheckIn, 'id' | 'author'>;

/** A whole plan to write: the ids inside are placeholders that link the items together. */
export interface PlanImport extends PlanData {
  readonly indicators?: Indicator[];
}

export interface PlanImportResult {
  /** Placeholder id → SharePoint id, per kind of item. */
  readonly ids: {
    readonly sections: Map<number, number>;
    readonly strategicObjectives: Map<number, number>;
    readonly operationalObjectives: Map<number, number>;
    readonly actions: Map<number, number>;
  };
  readonly planId: number;
}

/** What an import writes, per kind of item. */
export type ImportedKind = 'plan' | 'sections' | 'strategicObjectives' | 'operationalObjectives' | 'actions';

export interface WriteCount {
  added: number;
  updated: number;
}

export interface SiteImportResult {
  /** 'new': the plan was created with importPlan; 'sync': an existing plan was updated. */
  readonly mode: 'new' | 'sync';
  readonly planId: number | null;
  /** The diff, in 'sync' mode. */
  readonly sync: PlanSync | null;
  /** What was written, per kind. */
  readonly written: { readonly [K in ImportedKind]: WriteCount };
  /** What was planned but not written (after a failure). */
  readonly notWritten: number;
  /** French messages of the failures. */
  readonly failures: string[];
  readonly complete: boolean;
}

export interface SiteImportOptions {
  /** The stored plan to update; by default the one the document corresponds to. */
  readonly planId?: number;
  /** Compute what would change without writing anything. */
  readonly dryRun?: boolean;
}

export interface LeadAssignment {
  readonly etag: string;
  /** The lead with their id on the site. */
  readonly lead: Person;
  readonly permissionError: string | null;
}

export interface PstRepository {
  /** Which PST lists or columns are missing on the site; reads only. */
  inspectLists(): Promise<ProvisioningState>;
  /** Whether the signed-in user may create lists here (site owner). */
  canManageLists(): Promise<boolean>;
  /** Whether the signed-in user may edit every action (coordination), not only those they lead. */
  canEditAllActions(): Promise<boolean>;
  /** Creates or upgrades the lists (idempotent). */
  provisionLists(): Promise<ProvisioningReport>;
  /** The signed-in user. */
  currentUser(): Promise<Person>;
  /**
   * Everything the tree, cards and dashboard show (only that: the panel reads the rest), and
   * who is looking: the first pages in one batched round trip, then the next pages of a list
   * past 5,000 items.
   */
  loadSnapshot(): Promise<PstSnapshot>;
  /** One action with its indicators, check-ins and the user's right to edit it. */
  loadActionDetails(actionId: number): Promise<ActionDetails>;
  /** Saves the changed fields if the action is still at `etag`; else throws ConflictError. Returns the new ETag. */
  updateAction(actionId: number, changes: ActionChanges, etag: string): Promise<string>;
  /**
   * Records a check-in: the action takes its status, percent, health and date (if it is
   * still at `actionEtag`, else ConflictError and nothing is written), then the check-in
   * joins the history.
   */
  addCheckIn(checkIn: NewCheckIn, actionEtag: string): Promise<{ checkIn: CheckIn; actionEtag: string }>;
  /** People whose name or address starts with what was typed (SharePoint's people picker search). */
  searchPeople(text: string): Promise<Person[]>;
  /**
   * Makes `lead` the project lead of the action if it is still at `etag` (else
   * ConflictError, nothing written): the account is resolved on the site, the lead saved,
   * given Contribute on this action and the previous lead's taken back. When the
   * permissions could not be changed, the lead is saved and `permissionError` says why.
   */
  assignLead(actionId: number, lead: Person, etag: string): Promise<LeadAssignment>;
  /** Writes a new plan, parents before children, in batched requests. */
  importPlan(data: PlanImport): Promise<PlanImportResult>;
  /**
   * Imports a document's plan: a new plan, or the update of the plan it is a version of
   * (matched by code or title path; nothing deleted). With `dryRun`, reads only and says
   * what would change.
   */
  importDocumentPlan(data: PlanData, options?: SiteImportOptions): Promise<SiteImportResult>;
}

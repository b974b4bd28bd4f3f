/**
 * What the coordination's structure commands are, on the repository port
 * (`PstRepository.structure`); implemented by structureWriter.ts. Types only, so that the
 * port and the components name them without loading the writer.
 */
import type { IsoDate, Plan } from '../domain/model';
import type { ChangeLogEntry } from '../domain/changeLog';
import type { CodeChange, SiblingPlace, StructureFields, StructureItem, StructureKind, StructureRef } from '../domain/structure';
import type { PlanState } from '../domain/vocabularies';

/** A new section, OS, OO, action or sub-action. `parentId` as in StructureItem. */
export interface NewStructureItem {
  readonly kind: StructureKind;
  readonly title: string;
  readonly code: string | null;
  readonly parentId: number | null;
  /** A top-level action: its OO. */
  readonly operationalObjectiveId?: number;
}

export type StructureCommand =
  | { readonly type: 'add'; readonly item: NewStructureItem }
  | { readonly type: 'edit'; readonly seen: StructureItem; readonly changes: Pick<Partial<StructureFields>, 'title' | 'code'> }
  | { readonly type: 'move'; readonly seen: StructureItem; readonly target: StructureRef | null; readonly fromObjectiveId?: number }
  | { readonly type: 'reorder'; readonly seen: StructureItem; readonly direction: 'up' | 'down'; readonly underObjectiveId?: number }
  /** Next to a sibling (a drop among siblings in the tree); a top-level action among those of `underObjectiveId`. */
  | { readonly type: 'reorder'; readonly seen: StructureItem; readonly place: SiblingPlace; readonly underObjectiveId?: number }
  | { readonly type: 'archive' | 'restore'; readonly seen: StructureItem }
  | { readonly type: 'link' | 'unlink'; readonly seen: StructureItem; readonly objectiveId: number }
  | { readonly type: 'renumber'; readonly root: StructureItem; readonly changes: readonly CodeChange[] };

export interface StructureCommandResult {
  /** The items written, as stored now. */
  readonly written: StructureItem[];
  /** The change-log sentence. */
  readonly summary: string;
}

/** Structure editing and the plan's life, on the port (PstRepository.structure). */
export interface StructureEditing {
  /** Applies one command to the plan (see above): ETag-checked, logged; throws StructureConflictError, InvalidRequestError (French message). */
  apply(planId: number, command: StructureCommand): Promise<StructureCommandResult>;
  /** The plan's change log, newest first (the latest `top` entries). */
  loadChangeLog(planId: number, top?: number): Promise<ChangeLogEntry[]>;
  /** Sets a plan's state (the one put in force closes the one before); `seen` is the plan as shown. */
  setPlanState(seen: Plan, state: PlanState, adoptedOn: IsoDate | null): Promise<Plan[]>;
  /** Closes the legislature: a new plan (a projet) from a copy of the structure of `fromPlanId`; its id. */
  startNextPlan(fromPlanId: number, plan: Pick<Plan, 'title' | 'organisation' | 'startYear' | 'endYear'>): Promise<number>;
}

/** One action as its panel shows it; on its own so that the errors (ConflictError) can carry it without a cycle. */
import type { Action, CheckIn, Indicator, Person } from '../domain/model';
import type { IndicatorValue } from '../domain/indicators';

/** One action as its panel shows it, with the version its edits must match. */
export interface ActionDetails {
  readonly action: Action;
  /** SharePoint's ETag of the action item: an edit based on another version is refused. */
  readonly etag: string;
  readonly indicators: Indicator[];
  /** Newest first. */
  readonly checkIns: CheckIn[];
  /** Whether the signed-in user may edit this action (lead of it, or coordinator). */
  readonly canEdit: boolean;
  /** Who saved this version, and when (ISO date-time): shown when an edit collides. */
  readonly modifiedBy: Person | null;
  readonly modified: string | null;
  /**
   * The version of the action's means lines (`action.resources.lines`): a save of the lines
   * based on another version is refused (ConflictError). Absent where the lines were not read.
   */
  readonly meansVersion?: string;
  /** The values of the indicators entered over the years (the history), oldest first. */
  readonly indicatorValues?: IndicatorValue[];
  /** The version of the action's indicators: a save of them based on another is refused (ConflictError). */
  readonly indicatorsVersion?: string;
}

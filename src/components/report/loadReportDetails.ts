import type { PstRepository } from '../../data/PstRepository';
import type { MeansLine } from '../../domain/means';
import type { CheckIn, Indicator } from '../../domain/model';

/** At most this many panel reads at once: a report of 300 actions must not flood the site. */
const PARALLEL = 6;

export interface ReportDetails {
  readonly checkIns: CheckIn[];
  readonly indicators: Indicator[];
  /** Each action's means lines (the budget and ETP every export reads), by action id. */
  readonly means: Map<number, MeansLine[]>;
}

/**
 * The check-ins, indicators and means lines of the given actions, for a report written in
 * the browser: the page's snapshot carries none of them. Each action is read by the panel's own read (indexed
 * on the action), a few at a time; an action that cannot be read is reported without them.
 */
export async function loadReportDetails(repository: Pick<PstRepository, 'loadActionDetails'>, actionIds: readonly number[]): Promise<ReportDetails> {
  const checkIns: CheckIn[] = [];
  const indicators: Indicator[] = [];
  const means = new Map<number, MeansLine[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < actionIds.length) {
      const id = actionIds[next++];
      try {
        const details = await repository.loadActionDetails(id);
        checkIns.push(...details.checkIns);
        indicators.push(...details.indicators);
        means.set(id, details.action.resources.lines ?? []);
      } catch {
        // Written without its last comment and indicators rather than no report at all.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, actionIds.length) }, worker));
  return { checkIns, indicators, means };
}

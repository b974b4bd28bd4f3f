import type { PstRepository } from '../../data/PstRepository';
import type { CheckIn, Indicator } from '../../domain/model';

/** At most this many panel reads at once: a report of 300 actions must not flood the site. */
const PARALLEL = 6;

export interface ReportDetails {
  readonly checkIns: CheckIn[];
  readonly indicators: Indicator[];
}

/**
 * The check-ins and indicators of the given actions, for a report written in the browser:
 * the page's snapshot carries neither. Each action is read by the panel's own read (indexed
 * on the action), a few at a time; an action that cannot be read is reported without them.
 */
export async function loadReportDetails(repository: Pick<PstRepository, 'loadActionDetails'>, actionIds: readonly number[]): Promise<ReportDetails> {
  const checkIns: CheckIn[] = [];
  const indicators: Indicator[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < actionIds.length) {
      const id = actionIds[next++];
      try {
        const details = await repository.loadActionDetails(id);
        checkIns.push(...details.checkIns);
        indicators.push(...details.indicators);
      } catch {
        // Written without its last comment and indicators rather than no report at all.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, actionIds.length) }, worker));
  return { checkIns, indicators };
}

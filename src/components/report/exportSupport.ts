/**
 * What the « Exporter / publier » menu and its dialogs (loaded on demand) share.
 */
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import { ForbiddenError, PstError } from '../../data/errors';
import type { IsoDate } from '../../domain/model';
import type { PlanTreeInput } from '../../domain/tree';
import type { Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';

/**
 * « Exporter / publier », the coordinator's documents of the plan shown (all of it, not the
 * page's filters: the council, the Region and the public receive the whole plan): the plan
 * workbook, the public page, the eComptes XML, and the evaluation (EvaluationPanel: snapshots
 * stored on the site, compared and assessed). The generators and the panel come with import() on use.
 */
export interface ExportMenuProps {
  readonly data: PlanTreeInput;
  readonly today: IsoDate;
  readonly lang: Lang;
  readonly repository: Pick<PstRepository, 'loadActionDetails' | 'loadMeans' | 'evaluationArchive'>;
}

/** The generators of the documents, loaded on use. */
export const loadExports = () => import(/* webpackChunkName: 'pst-export' */ './generateExports');

/** A refusal of the site said as such (storing a snapshot is the coordination's right); else what failed. */
export function messageOf(e: unknown): string {
  const failure = PstError.from(e);
  return failure instanceof ForbiddenError ? strings.ExportForbidden : formatMessage(strings.ExportFailed, failure.message);
}

/**
 * A lead corrects their own latest check-in (issue 13, point 6). Two writes, made so that a
 * retry completes them and never does anything twice, like a new check-in (checkInWriter.ts):
 * (1) the check-in item takes the corrected values, its earlier version appended to its
 *     corrections (the history is kept) and the correction's key, if still at its ETag;
 * (2) the progress item takes the correction's effect and key, if still at the ETag the lead saw.
 * A retry finds the check-in by the correction's key and does only (2) if needed.
 * SharePoint's item-level write security lets only the author write the check-in; that it is
 * the latest of its action is this module's rule (an older one does not drive the action).
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { mayCorrect, refusedCheckIn } from '../domain/checkIns';
import type { CheckIn, CheckInRevision, Person } from '../domain/model';
import { checkInsList } from '../schema/listSchema';
import { checkInFromItem, checkInRevisionsToItem, checkInToItem, ListItem } from '../schema/mapping';
import { lookupIdProperty, queryFor } from '../schema/query';
import type { ActionDetails } from './actionDetails';
import { composeEtag, splitEtag } from './actionSpaces';
import { applyToProgress, findCheckInByKey, newCheckInKey } from './checkInWriter';
import { ConflictError, ForbiddenError, httpStatusOf, InvalidRequestError } from './errors';
import type { CheckInCorrection } from './PstRepository';
import { listUrl } from './sharePointPaths';

export interface CorrectionContext {
  readonly me: Person;
  /** The action as stored now, with its check-ins newest first. */
  readonly current: ActionDetails;
  /** The action's progress item, when it has one. */
  readonly progress: { id: number; etag: string; key: string | null } | undefined;
  readonly reload: () => Promise<ActionDetails>;
}

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : '*';
}

export async function correctLatestCheckIn(
  sp: SPFI,
  webServerRelativeUrl: string,
  correction: CheckInCorrection,
  actionEtag: string,
  context: CorrectionContext,
): Promise<{ checkIn: CheckIn; actionEtag: string }> {
  const refused = refusedCheckIn(correction);
  if (refused.length > 0) throw new InvalidRequestError(refused.map((g) => g.message).join(' '));
  const { me, current, progress } = context;
  if (!progress) throw new InvalidRequestError("Cette action n'a pas d'espace de suivi : son suivi ne peut pas être corrigé.");
  const key = correction.key ?? newCheckInKey();
  const list = sp.web.getList(listUrl(webServerRelativeUrl, checkInsList));
  const { select, expand } = queryFor(checkInsList);
  const stored: ListItem = await list.items.getById(correction.checkInId).select(...select, 'FileDirRef').expand(...expand)();
  const before = checkInFromItem(stored);
  const { date, status, percent, health, comment } = correction;
  const corrected: CheckIn = { id: before.id, actionId: before.actionId, author: before.author, date, status, percent, health, comment };
  // A retry of a correction that went through, its answer lost: the same answer.
  const already = await findCheckInByKey(sp, webServerRelativeUrl, key);
  if (already && already.Id === correction.checkInId && progress.key === key) {
    return { checkIn: checkInFromItem(stored), actionEtag: current.etag };
  }
  if (!already) {
    if (before.actionId !== correction.actionId) throw new InvalidRequestError("Ce suivi ne concerne pas cette action.");
    if (!before.author || before.author.id !== me.id) throw new ForbiddenError('Seul son auteur peut corriger un suivi.');
    if (!mayCorrect(current.checkIns.length > 0 ? current.checkIns : [before], before, me)) {
      throw new InvalidRequestError('Seul le dernier suivi de l’action peut être corrigé : enregistrez plutôt un nouveau suivi.');
    }
    const sentProgress = splitEtag(actionEtag).progress;
    if (sentProgress !== null && sentProgress !== '*' && sentProgress !== progress.etag) throw new ConflictError(current);
    const revision: CheckInRevision = {
      correctedOn: new Date().toISOString(),
      date: before.date,
      status: before.status,
      percent: before.percent,
      health: before.health,
      comment: before.comment,
    };
    // The action lookup stays as written: the folder says which action a check-in is about.
    const values = checkInToItem(correction);
    delete values[lookupIdProperty(checkInsList.fields.action)];
    try {
      await list.items
        .getById(correction.checkInId)
        .update({ ...values, ...checkInRevisionsToItem([...(before.corrections ?? []), revision]), [checkInsList.fields.key.internalName]: key }, etagOf(stored));
    } catch (error) {
      if (httpStatusOf(error) === 412) throw new ConflictError(await context.reload());
      throw error;
    }
    corrected.corrections = [...(before.corrections ?? []), revision];
  }
  let progressEtag: string;
  try {
    progressEtag = await applyToProgress(sp, webServerRelativeUrl, progress.id, correction, key, progress.etag);
  } catch (error) {
    if (httpStatusOf(error) === 412) throw new ConflictError(await context.reload());
    throw error;
  }
  return { checkIn: already ? before : corrected, actionEtag: composeEtag(splitEtag(current.etag).action, progressEtag) };
}

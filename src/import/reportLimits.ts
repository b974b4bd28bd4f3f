/**
 * A report stays readable and bounded whatever the document: at most a few entries of
 * each kind are listed (the first ones, in document order), the others are counted
 * ("… et 4 512 autres"). The full lists stay in the analysis (and in `--json`).
 */
import { formatNumber } from '../domain/parsing';
import type { OutlineWarningCode } from './toPlan/planFromOutline';

export const MAX_LISTED_PER_KIND = 20;

export interface CappedList<T> {
  /** The entries to print, in their original order. */
  readonly listed: T[];
  /** Per kind, how many were left out (kinds in order of first appearance). */
  readonly omitted: { readonly kind: string; readonly count: number }[];
}

export function capPerKind<T>(items: readonly T[], kindOf: (item: T) => string, max: number = MAX_LISTED_PER_KIND): CappedList<T> {
  const seen = new Map<string, number>();
  const listed: T[] = [];
  for (const item of items) {
    const kind = kindOf(item);
    const count = (seen.get(kind) || 0) + 1;
    seen.set(kind, count);
    if (count <= max) listed.push(item);
  }
  const omitted: { kind: string; count: number }[] = [];
  seen.forEach((count, kind) => {
    if (count > max) omitted.push({ kind, count: count - max });
  });
  return { listed, omitted };
}

/** "  … et 4 512 autres « code en double » (les 20 premières sont listées)." */
export function omittedLine(count: number, title: string, max: number = MAX_LISTED_PER_KIND): string {
  return `  … et ${formatNumber(count)} ${count > 1 ? 'autres' : 'autre'} « ${title} » (seules les ${formatNumber(max)} premières sont listées ; toutes figurent dans l’export JSON).`;
}

/** Names of the conversion warnings, for the summary lines. */
export const WARNING_TITLES: { readonly [K in OutlineWarningCode]: string } = {
  missingTitle: 'intitulé manquant',
  titleTooLong: 'intitulé trop long',
  unreadablePeriod: 'période illisible',
  unreadableDate: 'date illisible',
  unreadableProgress: 'avancement illisible',
  progressMismatch: 'avancement incohérent',
  unrecognisedStatus: 'statut non reconnu',
  codeAnomaly: 'code à vérifier',
  duplicateCode: 'code en double',
  mergedTransversalAction: 'action transversale fusionnée',
  duplicateTitleNotMerged: 'intitulé en double non fusionné',
  projectGroupWithoutActions: 'groupe de projets sans fiche',
};

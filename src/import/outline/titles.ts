/** Titles are often cut over lines: the last title read stays open for its continuation. */
import { looksLikeLabelStart } from '../lines/fieldLabels';
import type { Line } from '../lines/sourceLines';
import { isUpperCaseText, joinWrapped, squeeze, startsLowerCase } from '../../text/normalize';
import type { ListContext } from './lists';

export interface TitleTarget {
  readonly owner: { title: string | null };
  readonly kind: 'os' | 'oo' | 'action' | 'subAction' | 'section' | 'group';
  lastLine: Line;
  count: number;
  blankSince: boolean;
  /** The title was announced alone ("Objectif stratégique :"); its text follows. */
  awaitingText: boolean;
  /** Section entries are rebuilt when a section title continues. */
  readonly onChange?: (title: string) => void;
}

export function titleTarget(owner: { title: string | null }, kind: TitleTarget['kind'], line: Line, awaitingText: boolean): TitleTarget {
  return { owner, kind, lastLine: line, count: 1, blankSince: false, awaitingText };
}

/** Whether the line continues the last title (titles are often cut over lines). */
export function continueTitle(target: TitleTarget | null, list: ListContext | null, line: Line, force = false): boolean {
  if (!target || line.headingLevel) return false;
  if (line.bullet && !target.awaitingText) return false;
  const previous = target.owner.title || '';
  let continues = false;
  if (target.awaitingText || force) continues = true;
  else if (target.count >= 8 || previous.length > 600) continues = false;
  else if (/\p{L}-$/u.test(previous)) continues = true;
  else if (startsLowerCase(line.text)) continues = !/[.!?]$/.test(previous) || !target.blankSince;
  else if (/^[(«"“]/.test(line.text) && !target.blankSince) continues = true;
  else if (!target.blankSince) {
    const indentedMore = line.indent > target.lastLine.indent + 1 && target.kind !== 'group';
    continues = !indentedMore && !/[.!?;:]$/.test(previous) && !looksLikeLabelStart(line.text);
  }
  if (!continues) return false;
  const joined = target.awaitingText && previous === '' ? squeeze(line.text) : joinWrapped([previous, line.text]);
  target.owner.title = joined;
  if (target.onChange) target.onChange(joined);
  target.lastLine = line;
  target.count++;
  target.blankSince = false;
  target.awaitingText = false;
  if (list && list.lastItem === target.owner) list.blankSince = false;
  return true;
}

const CAPITAL_CONNECTOR = /(?:^|[\s'’])(?:de|du|des|la|le|les|l|d|et|ou|en|à|au|aux|pour|par|avec|sur|dans|un|une|qui|que|son|sa|ses|leur|leurs|vers)$/i;

/**
 * A title in capitals cut after a connector ("… AVEC LES" / "PARTENAIRES DE L'EMPLOI")
 * goes on even when its second line starts like a label: a label would be followed by a
 * colon or by its value in other case, not by the rest of a capitalised sentence.
 */
export function continuesCapitalTitle(target: TitleTarget | null, line: Line): boolean {
  if (!target || target.blankSince || line.bullet || line.headingLevel) return false;
  const previous = target.owner.title || '';
  if (previous === '' || !isUpperCaseText(previous) || !isUpperCaseText(line.text)) return false;
  if (/[:：]/.test(line.text.slice(0, 40))) return false;
  return /\p{L}-$/u.test(previous) || CAPITAL_CONNECTOR.test(previous.trim());
}

/**
 * What a filled-in template row may get wrong, said before anything is written: an end
 * before the start, a status or a priority the lists do not know, a progress typed
 * without "%" that can be read two ways ("1,5": 1,5 % or 15 % ?, "0,4": 0,4 % or 40 % ?).
 * Each finding is an anomaly at its row; the value is still imported as read.
 */
import { formatNumber, isParseError, parsePeriod, parseProgress } from '../../domain/parsing';
import { interpretPriorityText, interpretStatusText } from '../../domain/vocabularies';
import type { OutlineActionFields } from '../toPlan';

export type RowFinding = (message: string) => void;

const PRIORITY_CHOICES = 'Niveau 1, Niveau 2, Niveau 3, Prioritaire, Obligatoire, Postposé';
const STATUS_CHOICES = 'Non commencé, En cours, En attente, Problème, Terminé, Annulé';

/** "31/12/2024" for a day, "12/2024" for a month, "2024" for a year. */
function belgianDate(iso: string, precision: string | undefined): string {
  const [year, month, day] = iso.split('-');
  if (precision === 'year') return year;
  if (precision === 'month') return `${month}/${year}`;
  return `${day}/${month}/${year}`;
}

export function checkActionFields(rowNumber: number, fields: OutlineActionFields, progressTyped: string | null, finding: RowFinding): void {
  const start = parsePeriod(fields.start || null);
  const end = parsePeriod(fields.end || null);
  if (start && end && !isParseError(start) && !isParseError(end) && end.end < start.start) {
    finding(
      `Ligne ${rowNumber} : la fin (« ${end.text} », ${belgianDate(end.end, end.precision)}) précède le début (« ${start.text} », ${belgianDate(start.start, start.precision)}) : vérifiez les deux dates.`,
    );
  }
  const statusText = typeof fields.status === 'string' ? fields.status.trim() : '';
  if (statusText !== '' && !interpretStatusText(statusText).recognised) {
    finding(`Ligne ${rowNumber} : l'état « ${statusText} » n'est pas dans la liste (${STATUS_CHOICES}) : il sera à choisir à la main.`);
  }
  const priorityText = typeof fields.priority === 'string' ? fields.priority.trim() : '';
  if (priorityText !== '' && interpretPriorityText(priorityText) === null) {
    finding(`Ligne ${rowNumber} : la priorité « ${priorityText} » n'est pas dans la liste (${PRIORITY_CHOICES}) : elle n'est pas reprise.`);
  }
  checkProgress(rowNumber, progressTyped, finding);
}

/**
 * A progress typed as a bare number with decimals, or between 0 and 1: read as a
 * percent, but it may be a fraction (0,4 for 40 %) or a slip (1,5 for 15 %).
 */
function checkProgress(rowNumber: number, typed: string | null, finding: RowFinding): void {
  const text = (typed || '').trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return;
  const reading = parseProgress(`${text} %`);
  if (!reading || isParseError(reading) || reading.percent === 0) return;
  const value = reading.percent;
  if (value > 1 && !/[.,]\d/.test(text)) return;
  const other = value <= 1 ? `${formatNumber(value * 100)} % (une fraction de 1)` : `${formatNumber(value * 10)} % (virgule mal placée)`;
  finding(
    `Ligne ${rowNumber} : l'avancement « ${text} » est ambigu : il est lu ${formatNumber(value)} %, mais il peut vouloir dire ${other}. Écrivez-le avec le signe % (« ${formatNumber(value)} % » ou « ${other.split(' (')[0]} »).`,
  );
}

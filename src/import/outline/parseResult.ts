/** What parsing a PST document gives: the outline, the anomalies met and the sheet labels read. */
import type { Line } from '../lines/sourceLines';
import type { OutlineDocument } from '../toPlan';
import type { StatedTotals } from './statedTotals';
import type { ProfileEntry } from './describeProfile';

export type AnomalyKind =
  | 'duplicateCode'
  | 'orphanAction'
  | 'missingLevel'
  | 'unrecognisedText'
  | 'codeAnomaly'
  | 'missingTitle'
  | 'emptyObjective'
  | 'longTitle'
  | 'valueToCheck';

export interface ParseAnomaly {
  readonly kind: AnomalyKind;
  readonly line: number;
  readonly page?: number;
  /** French, for the PST coordinator. */
  readonly message: string;
}

export interface ParsedOutline {
  readonly outline: OutlineDocument;
  readonly anomalies: ParseAnomaly[];
  /** Sheet labels recognised per field (how many actions carry each), for the report. */
  readonly fieldCounts: { readonly [field: string]: number };
  /** The totals the document states about itself, when it does. */
  readonly statedTotals?: StatedTotals | null;
  /** How the document was read (its profile), in French, one line per finding. */
  readonly profileLines?: readonly string[];
  /** The same findings with, for each kind of line, the rules expression that finds it (the browser view corrects them). */
  readonly profileEntries?: readonly ProfileEntry[];
}

/** How the parts of the parser note an anomaly at a source line. */
export type ReportAnomaly = (kind: AnomalyKind, line: Line | null, message: string) => void;

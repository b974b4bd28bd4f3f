/** The cleaned lines of a document and the structural readings of each, read by the profile and the parser. */
import { HeadingCandidate, NumberedHeading, headingCandidates } from '../lines/headings';
import type { Line } from '../lines/sourceLines';

export class DocumentLines {
  /** Structural readings of each line (none for blank and noise lines). */
  readonly candidates: HeadingCandidate[][];

  constructor(readonly lines: Line[]) {
    this.candidates = lines.map((line) => (line.blank || line.noise ? [] : headingCandidates(line.text)));
  }

  numberedAt(index: number): NumberedHeading | undefined {
    return this.candidates[index].find((c): c is NumberedHeading => c.kind === 'numbered');
  }

  nextContentIndex(index: number): number | null {
    for (let j = index + 1; j < this.lines.length; j++) {
      if (!this.lines[j].blank && !this.lines[j].noise) return j;
    }
    return null;
  }

  lineByNumber(n: number): Line | null {
    return this.lines.find((l) => l.n === n) || null;
  }
}

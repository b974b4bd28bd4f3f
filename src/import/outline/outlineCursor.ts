/**
 * Where the parser stands in the tree: the volet, the sections and the axis above, then
 * the OS, OO, action and sub-action that the next lines belong to.
 */
import type { Volet } from '../../domain/vocabularies';
import type { Line } from '../lines/sourceLines';
import type { OutlineAction, OutlineOperationalObjective, OutlineStrategicObjective } from '../toPlan';

/** The levels of the parser's context, outermost first. */
const CONTEXT_LEVELS = ['volet', 'section', 'axis', 'os', 'oo', 'action', 'subAction'] as const;
export type ContextLevel = (typeof CONTEXT_LEVELS)[number];

export interface SectionEntry {
  readonly code: string | null;
  readonly text: string;
  readonly rank: number;
  /** The title without its keyword and code ("Social" for "Axe 1 : Social"), when known. */
  readonly title?: string;
}

export interface OsContext {
  readonly os: OutlineStrategicObjective;
  readonly line: Line;
}

export interface OoContext {
  readonly oo: OutlineOperationalObjective;
  readonly os: OsContext;
  /** Set by headings; 'fields' when the OO was named inside an action sheet. */
  readonly source: 'heading' | 'fields' | 'implied';
  group: { code: string | null; title: string | null } | null;
}

export class OutlineCursor {
  volet: { volet: Volet; text: string; code: string | null } | null = null;
  sections: SectionEntry[] = [];
  axis: { code: string | null; title: string; sourceLine: number; text: string } | null = null;
  os: OsContext | null = null;
  oo: OoContext | null = null;
  action: OutlineAction | null = null;
  subAction: OutlineAction | null = null;

  /** Forgets every level under `level`: a heading closes what was open below it. */
  closeBelow(level: ContextLevel): void {
    const below = (other: ContextLevel): boolean => CONTEXT_LEVELS.indexOf(other) > CONTEXT_LEVELS.indexOf(level);
    if (below('section')) this.sections = [];
    if (below('axis')) this.axis = null;
    if (below('os')) this.os = null;
    if (below('oo')) this.oo = null;
    if (below('action')) this.action = null;
    if (below('subAction')) this.subAction = null;
  }

  /** The volet and section headings above, outermost first. */
  sectionPathTexts(): string[] {
    const path: string[] = [];
    if (this.volet) path.push(this.volet.text);
    for (const s of this.sections) path.push(s.text);
    return path;
  }
}

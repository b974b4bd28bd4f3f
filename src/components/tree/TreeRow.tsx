import * as React from 'react';
import { DirectionalHint, TooltipDelay, TooltipHost, css } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatDate, formatNumber, formatPercent } from '../../domain/parsing';
import type { ActionRollup, ProgressStats } from '../../domain/rollup';
import { Lang, statusLabel } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import type { DropIndicator, TreeRowDragAndDrop } from './treeDragAndDrop';
import { TREE_DRAG_TYPE } from './treeDragAndDrop';
import type { TreeEntry } from './treeModel';
import { countsLine, highlightPieces } from './texts';
import { INDENT, ROW_CLASS, TreeClassNames } from './treeStyles';

export function Highlighted({ text, terms, className }: { text: string; terms: readonly string[]; className: string }): JSX.Element {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlightPieces(text, terms).map((piece, index) =>
        piece.match ? (
          <mark key={index} className={className}>
            {piece.text}
          </mark>
        ) : (
          <React.Fragment key={index}>{piece.text}</React.Fragment>
        ),
      )}
    </>
  );
}

export interface ProgressView {
  /** 0–100 or null (sans objet, cancelled). */
  readonly value: number | null;
  /** What the figure is: « Avancement consolidé des actions : 42 % ». */
  readonly description: string;
}

/** The progress of a node and what it is computed from. */
export function progressView(entry: Pick<TreeEntry, 'stats' | 'rollup'>): ProgressView {
  if (entry.rollup) return actionProgress(entry.rollup);
  return statsProgress(entry.stats);
}

export function statsProgress(stats: ProgressStats | null): ProgressView {
  const value = stats ? stats.progress : null;
  if (value === null) return { value, description: strings.TreeProgressNone };
  return { value, description: formatMessage(strings.TreeProgressRollup, formatPercent(value, 0)) };
}

function actionProgress(rollup: ActionRollup): ProgressView {
  const value = rollup.progress;
  const text = formatPercent(value, 0);
  switch (rollup.source) {
    case 'cancelled':
      return { value: null, description: strings.TreeProgressCancelled };
    case 'subActions':
      return { value, description: formatMessage(strings.TreeProgressSubActions, text) };
    case 'done':
      return { value, description: formatMessage(strings.TreeProgressOwn, text) };
    case 'own':
      return { value, description: rollup.noData ? strings.TreeProgressNoData : formatMessage(strings.TreeProgressOwn, text) };
  }
}

/** A light progress bar (thousands of rows): theme colours, a text figure, the meaning in its name. */
export function TreeProgress({ view, classes, id }: { view: ProgressView; classes: TreeClassNames; id?: string }): JSX.Element {
  const percent = view.value === null ? null : Math.round(Math.min(100, Math.max(0, view.value)));
  const text = view.value === null ? '–' : formatPercent(view.value, 0);
  return (
    <span className={classes.progress}>
      <span
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === null ? undefined : percent}
        aria-valuetext={view.value === null ? strings.ProgressNone : text}
        aria-label={view.description}
        title={view.description}
        className={classes.track}
      >
        <span className={classes.fill} style={{ width: `${percent ?? 0}%` }} />
      </span>
      <span id={id ? `${id}-v` : undefined} className={classes.percent}>
        {text}
      </span>
    </span>
  );
}

// Icons as SVG, not as glyphs of Fluent's icon font: a glyph is a character, and it
// would become part of the row's visible text that the accessible name must contain.
function ChevronIcon(): JSX.Element {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M4 2 L8 6 L4 10" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function LinkIcon(): JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6.5 9.5 L9.5 6.5 M7 4.5 L8.5 3 a2.5 2.5 0 0 1 3.5 3.5 L10.5 8 M9 11.5 L7.5 13 a2.5 2.5 0 0 1 -3.5 -3.5 L5.5 8" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}

function objectiveLabel(code: string | null, title: string): string {
  return code ? `${code} ${title}` : title;
}

export interface TreeRowProps {
  readonly entry: TreeEntry;
  readonly domId: string;
  readonly expanded: boolean;
  readonly lang: Lang;
  readonly terms: readonly string[];
  readonly classes: TreeClassNames;
  readonly onToggle: (key: string) => void;
  readonly onActivate: (key: string) => void;
  /** Absent in a preview: nothing to link to yet. */
  readonly onCopyLink?: (key: string) => void;
  /** What a row adds at its end (the coordination's structure menu: StructureMenu.tsx). */
  readonly renderMenu?: (entry: TreeEntry, classes: TreeClassNames) => React.ReactNode;
  /** The coordination's drag and drop (stable object); without it the row is not draggable. */
  readonly dragAndDrop?: TreeRowDragAndDrop;
}

/** Where the pointer is on the row, 0 (top) to 1 (bottom); the middle when the row has no size (jsdom). */
function fractionOf(event: React.DragEvent<HTMLElement>): number {
  const box = event.currentTarget.getBoundingClientRect();
  return box.height > 0 ? (event.clientY - box.top) / box.height : 0.5;
}

/** A drag of one of the tree's rows (not a file or a text dragged over the page). */
function isTreeDrag(event: React.DragEvent<HTMLElement>): boolean {
  const types = event.dataTransfer ? event.dataTransfer.types : undefined;
  return !!types && Array.prototype.indexOf.call(types, TREE_DRAG_TYPE) >= 0;
}

const DROP_CLASS = { before: 'dropBefore', after: 'dropAfter', inside: 'dropInside', refused: 'dropRefused' } as const;

/** The HTML5 drag-and-drop handlers of a row, and the indicator it shows while something is dragged over it. */
function useRowDragAndDrop(entry: TreeEntry, label: string, dragAndDrop: TreeRowDragAndDrop | undefined) {
  const [indicator, setIndicator] = React.useState<DropIndicator | null>(null);
  const [dragged, setDragged] = React.useState(false);
  if (!dragAndDrop) return { indicator: null, dragged: false, handlers: {} };
  const draggable = dragAndDrop.canDrag(entry);
  const handlers: React.HTMLAttributes<HTMLDivElement> & { draggable?: boolean } = {
    draggable: draggable || undefined,
    onDragStart: (event) => {
      if (!draggable) return;
      event.stopPropagation();
      if (event.dataTransfer) {
        event.dataTransfer.setData(TREE_DRAG_TYPE, entry.nodeId);
        event.dataTransfer.setData('text/plain', label);
        event.dataTransfer.effectAllowed = 'move';
      }
      // Faded after the browser took the row's picture for the pointer.
      window.setTimeout(() => setDragged(true), 0);
      dragAndDrop.start(entry);
    },
    onDragOver: (event) => {
      if (!isTreeDrag(event)) return;
      const next = dragAndDrop.over(entry, fractionOf(event));
      setIndicator(next);
      // Accepting the drag over this row is what lets the browser drop here.
      if (next && next !== 'refused') {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      }
    },
    onDragLeave: (event) => {
      const to = event.relatedTarget as Node | null;
      if (to && event.currentTarget.contains(to)) return;
      setIndicator(null);
    },
    onDrop: (event) => {
      if (!isTreeDrag(event)) return;
      event.preventDefault();
      setIndicator(null);
      dragAndDrop.drop(entry, fractionOf(event));
    },
    onDragEnd: () => {
      setIndicator(null);
      setDragged(false);
      dragAndDrop.end();
    },
  };
  return { indicator, dragged, handlers };
}

/** What a row of the tree shows; memoised so that moving the focus re-renders two rows, not all. */
export const TreeRow = React.memo(function TreeRow({ entry, domId, expanded, lang, terms, classes, onToggle, onActivate, onCopyLink, renderMenu, dragAndDrop }: TreeRowProps): JSX.Element {
  const hasChildren = entry.childKeys.length > 0;
  const view = progressView(entry);
  const action = entry.action;
  const rollup = entry.rollup;
  const label = objectiveLabel(entry.code, entry.title);
  const drag = useRowDragAndDrop(entry, label, dragAndDrop);

  const meta: string[] = [];
  if (action) {
    meta.push(action.status ? statusLabel(action.status, lang) : strings.TreeStatusUnknown);
    if (action.plannedEnd) meta.push(formatMessage(strings.TreeDue, formatDate(action.plannedEnd.end)));
    if (action.projectLead) meta.push(action.projectLead.displayName);
    if (rollup && rollup.subActions) meta.push(countsLine(rollup.subActions, lang, 'subActions'));
  } else if (entry.stats) {
    meta.push(countsLine(entry.stats, lang));
  }

  const late = rollup && rollup.lateness.flags.overdue && rollup.lateness.daysLate !== null ? rollup.lateness.daysLate : null;
  const sharedWith = entry.otherObjectives.map((o) => objectiveLabel(o.code, o.title)).join(' ; ');

  return (
    <div
      className={css(classes.row, ROW_CLASS, drag.indicator && classes[DROP_CLASS[drag.indicator]], drag.dragged && classes.dragSource)}
      style={{ paddingLeft: (entry.level - 1) * INDENT + 4 }}
      onClick={() => onActivate(entry.key)}
      data-drop={drag.indicator ?? undefined}
      {...drag.handlers}
    >
      <div className={classes.line}>
        {hasChildren ? (
          <span
            className={css(classes.chevron, expanded && classes.chevronOpen)}
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              onToggle(entry.key);
            }}
          >
            <ChevronIcon />
          </span>
        ) : (
          <span className={classes.chevronSpacer} aria-hidden="true" />
        )}
        <span id={`${domId}-t`} className={css(classes.title, !action && classes.titleObjective)} title={label}>
          {entry.code && (
            <span className={classes.code}>
              <Highlighted text={entry.code} terms={terms} className={classes.mark} />
            </span>
          )}
          {/* A real space: the accessible name must read "1.1 Accueil", not "1.1Accueil". */}
          {entry.code && ' '}
          <Highlighted text={entry.title} terms={terms} className={classes.mark} />
        </span>{' '}
        <span id={`${domId}-b`} className={classes.badges}>
          {late !== null && <span className={css(classes.badge, classes.badgeAlert)}>{formatMessage(strings.TreeBadgeLate, formatNumber(late))}</span>}
          {rollup && rollup.blocked && <span className={css(classes.badge, classes.badgeAlert)}>{strings.TreeBadgeBlocked}</span>}
          {sharedWith !== '' && (
            <TooltipHost content={formatMessage(strings.TreeSharedTooltip, sharedWith)} delay={TooltipDelay.zero} directionalHint={DirectionalHint.topCenter}>
              <span className={classes.badge} aria-hidden="true">
                {strings.TreeShared}
              </span>
              <span className={classes.srOnly}>{formatMessage(strings.TreeSharedTooltip, sharedWith)}</span>
            </TooltipHost>
          )}
        </span>
        {' '}
        <TreeProgress view={view} classes={classes} id={domId} />{' '}
        {onCopyLink && (
          <button
            type="button"
            tabIndex={-1}
            className={classes.copyButton}
            aria-label={formatMessage(strings.TreeCopyLinkTo, label)}
            title={strings.TreeCopyLink}
            onClick={(event) => {
              event.stopPropagation();
              onCopyLink(entry.key);
            }}
          >
            <LinkIcon />
          </button>
        )}
        {renderMenu && renderMenu(entry, classes)}
      </div>
      {/* Hidden but still read as the description (aria-describedby reads hidden elements). */}
      <span id={`${domId}-p`} hidden>
        {view.description}
      </span>
      {meta.length > 0 && ' '}
      {meta.length > 0 && (
        <span id={`${domId}-d`} className={classes.meta} title={meta.join(' · ')}>
          {meta.join(' · ')}
        </span>
      )}
    </div>
  );
});

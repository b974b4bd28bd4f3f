import * as React from 'react';
import { DirectionalHint, FontIcon, TooltipDelay, TooltipHost, css } from '@fluentui/react';
import * as strings from 'PstStrings';
import { formatDate, formatNumber, formatPercent } from '../../domain/parsing';
import type { ActionRollup, ProgressStats } from '../../domain/rollup';
import { Lang, statusLabel } from '../../domain/vocabularies';
import { formatMessage } from '../format';
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
export function TreeProgress({ view, classes }: { view: ProgressView; classes: TreeClassNames }): JSX.Element {
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
      <span className={classes.percent} aria-hidden="true">
        {text}
      </span>
    </span>
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
  readonly onCopyLink: (key: string) => void;
}

/** What a row of the tree shows; memoised so that moving the focus re-renders two rows, not all. */
export const TreeRow = React.memo(function TreeRow({ entry, domId, expanded, lang, terms, classes, onToggle, onActivate, onCopyLink }: TreeRowProps): JSX.Element {
  const hasChildren = entry.childKeys.length > 0;
  const view = progressView(entry);
  const action = entry.action;
  const rollup = entry.rollup;
  const label = objectiveLabel(entry.code, entry.title);

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
    <div className={css(classes.row, ROW_CLASS)} style={{ paddingLeft: (entry.level - 1) * INDENT + 4 }} onClick={() => onActivate(entry.key)}>
      {hasChildren ? (
        <span
          className={css(classes.chevron, expanded && classes.chevronOpen)}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggle(entry.key);
          }}
        >
          <FontIcon iconName="ChevronRightMed" />
        </span>
      ) : (
        <span className={classes.chevronSpacer} aria-hidden="true" />
      )}
      <span id={`${domId}-t`} className={css(classes.title, !action && classes.titleObjective)}>
        {entry.code && (
          <span className={classes.code}>
            <Highlighted text={entry.code} terms={terms} className={classes.mark} />
          </span>
        )}
        <Highlighted text={entry.title} terms={terms} className={classes.mark} />
      </span>
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
      <TreeProgress view={view} classes={classes} />
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
        <FontIcon iconName="Link" />
      </button>
      <span id={`${domId}-p`} className={classes.srOnly}>
        {view.description}
      </span>
      {meta.length > 0 && (
        <span id={`${domId}-d`} className={classes.meta}>
          {meta.join(' · ')}
        </span>
      )}
    </div>
  );
});

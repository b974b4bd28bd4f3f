/**
 * Styles of the objective tree, from the host theme (SharePoint, Teams light / dark / high
 * contrast): no hard-coded colour, and system colours under Windows high contrast.
 */
import { FontSizes, FontWeights, HighContrastSelector, ITheme, hiddenContentStyle, memoizeFunction, mergeStyleSets } from '@fluentui/react';
import { VIEW_MAX_VH } from '../ui/useVirtualRows';

/** A fixed class on each row, so that the item's :focus and aria-selected rules can reach it. */
export const ROW_CLASS = 'pst-tree-row';

/** Indentation per level, in pixels (kept small for phones). */
export const INDENT = 16;

/**
 * Height of every row, px: the title on up to two lines (a one-third column leaves it
 * little width) beside the badges and progress, then a line for the details. Fixed, so
 * that the tree can be windowed without measuring anything; longer texts are cut with an
 * ellipsis (the whole text stays in the item's accessible name and in a tooltip).
 */
export const TREE_ROW_HEIGHT = 64;

/** Line height of the title, px: two of them make the first line of a row. */
const TITLE_LINE = 20;

/** The progress of a row: the bar at its narrowest, the gap, the figure (« 100 % »), px. */
const TRACK_MIN_WIDTH = 32;
const PROGRESS_GAP = 6;
const PERCENT_WIDTH = 40;

export const getTreeClassNames = memoizeFunction((theme: ITheme) => {
  const { palette, semanticColors } = theme;
  const alert = semanticColors.errorText;
  return mergeStyleSets({
    root: { color: semanticColors.bodyText, minWidth: 0 },
    header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 16px' },
    planTitle: { margin: 0, flex: '1 1 100%' },
    muted: { color: semanticColors.bodySubtext, fontSize: FontSizes.small },
    toolbar: { display: 'flex', flexWrap: 'wrap', gap: 8 },
    status: { color: semanticColors.bodySubtext, fontSize: FontSizes.small, overflowWrap: 'anywhere', minHeight: 0 },
    // The tree's own scroll container: at most most of the window, so the page keeps its scroll bar.
    viewport: { maxHeight: `${VIEW_MAX_VH}vh`, overflowY: 'auto', overflowX: 'hidden', position: 'relative', overscrollBehavior: 'contain' },
    tree: { listStyle: 'none', margin: 0, padding: 0, position: 'relative' },
    row: {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'center',
      boxSizing: 'border-box',
      height: '100%',
      paddingTop: 2,
      paddingBottom: 2,
      paddingRight: 4,
      borderRadius: 2,
      overflow: 'hidden',
      cursor: 'pointer',
      selectors: {
        ':hover': { background: semanticColors.listItemBackgroundHovered },
        [HighContrastSelector]: { border: '1px solid transparent' },
      },
    },
    line: { display: 'flex', alignItems: 'center', columnGap: 8, minWidth: 0, height: 2 * TITLE_LINE },
    item: {
      position: 'absolute',
      left: 0,
      right: 0,
      boxSizing: 'border-box',
      listStyle: 'none',
      outline: 'none',
      selectors: {
        [`:focus > .${ROW_CLASS}`]: { outline: `2px solid ${palette.themePrimary}`, outlineOffset: -2 },
        [`&[aria-selected="true"] > .${ROW_CLASS}`]: { background: semanticColors.listItemBackgroundChecked },
        [`&[aria-selected="true"] > .${ROW_CLASS}:hover`]: { background: semanticColors.listItemBackgroundCheckedHovered },
      },
    },
    chevron: {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: 20,
      height: 20,
      flex: '0 0 20px',
      fontSize: 10,
      color: semanticColors.bodySubtext,
      transition: 'transform 0.1s',
    },
    chevronOpen: { transform: 'rotate(90deg)' },
    chevronSpacer: { width: 20, flex: '0 0 20px' },
    // Two lines at most, then an ellipsis (line-clamp: Chromium, Edge, Firefox and Safari alike).
    title: {
      flex: '1 1 auto',
      minWidth: 0,
      overflow: 'hidden',
      lineHeight: `${TITLE_LINE}px`,
      maxHeight: 2 * TITLE_LINE,
      overflowWrap: 'anywhere',
      display: '-webkit-box',
      WebkitBoxOrient: 'vertical',
      WebkitLineClamp: '2',
    },
    titleObjective: { fontWeight: FontWeights.semibold },
    code: { fontWeight: FontWeights.semibold, color: semanticColors.bodySubtext, marginRight: 6, whiteSpace: 'nowrap' },
    badges: { display: 'inline-flex', flex: '0 1 auto', minWidth: 0, overflow: 'hidden', gap: 4 },
    badge: {
      fontSize: FontSizes.small,
      lineHeight: '16px',
      padding: '0 4px',
      border: '1px solid currentColor',
      borderRadius: 2,
      whiteSpace: 'nowrap',
      color: semanticColors.bodySubtext,
    },
    badgeAlert: { color: alert, fontWeight: FontWeights.semibold },
    // In a narrow column the bar gives up its width before the title does (shrinks three times
    // faster), down to a short bar; the figure beside it stays whole.
    progress: { display: 'inline-flex', alignItems: 'center', gap: PROGRESS_GAP, flex: '0 3 auto', minWidth: TRACK_MIN_WIDTH + PROGRESS_GAP + PERCENT_WIDTH },
    track: {
      position: 'relative',
      display: 'inline-block',
      // A width, not a flex basis: the row's intrinsic width counts it (an empty span has no content width).
      width: 96,
      flex: '0 1 auto',
      minWidth: TRACK_MIN_WIDTH,
      height: 6,
      borderRadius: 3,
      overflow: 'hidden',
      background: palette.neutralLight,
      boxShadow: `inset 0 0 0 1px ${palette.neutralQuaternary}`,
      selectors: { [HighContrastSelector]: { border: '1px solid WindowText', background: 'Window' } },
    },
    fill: {
      position: 'absolute',
      left: 0,
      top: 0,
      bottom: 0,
      background: palette.themePrimary,
      selectors: { [HighContrastSelector]: { background: 'Highlight', forcedColorAdjust: 'none', MsHighContrastAdjust: 'none' } },
    },
    percent: { fontSize: FontSizes.small, minWidth: PERCENT_WIDTH, flex: '0 0 auto', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    copyButton: {
      border: 'none',
      background: 'transparent',
      color: semanticColors.bodySubtext,
      cursor: 'pointer',
      width: 28,
      height: 28,
      borderRadius: 2,
      flex: '0 0 28px',
      selectors: {
        ':hover': { background: semanticColors.buttonBackgroundHovered, color: semanticColors.buttonTextHovered },
        [HighContrastSelector]: { color: 'ButtonText' },
      },
    },
    meta: {
      display: 'block',
      fontSize: FontSizes.small,
      lineHeight: '18px',
      color: semanticColors.bodySubtext,
      paddingLeft: 28,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    mark: {
      background: palette.themeLighter,
      color: semanticColors.bodyText,
      fontWeight: FontWeights.semibold,
      borderRadius: 2,
      selectors: { [HighContrastSelector]: { background: 'Mark', color: 'MarkText', forcedColorAdjust: 'none' } },
    },
    srOnly: hiddenContentStyle,
    // Drop indicators while a row is dragged: a thick line above or below (a place among
    // siblings), a dashed frame (under this row), a dashed frame in the error colour
    // (refused); shapes, not colour alone, and system colours under high contrast.
    dropBefore: {
      boxShadow: `inset 0 3px 0 ${palette.themePrimary}`,
      selectors: { [HighContrastSelector]: { borderTop: '3px solid Highlight' } },
    },
    dropAfter: {
      boxShadow: `inset 0 -3px 0 ${palette.themePrimary}`,
      selectors: { [HighContrastSelector]: { borderBottom: '3px solid Highlight' } },
    },
    dropInside: {
      outline: `2px dashed ${palette.themePrimary}`,
      outlineOffset: -2,
      background: palette.themeLighterAlt,
      selectors: { [HighContrastSelector]: { outline: '2px dashed Highlight' } },
    },
    // The row being dragged stays in place, faded.
    dragSource: { opacity: 0.5 },
    dropRefused: {
      outline: `2px dashed ${alert}`,
      outlineOffset: -2,
      cursor: 'not-allowed',
      selectors: { [HighContrastSelector]: { outline: '2px dashed GrayText' } },
    },
  });
});

export type TreeClassNames = ReturnType<typeof getTreeClassNames>;

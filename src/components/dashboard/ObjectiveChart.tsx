import * as React from 'react';
import { ITheme, Icon, Text, memoizeFunction, mergeStyleSets, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { ObjectiveFigure } from '../../domain/dashboard';
import { formatPercent } from '../../domain/parsing';
import type { Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { plural } from '../tree/texts';
import { usePainted } from '../ui/usePainted';
import { useStableId } from '../ui/useStableId';
import { dashboardColours, DashboardColours, NARROW_WIDTH, useWidth, VISUALLY_HIDDEN } from './chartParts';

export interface ObjectiveChartProps {
  readonly strategicObjectives: readonly ObjectiveFigure[];
  readonly operationalObjectives: readonly (ObjectiveFigure & { readonly strategicObjectiveId: number })[];
  readonly lang: Lang;
}

/** OS rows drawn for the first paint, more than a screen shows; the others once it is painted (below it, nothing visible moves). */
const FIRST_ROWS = 20;

const nameOf = (o: ObjectiveFigure): string => (o.code ? `${o.code} ${o.title}` : o.title);
const percentOf = (o: ObjectiveFigure): string => (o.stats.progress === null ? strings.ProgressNone : formatPercent(o.stats.progress, 0));

/** « 1 Accueil : avancement 45 %, 2 en retard, 1 bloquée »: the row's text alternative. */
export function objectiveRowText(o: ObjectiveFigure, lang: Lang): string {
  return formatMessage(strings.DashObjectiveRow, nameOf(o), percentOf(o), plural(strings.TreeCountLate, o.stats.late, lang), plural(strings.TreeCountBlocked, o.stats.blocked, lang));
}

function Bar({ progress, colours }: { progress: number | null; colours: DashboardColours }): JSX.Element {
  const width = progress === null ? 0 : Math.max(0, Math.min(100, progress));
  return (
    <svg width="100%" height="12" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
      <rect x="0" y="0" width="100%" height="12" rx="2" fill={colours.track} stroke={colours.border} strokeWidth="1" strokeOpacity="0.6" />
      {width > 0 && <rect x="0" y="0" width={`${width}%`} height="12" rx="2" fill={colours.accent} />}
    </svg>
  );
}

// The rows' texts: Fluent's Text look (the theme's medium font), classes made once per theme;
// a Text element would compute its styles for each of the rows the first frame draws.
const rowClassesOf = memoizeFunction((theme: ITheme) =>
  mergeStyleSets({
    name: { ...theme.fonts.medium, gridArea: 'name', overflowWrap: 'anywhere' },
    percent: { ...theme.fonts.medium, gridArea: 'pct', textAlign: 'right', fontWeight: 600, whiteSpace: 'nowrap' },
    count: { ...theme.fonts.medium, color: theme.semanticColors.bodyText, fontWeight: 600, whiteSpace: 'nowrap' },
  }),
);

/** A count with a marker in its meaning colour; the text stays in the body colour (contrast at any size). */
function Count({ text, colour }: { text: string; colour: string }): JSX.Element {
  return (
    <span className={rowClassesOf(useTheme()).count}>
      <svg width="10" height="10" aria-hidden="true" focusable="false" style={{ marginRight: 4 }}>
        <rect width="10" height="10" rx="2" fill={colour} />
      </svg>
      {text}
    </span>
  );
}

function Counts({ o, lang, colours }: { o: ObjectiveFigure; lang: Lang; colours: DashboardColours }): JSX.Element {
  return (
    <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      {o.stats.late > 0 && <Count text={plural(strings.TreeCountLate, o.stats.late, lang)} colour={colours.late} />}
      {o.stats.blocked > 0 && <Count text={plural(strings.TreeCountBlocked, o.stats.blocked, lang)} colour={colours.blocked} />}
    </span>
  );
}

/** One row: the name, then the bar with its percentage on the same line, then the counts. */
function Row({ o, lang, narrow, colours, chevron }: { o: ObjectiveFigure; lang: Lang; narrow: boolean; colours: DashboardColours; chevron?: boolean | null }): JSX.Element {
  const classes = rowClassesOf(useTheme());
  const grid = narrow
    ? { gridTemplateColumns: '16px minmax(0, 1fr) minmax(48px, max-content)', gridTemplateAreas: '"icon name name" ". bar pct" ". counts counts"' }
    : { gridTemplateColumns: '16px minmax(0, 2fr) minmax(80px, 1.4fr) minmax(48px, max-content) minmax(0, 1fr)', gridTemplateAreas: '"icon name bar pct counts"' };
  return (
    <span style={{ display: 'grid', columnGap: 10, rowGap: 2, alignItems: 'center', width: '100%', ...grid }}>
      <span style={{ gridArea: 'icon' }} aria-hidden="true">
        {chevron !== undefined && chevron !== null && <Icon iconName={chevron ? 'ChevronDown' : 'ChevronRight'} />}
      </span>
      <span className={classes.name}>{nameOf(o)}</span>
      <span style={{ gridArea: 'bar' }}>
        <Bar progress={o.stats.progress} colours={colours} />
      </span>
      <span className={classes.percent}>
        <span style={VISUALLY_HIDDEN}>{`${strings.Progress} `}</span>
        {percentOf(o)}
      </span>
      <span style={{ gridArea: 'counts' }}>
        <Counts o={o} lang={lang} colours={colours} />
      </span>
    </span>
  );
}

/**
 * Progress per strategic objective as a bar chart: one row per OS, a button that opens its
 * OO rows (Enter or Space). A row's text is its name (name, « Avancement 45 % », the late
 * and blocked counts when there are some: the chart's text alternative, read as it is
 * seen); the bars themselves are hidden from screen readers.
 */
export function ObjectiveChart({ strategicObjectives, operationalObjectives, lang }: ObjectiveChartProps): JSX.Element {
  const theme = useTheme();
  const colours = dashboardColours(theme);
  const [ref, width] = useWidth<HTMLDivElement>(800);
  const narrow = width < NARROW_WIDTH;
  const [open, setOpen] = React.useState<ReadonlySet<number>>(new Set());
  const hintId = useStableId('pst-os-hint');
  const baseId = useStableId('pst-os');
  const rowButton = mergeStyles({
    display: 'block',
    width: '100%',
    padding: '6px 4px',
    border: 'none',
    borderRadius: 2,
    background: 'transparent',
    color: colours.text,
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    selectors: {
      ':hover': { background: theme.palette.neutralLighter },
      ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: '-2px' },
    },
  });
  const painted = usePainted();
  const shown = painted ? strategicObjectives : strategicObjectives.slice(0, FIRST_ROWS);
  const childrenOf = React.useMemo(() => {
    const byOs = new Map<number, (typeof operationalObjectives)[number][]>();
    for (const oo of operationalObjectives) {
      const list = byOs.get(oo.strategicObjectiveId);
      if (list) list.push(oo);
      else byOs.set(oo.strategicObjectiveId, [oo]);
    }
    return byOs;
  }, [operationalObjectives]);
  const toggle = (id: number) =>
    setOpen((known) => {
      const next = new Set(known);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div ref={ref}>
      <Text variant="small" block id={hintId} styles={{ root: { color: colours.subtext, marginBottom: 4 } }}>
        {strings.DashObjectiveHint}
      </Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((os) => {
          const children = childrenOf.get(os.id) ?? [];
          const expanded = open.has(os.id);
          const listId = `${baseId}-${os.id}`;
          return (
            <li key={os.id} className="pst-dash-os" style={{ borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
              <button
                type="button"
                className={rowButton}
                aria-expanded={expanded}
                aria-controls={expanded ? listId : undefined}
                aria-describedby={hintId}
                onClick={() => toggle(os.id)}
              >
                <Row o={os} lang={lang} narrow={narrow} colours={colours} chevron={children.length > 0 ? expanded : null} />
              </button>
              {expanded && (
                <ul id={listId} style={{ listStyle: 'none', margin: '0 0 6px', padding: narrow ? '0 0 0 12px' : '0 0 0 24px' }}>
                  {children.map((oo) => (
                    <li key={oo.id} style={{ padding: '4px' }}>
                      <span style={VISUALLY_HIDDEN}>{objectiveRowText(oo, lang)}</span>
                      <span aria-hidden="true">
                        <Row o={oo} lang={lang} narrow={narrow} colours={colours} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

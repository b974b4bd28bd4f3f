/**
 * Small building blocks of the project panel. Colours come from the theme (SharePoint,
 * Teams light, dark and high contrast) and never carry meaning alone: every badge has an
 * icon and a text.
 */
import * as React from 'react';
import {
  FontIcon,
  HighContrastSelector,
  ITheme,
  Link,
  Persona,
  PersonaSize,
  Text,
  mergeStyleSets,
  useTheme,
 PersonaInitialsColor } from '@fluentui/react';
import type { Person } from '../../domain/model';
import { sanitizeRichText } from '../../text/richText';
import type { Tone } from './panelModel';

function toneColor(theme: ITheme, tone: Tone): string {
  const colors = theme.semanticColors;
  switch (tone) {
    case 'success':
      return colors.successIcon;
    case 'warning':
      return colors.severeWarningIcon;
    case 'error':
      return colors.errorIcon;
    case 'info':
      return theme.palette.themePrimary;
    default:
      return colors.bodySubtext;
  }
}

export function getPanelClassNames(theme: ITheme) {
  return mergeStyleSets({
    badge: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: 4,
      padding: '1px 8px',
      borderRadius: 12,
      border: `1px solid ${theme.palette.neutralTertiaryAlt}`,
      background: theme.palette.neutralLighter,
      color: theme.palette.neutralPrimary,
      fontSize: theme.fonts.small.fontSize,
      lineHeight: '20px',
      selectors: { [HighContrastSelector]: { border: '1px solid WindowText', background: 'Window', color: 'WindowText' } },
    },
    badgeIcon: { fontSize: 12, selectors: { [HighContrastSelector]: { color: 'WindowText' } } },
    section: {
      borderTop: `1px solid ${theme.semanticColors.bodyDivider}`,
      paddingTop: 12,
      marginTop: 4,
    },
    sectionTitle: { margin: '0 0 8px', fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600, color: theme.palette.neutralPrimary },
    fieldList: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(140px, 30%) 1fr', columnGap: 16, rowGap: 10, '@media (max-width: 639px)': { gridTemplateColumns: '1fr', rowGap: 2 } },
    fieldLabel: { margin: 0, color: theme.semanticColors.bodySubtext, fontWeight: 600 },
    fieldValue: { margin: 0, color: theme.semanticColors.bodyText, minWidth: 0, overflowWrap: 'anywhere', '@media (max-width: 639px)': { marginBottom: 8 } },
    preWrap: { whiteSpace: 'pre-wrap' },
    richText: {
      overflowWrap: 'anywhere',
      selectors: {
        p: { margin: '0 0 6px' },
        'ul, ol': { margin: '0 0 6px', paddingLeft: 20 },
        'h1, h2, h3, h4': { margin: '8px 0 4px', fontSize: theme.fonts.medium.fontSize, fontWeight: 600 },
        a: { color: theme.semanticColors.link },
        'a:hover': { color: theme.semanticColors.linkHovered },
        table: { borderCollapse: 'collapse', margin: '4px 0' },
        'th, td': { border: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '2px 6px', textAlign: 'left', verticalAlign: 'top' },
      },
    },
    plainList: { margin: 0, paddingLeft: 20 },
    peopleList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 },
    card: {
      border: `1px solid ${theme.semanticColors.bodyDivider}`,
      borderRadius: 4,
      padding: 12,
      background: theme.semanticColors.bodyStandoutBackground,
      selectors: { [HighContrastSelector]: { border: '1px solid WindowText' } },
    },
    tableWrapper: { overflowX: 'auto', maxWidth: '100%' },
    table: {
      borderCollapse: 'collapse',
      width: '100%',
      selectors: {
        'th, td': { borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '6px 8px', textAlign: 'left', verticalAlign: 'top' },
        th: { color: theme.semanticColors.bodySubtext, fontWeight: 600 },
        'td.number': { textAlign: 'right', whiteSpace: 'nowrap' },
      },
    },
    caption: { textAlign: 'left', fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600, padding: '0 0 8px', color: theme.palette.neutralPrimary },
    warning: { color: theme.semanticColors.warningText, display: 'flex', gap: 4, alignItems: 'baseline', marginTop: 4, fontSize: theme.fonts.small.fontSize },
    errorText: { color: theme.semanticColors.errorText, fontSize: theme.fonts.small.fontSize, marginTop: 4 },
    mine: { background: theme.semanticColors.successBackground, padding: '2px 4px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    theirs: { background: theme.semanticColors.warningBackground, padding: '2px 4px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    visuallyHidden: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  });
}

export type PanelClassNames = ReturnType<typeof getPanelClassNames>;

export function usePanelClassNames(): PanelClassNames {
  const theme = useTheme();
  return React.useMemo(() => getPanelClassNames(theme), [theme]);
}

/** A badge: icon + text, the colour only reinforces them. */
export function Badge({ icon, text, tone, title }: { icon: string; text: string; tone: Tone; title?: string }): JSX.Element {
  const theme = useTheme();
  const classNames = usePanelClassNames();
  return (
    <span className={classNames.badge} title={title}>
      <FontIcon iconName={icon} aria-hidden="true" className={classNames.badgeIcon} style={{ color: toneColor(theme, tone) }} />
      <span>{text}</span>
    </span>
  );
}

/** A section of the sheet with its heading; nothing when it has no content. */
/** A form of the panel in its card: its heading, then its fields; Enter or the save button submits. */
export function FormCard({ id, title, onSubmit, children }: { id: string; title: React.ReactNode; onSubmit: () => void; children: React.ReactNode }): JSX.Element {
  const classNames = usePanelClassNames();
  return (
    <section className={classNames.card} aria-labelledby={id}>
      <h3 id={id} className={classNames.sectionTitle}>
        {title}
      </h3>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </section>
  );
}

export function SheetSection({ title, children, id }: { title: string; children: React.ReactNode; id?: string }): JSX.Element | null {
  const classNames = usePanelClassNames();
  const items = React.Children.toArray(children).filter(Boolean);
  if (items.length === 0) return null;
  return (
    <section className={classNames.section} aria-labelledby={id}>
      <h3 id={id} className={classNames.sectionTitle}>
        {title}
      </h3>
      <dl className={classNames.fieldList}>{items}</dl>
    </section>
  );
}

/** One field of the sheet (label and value). Use only when the value is not empty. */
export function Field({ label, children }: { label: string; children: React.ReactNode }): JSX.Element {
  const classNames = usePanelClassNames();
  return (
    <>
      <dt className={classNames.fieldLabel}>{label}</dt>
      <dd className={classNames.fieldValue}>{children}</dd>
    </>
  );
}

/** Plain multi-line text (note columns), line breaks kept. */
export function MultilineText({ text }: { text: string }): JSX.Element {
  const classNames = usePanelClassNames();
  return <Text className={classNames.preWrap}>{text}</Text>;
}

/** Rich text, ALWAYS sanitized before it reaches the DOM. */
export function RichText({ html }: { html: string }): JSX.Element {
  const classNames = usePanelClassNames();
  const safe = React.useMemo(() => sanitizeRichText(html), [html]);
  // eslint-disable-next-line react/no-danger -- sanitized by sanitizeRichText (allowlist)
  return <div className={classNames.richText} dangerouslySetInnerHTML={{ __html: safe }} />;
}

/** A person (name + e-mail link) or a name only (a department, a partner, an elected body). */
export function PersonChip({ person, size = PersonaSize.size40 }: { person: Person | string; size?: PersonaSize }): JSX.Element {
  const name = typeof person === 'string' ? person : person.displayName;
  const email = typeof person === 'string' ? undefined : person.email;
  return (
    <Persona
      // Fluent picks initials colours by name (some too light) and inverts the text in dark themes: fixed for contrast.
      initialsColor={PersonaInitialsColor.darkBlue}
      coinProps={{ styles: { initials: { color: '#ffffff' } } }}
      text={name}
      secondaryText={email}
      size={size}
      onRenderSecondaryText={email ? () => <Link href={`mailto:${email}`}>{email}</Link> : undefined}
    />
  );
}

export function PeopleList({ people, size }: { people: readonly (Person | string)[]; size?: PersonaSize }): JSX.Element {
  const classNames = usePanelClassNames();
  if (people.length === 1) return <PersonChip person={people[0]} size={size} />;
  return (
    <ul className={classNames.peopleList}>
      {people.map((person, index) => (
        <li key={`${typeof person === 'string' ? person : person.email ?? person.displayName}-${index}`}>
          <PersonChip person={person} size={size} />
        </li>
      ))}
    </ul>
  );
}

/** A non-blocking remark under a field (validation warnings). */
export function FieldWarnings({ messages }: { messages: readonly string[] }): JSX.Element {
  const classNames = usePanelClassNames();
  // The live region stays in place (empty) so that screen readers announce what appears in it.
  return (
    <div role="status">
      {messages.map((message) => (
        <div key={message} className={classNames.warning}>
          <FontIcon iconName="Warning" aria-hidden="true" />
          <span>{message}</span>
        </div>
      ))}
    </div>
  );
}

import * as React from 'react';
import { PersonaSize, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { Action, Period } from '../../../domain/model';
import { displayNameOf } from '../../../domain/model';
import { formatDate, formatNumber, formatPercent } from '../../../domain/parsing';
import { isRichTextEmpty } from '../../../text/richText';
import { Lang, normalizeText, priorityLabel, statusLabel } from '../../../domain/vocabularies';
import { formatMessage } from '../../../text/format';
import { Field, MultilineText, PeopleList, RichText, SheetSection, usePanelClassNames } from '../parts';
import { StructureActions } from './StructureActions';

export interface ActionSheetProps {
  readonly action: Action;
  readonly lang: Lang;
  /** Whether check-ins were recorded: then the texts of the imported document are out of date. */
  readonly hasCheckIns: boolean;
}

const blank = (text: string | null | undefined): boolean => text == null || text.trim() === '';

/** « 31/12/2024 (écrit : 2024) »: the day used for the lateness rules, and the text as written. */
export function plannedDateText(period: Period | null, written: string | null, edge: 'start' | 'end'): string | null {
  if (period) {
    const day = formatDate(edge === 'start' ? period.start : period.end);
    const text = (written ?? period.text ?? '').trim();
    return text && normalizeText(text) !== normalizeText(day) ? formatMessage(strings.PanelWrittenAs, day, text) : day;
  }
  if (!blank(written)) return formatMessage(strings.PanelDateUnread, (written as string).trim());
  return null;
}

function writtenAs(value: string, written: string | null, show: boolean): string {
  if (!show || blank(written) || normalizeText(written as string) === normalizeText(value)) return value;
  return formatMessage(strings.PanelWrittenAs, value, (written as string).trim());
}

function BulletList({ items }: { items: readonly string[] }): JSX.Element {
  const classNames = usePanelClassNames();
  if (items.length === 1) return <Text>{items[0]}</Text>;
  return (
    <ul className={classNames.plainList}>
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>
          <Text>{item}</Text>
        </li>
      ))}
    </ul>
  );
}

/** The whole action sheet, read-only; empty fields are left out. */
export function ActionSheet({ action, lang, hasCheckIns }: ActionSheetProps): JSX.Element {
  // The state and progress "as written" describe the imported document, until the first check-in.
  const showWritten = !hasCheckIns && !action.lastCheckInDate;
  const start = plannedDateText(action.plannedStart, action.plannedStartText, 'start');
  const end = plannedDateText(action.plannedEnd, action.plannedEndText, 'end');
  // The budget and ETP are the means lines, shown with their totals per year by MeansLines.
  const resources = action.resources;
  const sections = [
    <SheetSection key="description" id="pst-panel-description" title={strings.PanelSectionDescription}>
      {!isRichTextEmpty(action.description) && (
        <Field label={strings.FieldDescription}>
          <RichText html={action.description as string} />
        </Field>
      )}
      {!isRichTextEmpty(action.context) && (
        <Field label={strings.FieldContext}>
          <RichText html={action.context as string} />
        </Field>
      )}
      {!isRichTextEmpty(action.steps) && (
        <Field label={strings.FieldSteps}>
          <RichText html={action.steps as string} />
        </Field>
      )}
      {!blank(action.deliverables) && (
        <Field label={strings.FieldDeliverables}>
          <MultilineText text={action.deliverables as string} />
        </Field>
      )}
      {action.risks.length > 0 && (
        <Field label={strings.FieldRisks}>
          <BulletList items={action.risks} />
        </Field>
      )}
      {!blank(action.comments) && (
        <Field label={strings.FieldComments}>
          <MultilineText text={action.comments as string} />
        </Field>
      )}
    </SheetSection>,
    <SheetSection key="planning" id="pst-panel-planning" title={strings.PanelSectionPlanning}>
      {start && <Field label={strings.FieldPlannedStart}>{start}</Field>}
      {end && <Field label={strings.FieldPlannedEnd}>{end}</Field>}
      {action.lastCheckInDate && <Field label={strings.FieldLastCheckIn}>{formatDate(action.lastCheckInDate)}</Field>}
    </SheetSection>,
    <SheetSection key="people" id="pst-panel-people" title={strings.PanelSectionPeople}>
      {!blank(action.department) && (
        <Field label={strings.FieldDepartment}>
          <PeopleList people={[action.department as string]} size={PersonaSize.size24} />
        </Field>
      )}
      {action.servicesInvolved.length > 0 && (
        <Field label={strings.FieldServicesInvolved}>
          <PeopleList people={action.servicesInvolved} size={PersonaSize.size24} />
        </Field>
      )}
      {action.partners.length > 0 && (
        <Field label={strings.FieldPartners}>
          <PeopleList people={action.partners} size={PersonaSize.size24} />
        </Field>
      )}
      {action.projectLead && (
        <Field label={strings.Lead}>
          <PeopleList people={[action.projectLead]} />
        </Field>
      )}
      {action.team.length > 0 && (
        <Field label={strings.FieldTeam}>
          <PeopleList people={action.team} />
        </Field>
      )}
      {action.pilot && (
        <Field label={strings.FieldPilot}>
          <PeopleList people={[action.pilot]} />
        </Field>
      )}
      {displayNameOf(action.mandatary) !== '' && (
        <Field label={strings.FieldMandatary}>
          <PeopleList people={[action.mandatary as NonNullable<Action['mandatary']>]} />
        </Field>
      )}
    </SheetSection>,
    <SheetSection key="steering" id="pst-panel-steering" title={strings.PanelSectionSteering}>
      {action.priority && <Field label={strings.FieldPriority}>{priorityLabel(action.priority, lang)}</Field>}
      {(action.status || !blank(action.statusText)) && (
        <Field label={strings.PanelStatus}>
          {action.status ? writtenAs(statusLabel(action.status, lang), action.statusText, showWritten) : (action.statusText as string)}
        </Field>
      )}
      {(action.progressPercent !== null || !blank(action.progressText)) && (
        <Field label={strings.Progress}>
          {action.progressPercent !== null
            ? writtenAs(formatPercent(action.progressPercent), action.progressText, showWritten)
            : (action.progressText as string)}
        </Field>
      )}
      {action.sdgs.length > 0 && (
        <Field label={strings.FieldSdgs}>{action.sdgs.map((n) => formatMessage(strings.FieldSdgItem, String(n))).join(', ')}</Field>
      )}
      {action.labels.length > 0 && <Field label={strings.FieldLabels}>{action.labels.join(', ')}</Field>}
      {!blank(action.policyObjective) && (
        <Field label={strings.FieldPolicyObjective}>
          <MultilineText text={action.policyObjective as string} />
        </Field>
      )}
      {!blank(action.synergies) && (
        <Field label={strings.FieldSynergies}>
          <MultilineText text={action.synergies as string} />
        </Field>
      )}
      {action.projectGroup && (action.projectGroup.code || action.projectGroup.title) && (
        <Field label={strings.FieldProjectGroup}>{[action.projectGroup.code, action.projectGroup.title].filter(Boolean).join(' ')}</Field>
      )}
      {action.weight !== 1 && <Field label={strings.FieldWeight}>{formatNumber(action.weight)}</Field>}
      {!blank(action.indicatorsText) && (
        <Field label={strings.FieldIndicatorsText}>
          <MultilineText text={action.indicatorsText as string} />
        </Field>
      )}
    </SheetSection>,
    <SheetSection key="resources" id="pst-panel-resources" title={strings.PanelSectionResources}>
      {!blank(resources.text) && (
        <Field label={strings.FieldResourcesText}>
          <MultilineText text={resources.text as string} />
        </Field>
      )}
    </SheetSection>,
  ];
  return (
    <div aria-label={strings.PanelHeading} role="region">
      <StructureActions actionId={action.id} />
      {sections}
      <EmptyNote action={action} />
    </div>
  );
}

function EmptyNote({ action }: { action: Action }): JSX.Element | null {
  const empty =
    isRichTextEmpty(action.description) &&
    isRichTextEmpty(action.context) &&
    isRichTextEmpty(action.steps) &&
    !action.plannedStart &&
    !action.plannedEnd &&
    blank(action.plannedStartText) &&
    blank(action.plannedEndText) &&
    blank(action.department) &&
    !action.projectLead &&
    action.team.length === 0 &&
    !action.status &&
    action.progressPercent === null &&
    blank(action.comments) &&
    action.risks.length === 0;
  return empty ? <Text block>{strings.PanelEmptySheet}</Text> : null;
}

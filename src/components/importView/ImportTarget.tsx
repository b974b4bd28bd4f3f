import * as React from 'react';
import { ChoiceGroup, IChoiceGroupOption, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PlanItemsStored, SiteImportOptions, SiteImportResult } from '../../data/PstRepository';
import type { Plan } from '../../domain/model';
import { planLabel } from '../../domain/plans';
import { MEANS_LINES_FIELD, syncChanges, SyncChange } from '../../domain/syncChanges';
import { actionsList, operationalObjectivesList, plansList, sectionsList, strategicObjectivesList } from '../../schema/listSchema';
import { formatMessage } from '../../text/format';

/** Where the document goes: « nouveau plan », « mise à jour de … », or (default) the plan it resembles. */
export type ImportTargetChoice = { readonly kind: 'auto' } | { readonly kind: 'new' } | { readonly kind: 'update'; readonly planId: number };

export function importOptionsOf(target: ImportTargetChoice): SiteImportOptions {
  return target.kind === 'new' ? { newPlan: true } : target.kind === 'update' ? { planId: target.planId } : {};
}

/** The choice, shown once the comparison says what it found; changing it compares again. */
export function ImportTargetPicker({ plans, result, onChange }: { plans: readonly Plan[]; result: SiteImportResult | null; onChange: (target: ImportTargetChoice) => void }): JSX.Element | null {
  if (plans.length === 0) return null;
  const selected = result ? (result.mode === 'new' ? 'new' : `plan-${result.planId}`) : undefined;
  const options: IChoiceGroupOption[] = [
    { key: 'new', text: strings.ImportTargetNew },
    ...plans.map((p) => ({ key: `plan-${p.id}`, text: formatMessage(strings.ImportTargetUpdate, planLabel(p)) })),
  ];
  return (
    <ChoiceGroup
      label={strings.ImportTargetLabel}
      options={options}
      selectedKey={selected}
      onChange={(_e, option) => {
        if (!option) return;
        onChange(option.key === 'new' ? { kind: 'new' } : { kind: 'update', planId: Number(String(option.key).replace('plan-', '')) });
      }}
    />
  );
}

const FIELD_LISTS = { plan: plansList, section: sectionsList, strategicObjective: strategicObjectivesList, operationalObjective: operationalObjectivesList, action: actionsList } as const;
/** Model names that differ from the schema's keys. */
const FIELD_ALIASES: Record<string, string> = { progressPercent: 'progress', lastCheckInDate: 'lastCheckIn', operationalObjectiveIds: 'operationalObjectives', parentActionId: 'parentAction', strategicObjectiveId: 'strategicObjective', sectionId: 'section', parentSectionId: 'parentSection', startYear: 'periodStart', endYear: 'periodEnd', order: 'sortOrder' };

function fieldLabel(change: SyncChange, lang: 'fr' | 'en'): string {
  if (change.field === null) return '';
  if (change.field === MEANS_LINES_FIELD) return strings.MeansHeading;
  const fields = FIELD_LISTS[change.kind].fields as Record<string, { title: { fr: string; en: string } } | undefined>;
  const def = fields[FIELD_ALIASES[change.field] ?? change.field];
  return def ? def.title[lang] : change.field;
}

/** Each change of a « mise à jour », old → new, before anything is written. */
export function SyncChangesTable({ result, stored, planTitle, lang }: { result: SiteImportResult; stored: PlanItemsStored; planTitle: string; lang: 'fr' | 'en' }): JSX.Element | null {
  const rows = React.useMemo(() => (result.sync ? syncChanges(stored, result.sync, planTitle) : []), [result, stored, planTitle]);
  if (rows.length === 0) return null;
  return (
    <section aria-label={strings.ImportChangesTitle}>
      <Text variant="mediumPlus" as="h4" style={{ margin: '0 0 8px' }}>
        {strings.ImportChangesTitle}
      </Text>
      <div style={{ maxHeight: 320, overflow: 'auto' }}>
        <table data-testid="import-changes" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>{strings.ImportChangesItem}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{strings.ImportChangesField}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{strings.ImportChangesBefore}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{strings.ImportChangesAfter}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} style={{ verticalAlign: 'top' }}>
                <td style={{ paddingRight: 8 }}>{row.item}</td>
                <td style={{ paddingRight: 8 }}>{row.field === null ? strings.ImportChangesAdded : fieldLabel(row, lang)}</td>
                <td style={{ paddingRight: 8, whiteSpace: 'pre-line' }}>{row.before}</td>
                <td style={{ whiteSpace: 'pre-line' }}>{row.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

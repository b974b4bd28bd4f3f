import * as React from 'react';
import { ICommandBarItemProps, IContextualMenuItem, Stack, hiddenContentStyle } from '@fluentui/react';
import { StableCommandBar } from '../ui/StableCommandBar';
import { Dropdown } from '../ui/LazyDropdown';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import type { IsoDate, Plan } from '../../domain/model';
import { planLabel } from '../../domain/plans';
import type { PlanTreeInput } from '../../domain/tree';
import type { Lang } from '../../domain/vocabularies';
import { ReportCommandProps, useReportCommand } from '../report/ReportButton';
import { useExportCommand } from '../report/ExportMenu';
import { StructureCommandsProps, useStructureCommands } from '../structure/StructureToolbar';
import type { PageCommand } from '../ui/pageCommand';

export interface PlanCommandBarProps {
  readonly lang: Lang;
  readonly today: IsoDate;
  readonly repository: PstRepository;
  /** The site's plans and the one shown: a choice when there are several. */
  readonly plans: readonly Plan[];
  readonly plan: Plan | null;
  readonly onChoosePlan: (planId: number) => void;
  /** « Générer un rapport »: the plan as filtered on the page; absent where no report is offered. */
  readonly report?: Omit<ReportCommandProps, 'today' | 'lang'>;
  /** « Exporter / publier »: the whole plan shown; absent for who may not export. */
  readonly exportData?: PlanTreeInput;
  readonly onImport?: () => void;
  readonly onDesignateLeads?: () => void;
  /** Structure editing (the coordination, on the tree, inside a StructureEditingProvider). */
  readonly structure?: Omit<StructureCommandsProps, 'repository'>;
}

const NO_PLAN_DATA: PlanTreeInput = { plan: { id: 0, title: '', organisation: null, startYear: null, endYear: null }, sections: [], strategicObjectives: [], operationalObjectives: [], actions: [] };
const NO_REPORT: Omit<ReportCommandProps, 'today' | 'lang'> = { data: NO_PLAN_DATA, filterLines: [] };
const noop = (): void => undefined;

/** A menu of one command is that command. */
function group(key: string, text: string, iconName: string, items: readonly IContextualMenuItem[]): ICommandBarItemProps | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return { key, text, iconProps: { iconName }, subMenuProps: { items: [...items] } };
}

/**
 * The page's commands in one Fluent command bar, grouped by what the user wants: the
 * documents (« Générer un rapport », « Exporter / publier »), the plan (import, leads, state,
 * change log), the structure (« Ajouter »); the plan shown and the archived items at the far
 * end. In a narrow column (a SharePoint one-third section) the bar puts the last groups into
 * its « Autres commandes » menu instead of stacking buttons over the tree.
 */
export function PlanCommandBar(props: PlanCommandBarProps): JSX.Element | null {
  const { lang, today, repository, plans, plan } = props;
  // Hooks run whatever is offered; what is not offered is left out of the bar.
  const report = useReportCommand({ ...(props.report ?? NO_REPORT), today, lang });
  const exports = useExportCommand({ data: props.exportData ?? NO_PLAN_DATA, today, lang, repository });
  const structure = useStructureCommands({ repository, ...(props.structure ?? { showArchived: false, onShowArchivedChange: noop, onChanged: noop }) });
  const editing = props.structure ? structure : null;

  const shown: PageCommand[] = [];
  if (props.report) shown.push(report);
  if (props.exportData) shown.push(exports);

  const planItems: IContextualMenuItem[] = [];
  if (props.onImport) planItems.push({ key: 'import', text: strings.ImportPst, iconProps: { iconName: 'CloudUpload' }, onClick: props.onImport });
  if (props.onDesignateLeads) planItems.push({ key: 'designate', text: strings.DesignateOpen, iconProps: { iconName: 'People' }, onClick: props.onDesignateLeads });
  if (editing) planItems.push(...editing.plan);

  const items = [
    ...shown.map((command) => command.item),
    group('plan', strings.CommandPlan, 'Flag', planItems),
    group('add', strings.CommandAdd, 'Add', editing ? editing.add : []),
  ].filter((item): item is ICommandBarItemProps => item !== null);

  const farItems: ICommandBarItemProps[] = [];
  if (plans.length > 1) {
    farItems.push({
      key: 'planShown',
      // what the list shows: the bar draws it again when this changes (ui/StableCommandBar)
      data: [plan ? plan.id : null, ...plans.map((p) => [p.id, planLabel(p)])],
      onRender: () => (
        <Dropdown
          label={strings.PlanShown}
          selectedKey={plan ? plan.id : undefined}
          options={plans.map((p) => ({ key: p.id, text: planLabel(p) }))}
          onChange={(_event, option) => option && props.onChoosePlan(Number(option.key))}
          // The label is read with the choice ("PST affiché PST 2025-2030"), not shown: the bar has one line.
          styles={{ root: { alignSelf: 'center', minWidth: 160, maxWidth: 260 }, label: hiddenContentStyle }}
        />
      ),
    });
  }
  if (editing) farItems.push(editing.archived);

  if (items.length === 0 && farItems.length === 0) return null;
  return (
    <Stack tokens={{ childrenGap: 4 }} className="pst-no-print">
      <StableCommandBar
        items={items}
        farItems={farItems}
        ariaLabel={strings.CommandBarLabel}
        overflowButtonProps={{ ariaLabel: strings.CommandBarMore, title: strings.CommandBarMore }}
        styles={{ root: { paddingLeft: 0, paddingRight: 0 } }}
      />
      {shown.map((command) => (
        <React.Fragment key={String(command.item.key)}>{command.status}</React.Fragment>
      ))}
      {editing?.status}
    </Stack>
  );
}

import * as React from 'react';
import { ICommandBarItemProps, IContextualMenuItem, MessageBar, MessageBarType, Spinner } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import { duplicateCodes } from '../../domain/structure';
import { formatDate } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { useStructureEditing } from './StructureEditing';
import { usePainted } from '../ui/usePainted';
import { planStateText } from './structureModel';

// The change log and the plan's dialogs: loaded when first opened, not with the tree.
const loadDialogs = () => import(/* webpackChunkName: 'pst-structure-dialogs' */ './StructureToolbarDialogs');
const ChangeLogPanel = React.lazy(() => loadDialogs().then((m) => ({ default: m.ChangeLogPanel })));
const PlanStateDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.PlanStateDialog })));
const NextPlanDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.NextPlanDialog })));

export interface StructureCommandsProps {
  readonly repository: PstRepository;
  readonly showArchived: boolean;
  readonly onShowArchivedChange: (show: boolean) => void;
  readonly onChanged: () => void;
}

/** The coordination's structure commands, placed by the page's command bar (shell/PlanCommandBar). */
export interface StructureCommands {
  /** Add an OS or a section at the top of the plan. */
  readonly add: readonly IContextualMenuItem[];
  /** The plan's change log, its state and the start of the next plan. */
  readonly plan: readonly IContextualMenuItem[];
  /** « Afficher les éléments archivés », a toggle. */
  readonly archived: ICommandBarItemProps;
  /** Below the bar: the codes used twice, the open change log or dialog. */
  readonly status: React.ReactNode;
}

/**
 * For the coordination, above the tree: add a section or an OS, show archived items, the
 * change log, the plan's state and the start of the next plan; and the codes used twice.
 * Null outside a StructureEditingProvider (no structure editing).
 */
export function useStructureCommands({ repository, showArchived, onShowArchivedChange, onChanged }: StructureCommandsProps): StructureCommands | null {
  const editing = useStructureEditing();
  const [open, setOpen] = React.useState<'log' | 'state' | 'next' | null>(null);
  // A warning below the bar: looked for once the tree is on screen, not before it.
  const painted = usePainted();
  const duplicates = React.useMemo(() => (editing && painted ? duplicateCodes(editing.data) : []), [editing, painted]);
  if (!editing) return null;
  const { plan } = editing;
  const done = (): void => {
    setOpen(null);
    onChanged();
  };
  return {
    add: [
      { key: 'addOs', text: strings.StructureAddOs, iconProps: { iconName: 'Add' }, onClick: () => editing.addTop('strategicObjective') },
      { key: 'addSection', text: strings.StructureAddSection, iconProps: { iconName: 'Add' }, onClick: () => editing.addTop('section') },
    ],
    plan: [
      {
        key: 'state',
        text: `${strings.PlanStateLabel} : ${planStateText(plan, formatDate)}`,
        iconProps: { iconName: 'Flag' },
        subMenuProps: {
          items: [
            { key: 'changeState', text: strings.PlanStateChange, onClick: () => setOpen('state') },
            { key: 'next', text: strings.PlanStartNext, onClick: () => setOpen('next') },
          ],
        },
      },
      { key: 'log', text: strings.StructureChangeLog, iconProps: { iconName: 'History' }, onClick: () => setOpen('log') },
    ],
    // A checkbox in the bar and in its overflow menu alike (role, aria-checked, a check mark in the menu).
    archived: {
      key: 'archived',
      text: strings.StructureShowArchived,
      // Icon only in the bar (its text in a tooltip and its name), with its text in the overflow menu.
      ariaLabel: strings.StructureShowArchived,
      iconProps: { iconName: 'Archive' },
      iconOnly: true,
      role: 'menuitemcheckbox',
      canCheck: true,
      checked: showArchived,
      onClick: () => onShowArchivedChange(!showArchived),
    },
    status: (
      <>
        {duplicates.length > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            {formatMessage(strings.StructureDuplicatesInPlan, duplicates.map((d) => d.code).join(', '))}
          </MessageBar>
        )}
        <React.Suspense fallback={open ? <Spinner label={strings.Loading} /> : null}>
        {open === 'log' && <ChangeLogPanel repository={repository} planId={plan.id} onDismiss={() => setOpen(null)} />}
        {open === 'state' && <PlanStateDialog plan={plan} repository={repository} onDone={done} onCancel={() => setOpen(null)} />}
        {open === 'next' && <NextPlanDialog plan={plan} repository={repository} onDone={done} onCancel={() => setOpen(null)} />}
        </React.Suspense>
      </>
    ),
  };
}

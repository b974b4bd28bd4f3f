import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, Spinner, Stack, Toggle } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import { duplicateCodes } from '../../domain/structure';
import { formatDate } from '../../domain/parsing';
import { formatMessage } from '../../text/format';
import { useStructureEditing } from './StructureEditing';
import { planStateText } from './structureModel';

// The change log and the plan's dialogs: loaded when first opened, not with the tree.
const loadDialogs = () => import(/* webpackChunkName: 'pst-structure-dialogs' */ './StructureToolbarDialogs');
const ChangeLogView = React.lazy(() => loadDialogs().then((m) => ({ default: m.ChangeLogView })));
const PlanStateDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.PlanStateDialog })));
const NextPlanDialog = React.lazy(() => loadDialogs().then((m) => ({ default: m.NextPlanDialog })));

export interface StructureToolbarProps {
  readonly repository: PstRepository;
  readonly showArchived: boolean;
  readonly onShowArchivedChange: (show: boolean) => void;
  readonly onChanged: () => void;
}

/**
 * Above the tree, for the coordination: add a section or an OS, show archived items, the
 * change log, the plan's state and the start of the next plan; and the codes used twice.
 */
export function StructureToolbar({ repository, showArchived, onShowArchivedChange, onChanged }: StructureToolbarProps): JSX.Element | null {
  const editing = useStructureEditing();
  const [open, setOpen] = React.useState<'log' | 'state' | 'next' | null>(null);
  const duplicates = React.useMemo(() => (editing ? duplicateCodes(editing.data) : []), [editing]);
  if (!editing) return null;
  const { plan } = editing;
  const done = (): void => {
    setOpen(null);
    onChanged();
  };
  return (
    <Stack tokens={{ childrenGap: 8 }} className="pst-no-print">
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }} role="group" aria-label={strings.StructureOfPlan}>
        <DefaultButton text={strings.StructureAddOs} iconProps={{ iconName: 'Add' }} onClick={() => editing.addTop('strategicObjective')} />
        <DefaultButton text={strings.StructureAddSection} iconProps={{ iconName: 'Add' }} onClick={() => editing.addTop('section')} />
        <DefaultButton text={strings.StructureChangeLog} iconProps={{ iconName: 'History' }} onClick={() => setOpen('log')} />
        <DefaultButton
          text={`${strings.PlanStateLabel} : ${planStateText(plan, formatDate)}`}
          iconProps={{ iconName: 'Flag' }}
          menuProps={{
            items: [
              { key: 'state', text: strings.PlanStateChange, onClick: () => setOpen('state') },
              { key: 'next', text: strings.PlanStartNext, onClick: () => setOpen('next') },
            ],
          }}
        />
        <Toggle label={strings.StructureShowArchived} inlineLabel checked={showArchived} onChange={(_e, checked) => onShowArchivedChange(!!checked)} styles={{ root: { margin: 0 } }} />
      </Stack>
      {duplicates.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {formatMessage(strings.StructureDuplicatesInPlan, duplicates.map((d) => d.code).join(', '))}
        </MessageBar>
      )}
      <React.Suspense fallback={open ? <Spinner label={strings.Loading} /> : null}>
        {open === 'log' && (
          <Panel isOpen type={PanelType.medium} headerText={strings.StructureChangeLog} closeButtonAriaLabel={strings.Close} onDismiss={() => setOpen(null)}>
            <ChangeLogView repository={repository} planId={plan.id} />
          </Panel>
        )}
        {open === 'state' && <PlanStateDialog plan={plan} repository={repository} onDone={done} onCancel={() => setOpen(null)} />}
        {open === 'next' && <NextPlanDialog plan={plan} repository={repository} onDone={done} onCancel={() => setOpen(null)} />}
      </React.Suspense>
    </Stack>
  );
}

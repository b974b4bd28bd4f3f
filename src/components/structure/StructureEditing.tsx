import * as React from 'react';
import { IContextualMenuItem, MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import type { StructureCommand } from '../../data/structureEditing';
import { PstError, StructureConflictError } from '../../data/errors';
import type { Plan } from '../../domain/model';
import { StructureData, StructureItem, StructureKind } from '../../domain/structure';
import { formatMessage } from '../../text/format';
import { saveErrorMessage } from '../action/save/saveModel';
import type { TreeRowDragAndDrop } from '../tree/treeDragAndDrop';
import type { TreeEntry } from '../tree/treeModel';
import type { DropItem } from './structureDrop';
import { addChildText, commandsFor, findItem, objectiveOfEntryKey, refOfNode, StructureCommandKey } from './structureModel';
import { useStructureDragAndDrop } from './useStructureDragAndDrop';
import type { StructureDialogRequest } from './StructureDialog';

// The add/edit/move dialog: loaded with the first command, not with the tree.
const StructureDialog = React.lazy(() => import(/* webpackChunkName: 'pst-structure-dialogs' */ './StructureDialog').then((m) => ({ default: m.StructureDialog })));

export interface StructureEditingValue {
  /** The plan's items, archived ones included. */
  readonly data: StructureData;
  readonly plan: Plan;
  /** The structure commands of a tree node (empty for nodes they do not edit). */
  readonly menuItemsFor: (entry: Pick<TreeEntry, 'key' | 'nodeId'>) => IContextualMenuItem[];
  /** Opens the dialog that adds a section or an OS at the top of the plan. */
  readonly addTop: (kind: Extract<StructureKind, 'section' | 'strategicObjective'>) => void;
  /** Runs a command at once (a command without a dialog) or through its dialog. */
  readonly run: (command: StructureCommand) => Promise<boolean>;
  /** Starts a command of the menu on an item (its dialog, or at once): the panel's buttons use it. */
  readonly openCommand: (key: StructureCommandKey, item: StructureItem, underObjectiveId: number | null) => void;
  /** The tree rows' drag and drop: a drop runs the command of « Déplacer vers… » or of a place among siblings. */
  readonly dragAndDrop: TreeRowDragAndDrop;
}

const StructureEditingContext = React.createContext<StructureEditingValue | null>(null);

/** The structure commands, where a coordinator is looking (null elsewhere: nothing offered). */
export function useStructureEditing(): StructureEditingValue | null {
  return React.useContext(StructureEditingContext);
}

export interface StructureEditingProviderProps {
  readonly repository: PstRepository;
  readonly plan: Plan;
  readonly data: StructureData;
  /** Something was written: the views load the plan again. */
  readonly onChanged: () => void;
  readonly children: React.ReactNode;
}

const MENU_TEXT: { readonly [K in Exclude<StructureCommandKey, 'addChild'>]: string } = {
  edit: strings.StructureEdit,
  addSubSection: strings.StructureAddSubSection,
  moveUp: strings.StructureMoveUp,
  moveDown: strings.StructureMoveDown,
  moveTo: strings.StructureMoveTo,
  link: strings.StructureLink,
  unlink: strings.StructureUnlink,
  renumber: strings.StructureRenumber,
  archive: strings.StructureArchive,
  restore: strings.StructureRestore,
};

const MENU_ICON: { readonly [K in StructureCommandKey]: string } = {
  edit: 'Rename',
  addChild: 'Add',
  addSubSection: 'Add',
  moveUp: 'Up',
  moveDown: 'Down',
  moveTo: 'MoveToFolder',
  link: 'Link',
  unlink: 'RemoveLink',
  renumber: 'NumberedList',
  archive: 'Archive',
  restore: 'Undo',
};

/**
 * Structure editing for the coordination: the commands of each tree node, their dialogs,
 * and what happened (a sentence in a live region). Rendered only for those who may edit
 * the structure; the store refuses everyone else anyway.
 */
export function StructureEditingProvider({ repository, plan, data, onChanged, children }: StructureEditingProviderProps): JSX.Element {
  const [dialog, setDialog] = React.useState<StructureDialogRequest | null>(null);
  const [status, setStatus] = React.useState<string>('');
  const [error, setError] = React.useState<string | null>(null);

  const live = React.useRef({ data, plan, repository, onChanged });
  live.current = { data, plan, repository, onChanged };

  /** Runs a command at once; a collision on a dropped move opens « Déplacer vers… » with both versions. */
  const execute = React.useCallback(async (command: StructureCommand, dropped?: DropItem): Promise<boolean> => {
    setError(null);
    try {
      const result = await live.current.repository.structure.apply(live.current.plan.id, command);
      setStatus(formatMessage(strings.StructureSaved, result.summary));
      live.current.onChanged();
      return true;
    } catch (failure) {
      const translated = PstError.from(failure);
      if (translated instanceof StructureConflictError && dropped && command.type === 'move') {
        setDialog({ type: 'move', item: dropped.item, under: dropped.under, target: command.target, conflict: translated });
        // The tree behind the dialog shows the stored version.
        live.current.onChanged();
        return false;
      }
      setError(translated instanceof StructureConflictError ? strings.StructureConflictSomeone : translated.kind === 'invalidRequest' ? translated.message : saveErrorMessage(failure));
      if (translated instanceof StructureConflictError) live.current.onChanged();
      return false;
    }
  }, []);
  const run = React.useCallback((command: StructureCommand): Promise<boolean> => execute(command), [execute]);

  const open = React.useCallback((key: StructureCommandKey, item: StructureItem, under: number | null): void => {
    switch (key) {
      case 'moveUp':
      case 'moveDown':
        void run({ type: 'reorder', seen: item, direction: key === 'moveUp' ? 'up' : 'down', underObjectiveId: under ?? undefined });
        return;
      case 'restore':
        void run({ type: 'restore', seen: item });
        return;
      case 'unlink':
        if (under !== null) void run({ type: 'unlink', seen: item, objectiveId: under });
        return;
      case 'addChild':
        setDialog({ type: 'add', parent: item, kind: item.kind === 'section' ? 'strategicObjective' : item.kind === 'strategicObjective' ? 'operationalObjective' : 'action' });
        return;
      case 'addSubSection':
        setDialog({ type: 'add', parent: item, kind: 'section' });
        return;
      case 'moveTo':
        setDialog({ type: 'move', item, under });
        return;
      default:
        setDialog({ type: key, item });
    }
  }, [run]);

  const dragAndDrop = useStructureDragAndDrop({
    data: () => live.current.data,
    runDrop: (command, dragged) => void execute(command, dragged),
    announce: setStatus,
    moveAmongSiblings: ({ item, under }, direction) => {
      const key = direction === 'up' ? 'moveUp' : 'moveDown';
      if (commandsFor(live.current.data, item, under).indexOf(key) >= 0) open(key, item, under);
      else setStatus(direction === 'up' ? strings.StructureAlreadyFirst : strings.StructureAlreadyLast);
    },
  });

  const menuItemsFor = React.useCallback(
    (entry: Pick<TreeEntry, 'key' | 'nodeId'>): IContextualMenuItem[] => {
      const ref = refOfNode(entry.nodeId);
      const current = live.current.data;
      const item = ref ? findItem(current, ref) : null;
      if (!item) return [];
      const under = item.kind === 'action' && item.parentId == null ? objectiveOfEntryKey(entry.key) : null;
      return commandsFor(current, item, under).map((key) => ({
        key,
        text: key === 'addChild' ? addChildText(item) : MENU_TEXT[key],
        iconProps: { iconName: MENU_ICON[key] },
        onClick: () => {
          open(key, item, under);
        },
      }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, open],
  );

  const addTop = React.useCallback((kind: Extract<StructureKind, 'section' | 'strategicObjective'>) => setDialog({ type: 'add', parent: null, kind }), []);

  const value = React.useMemo<StructureEditingValue>(
    () => ({ data, plan, menuItemsFor, addTop, run, openCommand: open, dragAndDrop }),
    [data, plan, menuItemsFor, addTop, run, open, dragAndDrop],
  );

  return (
    <StructureEditingContext.Provider value={value}>
      <div role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {status}
      </div>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={() => setError(null)} dismissButtonAriaLabel={strings.Close}>
          {error}
        </MessageBar>
      )}
      {children}
      {dialog && (
        <React.Suspense fallback={null}>
          <StructureDialog
            request={dialog}
            data={data}
            repository={repository}
            planId={plan.id}
            onDone={(summary) => {
              setDialog(null);
              setStatus(formatMessage(strings.StructureSaved, summary));
              live.current.onChanged();
            }}
            onCancel={() => setDialog(null)}
          />
        </React.Suspense>
      )}
    </StructureEditingContext.Provider>
  );
}

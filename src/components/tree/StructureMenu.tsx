import * as React from 'react';
import { DirectionalHint } from '@fluentui/react';
import { ContextualMenu } from '../ui/LazyPopups';
import * as strings from 'PstStrings';
import { formatMessage } from '../../text/format';
import { useStructureEditing } from '../structure/StructureEditing';
import type { TreeEntry } from './treeModel';
import type { TreeClassNames } from './treeStyles';
import { findItem, refOfNode } from '../structure/structureModel';

function MoreIcon(): JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="3" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="13" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}

/**
 * The structure commands of one tree row, for the coordination: a button opening them (the
 * keyboard reaches the same commands in the row's Shift+F10 menu), and the « Archivé » mark
 * when archived items are shown. Nothing outside a StructureEditingProvider.
 */
export function StructureMenu({ entry, classes }: { entry: TreeEntry; classes: TreeClassNames }): JSX.Element | null {
  const editing = useStructureEditing();
  const [target, setTarget] = React.useState<HTMLElement | null>(null);
  if (!editing) return null;
  const ref = refOfNode(entry.nodeId);
  const item = ref ? findItem(editing.data, ref) : null;
  if (!item) return null;
  const label = entry.code ? `${entry.code} ${entry.title}` : entry.title;
  return (
    <>
      {item.archived && <span className={classes.badge}>{strings.StructureArchivedBadge}</span>}{' '}
      <button
        type="button"
        tabIndex={-1}
        className={classes.copyButton}
        aria-label={formatMessage(strings.StructureMenuFor, label)}
        aria-haspopup="menu"
        title={strings.StructureMenuLabel}
        data-testid="structure-menu"
        onClick={(event) => {
          event.stopPropagation();
          setTarget(event.currentTarget);
        }}
      >
        <MoreIcon />
      </button>
      {target && (
        <ContextualMenu
          target={target}
          items={editing.menuItemsFor(entry)}
          directionalHint={DirectionalHint.bottomLeftEdge}
          onDismiss={() => setTarget(null)}
          onItemClick={() => setTarget(null)}
        />
      )}
    </>
  );
}

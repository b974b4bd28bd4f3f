import * as React from 'react';
import { ObjectiveTree, ObjectiveTreeProps } from '../tree/ObjectiveTree';
import { StructureMenu } from '../tree/StructureMenu';
import type { TreeEntry } from '../tree/treeModel';
import type { TreeClassNames } from '../tree/treeStyles';
import { useStructureEditing } from './StructureEditing';

const renderStructureMenu = (entry: TreeEntry, classes: TreeClassNames): React.ReactNode => <StructureMenu entry={entry} classes={classes} />;

/** The objective tree with the structure commands on each row (menu, Shift+F10, drag and drop), inside a StructureEditingProvider; the plain tree elsewhere. */
export function EditableObjectiveTree(props: ObjectiveTreeProps): JSX.Element {
  const editing = useStructureEditing();
  return (
    <ObjectiveTree
      {...props}
      renderRowMenu={editing ? renderStructureMenu : undefined}
      rowMenuItems={editing ? editing.menuItemsFor : undefined}
      rowDragAndDrop={editing ? editing.dragAndDrop : undefined}
    />
  );
}

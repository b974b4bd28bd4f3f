import * as React from 'react';
import { DefaultButton, Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import { useStructureEditing } from '../../structure/StructureEditing';
import { addChildText, commandsFor, findItem, StructureCommandKey } from '../../structure/structureModel';

const TEXT: Partial<Record<StructureCommandKey, string>> = {
  edit: strings.StructureEdit,
  moveTo: strings.StructureMoveTo,
  link: strings.StructureLink,
  archive: strings.StructureArchive,
  restore: strings.StructureRestore,
};

/**
 * The structure commands of the action shown in the panel (coordination only: nothing
 * outside a StructureEditingProvider): rename, move, link, add a sub-action, archive.
 */
export function StructureActions({ actionId }: { actionId: number }): JSX.Element | null {
  const editing = useStructureEditing();
  if (!editing) return null;
  const item = findItem(editing.data, { kind: 'action', id: actionId });
  if (!item) return null;
  const under = item.parentId == null ? (item.operationalObjectiveIds ?? [])[0] ?? null : null;
  const commands = commandsFor(editing.data, item, under).filter((key) => key in TEXT || key === 'addChild');
  return (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }} role="group" aria-label={strings.StructureMenuLabel} className="pst-no-print">
      <Text variant="mediumPlus" as="h3" style={{ margin: 0 }}>
        {strings.StructureMenuLabel}
      </Text>
      {commands.map((key) => (
        <DefaultButton key={key} text={key === 'addChild' ? addChildText(item) : TEXT[key]} onClick={() => editing.openCommand(key, item, under)} />
      ))}
    </Stack>
  );
}

/**
 * The coordinator's import, in its side panel. Loaded on demand with its panel: the web
 * parts' first download carries neither (see PstApp).
 */
import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react';
import * as strings from 'PstStrings';
import { ImportPstView, ImportPstViewProps } from './ImportPstView';

export interface ImportPanelProps extends ImportPstViewProps {
  readonly onDismiss: () => void;
}

export function ImportPanel({ onDismiss, ...view }: ImportPanelProps): JSX.Element {
  return (
    <Panel isOpen type={PanelType.large} headerText={strings.ImportPst} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss} isLightDismiss={false}>
      <ImportPstView {...view} />
    </Panel>
  );
}

/**
 * « Désigner les chefs de projet », in its side panel. Loaded on demand with its panel, like
 * the import (see PstApp).
 */
import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react';
import * as strings from 'PstStrings';
import { LeadDesignation, LeadDesignationProps } from './LeadDesignation';

export interface LeadDesignationPanelProps extends LeadDesignationProps {
  readonly onDismiss: () => void;
}

export function LeadDesignationPanel({ onDismiss, ...grid }: LeadDesignationPanelProps): JSX.Element {
  return (
    <Panel isOpen type={PanelType.large} headerText={strings.DesignateHeading} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss} isLightDismiss={false}>
      <LeadDesignation {...grid} />
    </Panel>
  );
}

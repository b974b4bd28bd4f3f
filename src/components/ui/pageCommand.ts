import type * as React from 'react';
import type { ICommandBarItemProps } from '@fluentui/react';

/**
 * A command of the page's command bar (shell/PlanCommandBar) and what it shows outside the
 * bar: the bar moves items into its overflow menu as the column narrows, so a command's
 * spinner, error and dialogs cannot live in its button.
 */
export interface PageCommand {
  readonly item: ICommandBarItemProps;
  /** Below the bar: the command's progress, its failure, its open dialog. */
  readonly status: React.ReactNode;
}

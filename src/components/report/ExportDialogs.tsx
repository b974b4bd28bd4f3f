/**
 * The dialogs of « Exporter / publier » (public page, eComptes), loaded when
 * one is first opened (ExportMenu.tsx): their Fluent controls are not on a page's first render.
 */
import * as React from 'react';
import * as strings from 'PstStrings';
import { Checkbox, DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Stack, TextField } from '@fluentui/react';
import { formatMessage } from '../../text/format';

// ---------------------------------------------------------------- public page

export interface PublicChoice {
  readonly comments: boolean;
  readonly emails: boolean;
  readonly checkIns: boolean;
}

export function PublicPageDialog(props: { busy: boolean; onCancel: () => void; onDownload: (options: PublicChoice) => Promise<void> }): JSX.Element {
  const [choice, setChoice] = React.useState<PublicChoice>({ comments: false, emails: false, checkIns: false });
  const toggle = (key: keyof PublicChoice) => (_e?: unknown, checked?: boolean) => setChoice((c) => ({ ...c, [key]: !!checked }));
  return (
    <Dialog hidden={false} onDismiss={props.onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.ExportPublicTitle, subText: strings.ExportPublicIntro }} modalProps={{ isBlocking: props.busy }}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Checkbox label={strings.ExportPublicComments} checked={choice.comments} onChange={toggle('comments')} />
        <Checkbox label={strings.ExportPublicEmails} checked={choice.emails} onChange={toggle('emails')} />
        <Checkbox label={strings.ExportPublicCheckIns} checked={choice.checkIns} onChange={toggle('checkIns')} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={strings.ExportDownload} disabled={props.busy} onClick={() => void props.onDownload(choice)} />
        <DefaultButton text={strings.ExportCancel} disabled={props.busy} onClick={props.onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

// ---------------------------------------------------------------- eComptes

export function EcomptesDialog(props: { busy: boolean; onCancel: () => void; onDownload: (ins: number) => Promise<void> }): JSX.Element {
  const [ins, setIns] = React.useState('');
  const trimmed = ins.trim();
  const invalid = trimmed !== '' && !/^\d{1,9}$/.test(trimmed);
  return (
    <Dialog hidden={false} onDismiss={props.onCancel} dialogContentProps={{ type: DialogType.normal, title: strings.ExportEcomptesTitle, subText: strings.ExportEcomptesIntro }} modalProps={{ isBlocking: props.busy }}>
      <TextField
        label={strings.ExportEcomptesIns}
        value={ins}
        inputMode="numeric"
        onChange={(_e, value) => setIns(value ?? '')}
        errorMessage={invalid ? formatMessage(strings.ExportEcomptesInsInvalid, trimmed) : undefined}
      />
      <DialogFooter>
        <PrimaryButton text={strings.ExportDownload} disabled={props.busy || invalid} onClick={() => void props.onDownload(trimmed === '' ? 0 : Number(trimmed))} />
        <DefaultButton text={strings.ExportCancel} disabled={props.busy} onClick={props.onCancel} />
      </DialogFooter>
    </Dialog>
  );
}

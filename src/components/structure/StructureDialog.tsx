import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import type { StructureCommand } from '../../data/structureEditing';
import { PstError, StructureConflictError } from '../../data/errors';
import {
  archivedWith,
  CodeChange,
  findStructureItem,
  itemsWithCode,
  renumberBranch,
  siblingsOf,
  StructureData,
  StructureItem,
  StructureKind,
  StructureRef,
  suggestChildCode,
} from '../../domain/structure';
import { displayNameOf } from '../../domain/model';
import { formatMessage } from '../../text/format';
import { ConflictNotice } from '../action/save/ConflictNotice';
import type { ConflictRow } from '../action/save/saveModel';
import { saveErrorMessage } from '../action/save/saveModel';
import { itemLabel, itemName, linkTargets, moveTargets } from './structureModel';

export type StructureDialogRequest =
  | { readonly type: 'edit' | 'archive' | 'renumber' | 'link'; readonly item: StructureItem }
  | {
      readonly type: 'move';
      readonly item: StructureItem;
      readonly under: number | null;
      /** The place chosen already (a drop in the tree), and the collision its write met. */
      readonly target?: StructureRef | null;
      readonly conflict?: StructureConflictError;
    }
  | { readonly type: 'add'; readonly parent: StructureItem | null; readonly kind: StructureKind };

export interface StructureDialogProps {
  readonly request: StructureDialogRequest;
  readonly data: StructureData;
  readonly repository: PstRepository;
  readonly planId: number;
  readonly onDone: (summary: string) => void;
  readonly onCancel: () => void;
}

function parentOfNew(request: Extract<StructureDialogRequest, { type: 'add' }>): { parentId: number | null; operationalObjectiveId?: number } {
  const parent = request.parent;
  if (!parent) return { parentId: null };
  if (request.kind === 'action' && parent.kind === 'operationalObjective') return { parentId: null, operationalObjectiveId: parent.id };
  return { parentId: parent.id };
}

/** The codes next to a new item, to propose the next one. */
function siblingCodes(data: StructureData, request: Extract<StructureDialogRequest, { type: 'add' }>): (string | null)[] {
  const place = parentOfNew(request);
  const objectives = place.operationalObjectiveId !== undefined ? [place.operationalObjectiveId] : undefined;
  return siblingsOf(data, { kind: request.kind, parentId: place.parentId, operationalObjectiveIds: objectives }, place.operationalObjectiveId).map((s) => s.code);
}

function dialogTitle(request: StructureDialogRequest): string {
  switch (request.type) {
    case 'add':
      return request.parent ? formatMessage(strings.StructureAddTitle, itemName(request.parent)) : strings.StructureAddTopTitle;
    case 'edit':
      return formatMessage(strings.StructureEditTitle, itemName(request.item));
    case 'move':
      return formatMessage(strings.StructureMoveTitle, itemName(request.item));
    case 'link':
      return formatMessage(strings.StructureLinkTitle, itemName(request.item));
    case 'archive':
      return formatMessage(strings.StructureArchiveTitle, itemName(request.item));
    case 'renumber':
      return formatMessage(strings.StructureRenumberTitle, itemName(request.item));
  }
}

/**
 * The dialog of one structure command (Fluent's Dialog: focus trapped inside, Esc
 * cancels, focus back where it was). What was typed stays through failures; on a
 * collision the stored version is shown next to it and the user chooses.
 */
export function StructureDialog({ request, data, repository, planId, onDone, onCancel }: StructureDialogProps): JSX.Element {
  const editing = request.type === 'edit' ? request.item : null;
  const suggested = React.useMemo(() => (request.type === 'add' ? suggestChildCode(request.parent?.code ?? null, siblingCodes(data, request)) : null), [request, data]);
  const [title, setTitle] = React.useState(editing ? editing.title : '');
  const [code, setCode] = React.useState(editing ? editing.code ?? '' : suggested ?? '');
  const placeKey = (ref: { kind: string; id: number } | null): string => (ref ? `${ref.kind}:${ref.id}` : 'top');
  const dropped = request.type === 'move' ? request : null;
  const [target, setTarget] = React.useState<string | null>(dropped && dropped.target !== undefined ? placeKey(dropped.target) : null);
  const [seen, setSeen] = React.useState<StructureItem | null>(request.type === 'add' ? null : request.item);
  const [conflict, setConflict] = React.useState<StructureConflictError | null>(dropped?.conflict ?? null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  const places = React.useMemo(
    () => (request.type === 'move' ? moveTargets(data, request.item, request.under) : request.type === 'link' ? linkTargets(data, request.item) : []),
    [request, data],
  );
  const renumbering: CodeChange[] = React.useMemo(() => (request.type === 'renumber' ? renumberBranch(data, request.item) : []), [request, data]);
  const hidden = request.type === 'archive' ? archivedWith(data, request.item) : 0;

  const kind: StructureKind = request.type === 'add' ? request.kind : request.item.kind;
  const duplicates = request.type === 'add' || request.type === 'edit' ? itemsWithCode(data, kind, code, editing?.id) : [];

  const command = (on: StructureItem | null): StructureCommand | null => {
    switch (request.type) {
      case 'add':
        if (title.trim() === '') return null;
        return { type: 'add', item: { kind: request.kind, title, code: code.trim() === '' ? null : code, ...parentOfNew(request) } };
      case 'edit':
        if (title.trim() === '') return null;
        return { type: 'edit', seen: on!, changes: { title, code: code.trim() === '' ? null : code } };
      case 'move': {
        const place = places.find((p) => placeKey(p.ref) === (target ?? placeKey(places[0]?.ref ?? null)));
        if (!place) return null;
        return { type: 'move', seen: on!, target: place.ref, fromObjectiveId: request.under ?? undefined };
      }
      case 'link': {
        const place = places.find((p) => placeKey(p.ref) === (target ?? placeKey(places[0]?.ref ?? null)));
        if (!place || !place.ref) return null;
        return { type: 'link', seen: on!, objectiveId: place.ref.id };
      }
      case 'archive':
        return { type: 'archive', seen: on! };
      case 'renumber':
        return renumbering.length > 0 ? { type: 'renumber', root: on!, changes: renumbering } : null;
    }
  };

  /** Saves on `on`: the version shown, or the stored one to keep what was typed over it. */
  const save = async (on: StructureItem | null = seen): Promise<void> => {
    setProblem(null);
    if ((request.type === 'add' || request.type === 'edit') && title.trim() === '') {
      setProblem(strings.StructureTitleRequired);
      return;
    }
    const next = command(on);
    if (!next) return;
    setBusy(true);
    try {
      const result = await repository.structure.apply(planId, next);
      setConflict(null);
      onDone(result.summary);
    } catch (failure) {
      const translated = PstError.from(failure);
      if (translated instanceof StructureConflictError) setConflict(translated);
      else setProblem(translated.kind === 'invalidRequest' ? translated.message : saveErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const conflictRows = (stored: StructureItem): ConflictRow[] => {
    const rows: ConflictRow[] = [];
    const mine = { title, code: code.trim() === '' ? null : code };
    if (request.type === 'edit') {
      if (stored.title !== mine.title) rows.push({ label: strings.StructureTitleLabel, mine: mine.title, theirs: stored.title });
      if ((stored.code ?? null) !== mine.code) rows.push({ label: strings.StructureCodeLabel, mine: mine.code ?? strings.StructureNoCode, theirs: stored.code ?? strings.StructureNoCode });
      return rows;
    }
    const before = seen!;
    const show = (item: StructureItem, field: 'title' | 'code' | 'archived' | 'parentId' | 'order'): string => {
      const value = item[field];
      if (field === 'archived') return value ? strings.StructureYes : strings.StructureNo;
      if (field === 'parentId') return value == null ? '–' : itemLabel(findStructureItem(data, { kind: item.kind === 'action' ? 'action' : item.kind === 'operationalObjective' ? 'strategicObjective' : 'section', id: value as number }) ?? { code: null, title: String(value) });
      return value == null || value === '' ? strings.StructureNoCode : String(value);
    };
    const labels = { title: strings.StructureTitleLabel, code: strings.StructureCodeLabel, archived: strings.StructureFieldArchived, parentId: strings.StructureFieldParent, order: strings.StructureFieldOrder } as const;
    for (const field of ['title', 'code', 'archived', 'parentId', 'order'] as const) {
      if (JSON.stringify(before[field] ?? null) !== JSON.stringify(stored[field] ?? null)) rows.push({ label: labels[field], mine: show(before, field), theirs: show(stored, field) });
    }
    if (JSON.stringify(before.operationalObjectiveIds ?? []) !== JSON.stringify(stored.operationalObjectiveIds ?? [])) {
      const names = (ids: readonly number[] | undefined) => (ids ?? []).map((id) => itemLabel(data.operationalObjectives.find((o) => o.id === id) ?? { code: null, title: String(id) })).join(' ; ');
      rows.push({ label: strings.StructureFieldObjectives, mine: names(before.operationalObjectiveIds), theirs: names(stored.operationalObjectiveIds) });
    }
    return rows;
  };

  const conflictText = conflict
    ? conflict.modifiedBy
      ? formatMessage(strings.StructureConflict, displayNameOf(conflict.modifiedBy))
      : strings.StructureConflictSomeone
    : '';

  const confirmText = request.type === 'archive' ? strings.StructureArchive.replace(/…$/, '') : request.type === 'renumber' ? strings.StructureConfirm : strings.StructureSave;
  const nothingToDo = (request.type === 'renumber' && renumbering.length === 0) || ((request.type === 'move' || request.type === 'link') && places.length === 0);

  return (
    <Dialog
      hidden={false}
      onDismiss={onCancel}
      dialogContentProps={{ type: DialogType.normal, title: dialogTitle(request) }}
      modalProps={{ isBlocking: true, isAlert: false }}
      minWidth={420}
      maxWidth={640}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack tokens={{ childrenGap: 10 }}>
          {(request.type === 'add' || request.type === 'edit') && (
            <>
              <TextField label={strings.StructureTitleLabel} value={title} onChange={(_e, v) => setTitle(v ?? '')} required autoFocus maxLength={255} errorMessage={problem === strings.StructureTitleRequired ? problem : undefined} />
              <TextField
                label={strings.StructureCodeLabel}
                value={code}
                onChange={(_e, v) => setCode(v ?? '')}
                maxLength={50}
                description={request.type === 'add' && suggested ? formatMessage(strings.StructureCodeSuggested, suggested) : undefined}
              />
              {duplicates.length > 0 && (
                <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                  {formatMessage(strings.StructureDuplicateCode, code.trim(), duplicates.map(itemName).join(', '))}
                </MessageBar>
              )}
            </>
          )}
          {(request.type === 'move' || request.type === 'link') &&
            (places.length === 0 ? (
              <Text>{strings.StructureMoveNone}</Text>
            ) : (
              <Dropdown
                label={request.type === 'move' ? strings.StructureMoveTarget : strings.StructureLinkTarget}
                options={places.map((p) => ({ key: placeKey(p.ref), text: p.label }))}
                selectedKey={target ?? placeKey(places[0].ref)}
                onChange={(_e, option) => option && setTarget(String(option.key))}
              />
            ))}
          {request.type === 'archive' && <Text block>{formatMessage(strings.StructureArchiveText, String(hidden))}</Text>}
          {request.type === 'renumber' &&
            (renumbering.length === 0 ? (
              <Text>{strings.StructureRenumberNothing}</Text>
            ) : (
              <ul aria-label={strings.StructureRenumber} style={{ maxHeight: 240, overflowY: 'auto', margin: 0 }}>
                {renumbering.map((change) => {
                  const item = findStructureItem(data, change.ref);
                  return (
                    <li key={`${change.ref.kind}-${change.ref.id}`}>
                      {formatMessage(strings.StructureRenumberChange, change.before ?? strings.StructureNoCode, change.after ?? strings.StructureNoCode)} {item ? item.title : ''}
                    </li>
                  );
                })}
              </ul>
            ))}
          {problem && problem !== strings.StructureTitleRequired && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              {problem}
            </MessageBar>
          )}
          {conflict && (
            <ConflictNotice
              message={conflictText}
              rows={conflictRows(conflict.current)}
              busy={busy}
              onKeepMine={() => {
                // Save again over the stored version, with what was typed.
                setSeen(conflict.current);
                void save(conflict.current);
              }}
              onTakeTheirs={() => {
                setSeen(conflict.current);
                if (request.type === 'edit') {
                  setTitle(conflict.current.title);
                  setCode(conflict.current.code ?? '');
                }
                setConflict(null);
              }}
            />
          )}
        </Stack>
        <DialogFooter>
          <PrimaryButton type="submit" text={confirmText} disabled={busy || nothingToDo || !!conflict} />
          <DefaultButton text={strings.StructureCancel} onClick={onCancel} disabled={busy} />
        </DialogFooter>
      </form>
    </Dialog>
  );
}

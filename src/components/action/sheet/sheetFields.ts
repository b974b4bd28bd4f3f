/**
 * The fields of the action sheet form, each described once in SHEET_FIELDS: its label, its
 * group on screen, its input, how the action's value is shown in the form, how what the
 * user typed is read back, and which validation remarks are its own. The focus order, the
 * groups, the form ⇄ action mapping and the conflict comparison all derive from it.
 */
import * as strings from 'PstStrings';
import type { ActionChanges } from '../../../data/PstRepository';
import type { Action, ActionResources } from '../../../domain/model';
import { formatNumber, isParseError, parsePeriod } from '../../../domain/parsing';
import type { ValidationIssue } from '../../../domain/validation';
import type { Lang } from '../../../domain/vocabularies';
import { isActionStatus, isHealth, isPriority } from '../../../domain/vocabularies';
import { plainTextToHtml, richTextToPlainText } from '../../../text/richText';
import {
  Reading,
  healthOptions,
  parseErrorMessage,
  priorityOptions,
  readLines,
  readPercent,
  readSdgs,
  statusOptions,
} from '../panelModel';
import type { ConflictRow } from '../save/saveModel';

// ---------------------------------------------------------------- the descriptor

/** The fieldsets of the form, in screen order. */
export type SheetGroup = 'heading' | 'description' | 'steering' | 'resources';

export interface ChoiceOption {
  readonly key: string;
  readonly text: string;
}

/** How the field is typed in: one line, several lines, or a choice ('' = none). */
export type SheetInput =
  | { readonly kind: 'text'; readonly hint?: () => string; readonly required?: boolean }
  | { readonly kind: 'multiline'; readonly hint?: () => string }
  | { readonly kind: 'choice'; readonly options: (lang: Lang) => readonly ChoiceOption[] };

/** What one field writes: on the action, and on its resources (completed from the stored ones). */
export interface SheetWrite {
  readonly changes?: ActionChanges;
  readonly resources?: Partial<ActionResources>;
}

export interface SheetFieldDescriptor<K extends string = string> {
  readonly key: K;
  readonly label: () => string;
  readonly group: SheetGroup;
  readonly input: SheetInput;
  /** The action's value as the form field holds it. */
  readonly format: (action: Action) => string;
  /** What the text typed changes on the action, or why it cannot be read. */
  readonly read: (text: string, lang: Lang) => Reading<SheetWrite>;
  /** Validation remarks about other paths that belong next to this field (its own key always does). */
  readonly ownsIssue?: (issueField: string) => boolean;
}

// ---------------------------------------------------------------- ways of holding a value

const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const numberText = (value: number | null | undefined): string => (value == null ? '' : formatNumber(value, { maxDecimals: 2 }));
const write = (changes: ActionChanges): Reading<SheetWrite> => ({ value: { changes } });
const writeResources = (resources: Partial<ActionResources>): Reading<SheetWrite> => ({ value: { resources } });

type Keys<V> = { [K in keyof Action]-?: Action[K] extends V ? K : never }[keyof Action];

/** A text kept as typed (trimmed); empty → null. */
const plainText = (key: Keys<string | null>) => ({
  format: (action: Action): string => action[key] ?? '',
  read: (text: string) => write({ [key]: textOrNull(text) }),
});

/** Rich text, edited as plain text (paragraphs, « - » bullets) and stored as HTML. */
const richText = (key: 'description' | 'context' | 'steps') => ({
  format: (action: Action): string => richTextToPlainText(action[key]),
  read: (text: string) => write({ [key]: text.trim() === '' ? null : plainTextToHtml(text) }),
});

/** A list, one item per line (leading bullets dropped). */
const lines = (key: Keys<string[]>) => ({
  format: (action: Action): string => action[key].join('\n'),
  read: (text: string) => write({ [key]: readLines(text) }),
});

/** A date or period as written (« 09/2024 », « Fin de législature »), read when possible. */
const period = (key: 'plannedStart' | 'plannedEnd') => {
  const textKey = key === 'plannedStart' ? 'plannedStartText' : 'plannedEndText';
  return {
    format: (action: Action): string => action[textKey] ?? action[key]?.text ?? '',
    read: (text: string, lang: Lang): Reading<SheetWrite> => {
      const value = parsePeriod(text);
      if (isParseError(value)) return { error: parseErrorMessage(value, lang) };
      return write({ [key]: value, [textKey]: value ? value.text : null });
    },
  };
};

/** A choice of a vocabulary: anything but one of its codes means « none ». */
const choice = <T extends string>(key: 'priority' | 'health', is: (value: unknown) => value is T) => ({
  format: (action: Action): string => action[key] ?? '',
  read: (text: string) => write({ [key]: is(text) ? text : null }),
});

const dateHint = (): string => strings.EditDateHint;
const richTextHint = (): string => strings.EditRichTextHint;
const onePerLine = (): string => strings.EditOnePerLine;

const field = <K extends string>(descriptor: SheetFieldDescriptor<K>): SheetFieldDescriptor<K> => descriptor;

// ---------------------------------------------------------------- the fields, in focus order

export const SHEET_FIELDS = [
  field({
    key: 'title',
    label: () => strings.FieldTitle,
    group: 'heading',
    input: { kind: 'text', required: true },
    format: (action) => action.title,
    read: (text) => write({ title: text.trim() }),
  }),
  field({ key: 'code', label: () => strings.FieldCode, group: 'heading', input: { kind: 'text' }, ...plainText('code') }),
  field({ key: 'plannedStart', label: () => strings.FieldPlannedStart, group: 'heading', input: { kind: 'text', hint: dateHint }, ...period('plannedStart') }),
  field({ key: 'plannedEnd', label: () => strings.FieldPlannedEnd, group: 'heading', input: { kind: 'text', hint: dateHint }, ...period('plannedEnd') }),
  field({ key: 'department', label: () => strings.FieldDepartment, group: 'heading', input: { kind: 'text' }, ...plainText('department') }),
  field({
    key: 'priority',
    label: () => strings.FieldPriority,
    group: 'heading',
    input: { kind: 'choice', options: priorityOptions },
    ...choice('priority', isPriority),
  }),
  field({
    key: 'status',
    label: () => strings.PanelStatus,
    group: 'heading',
    input: { kind: 'choice', options: statusOptions },
    format: (action) => action.status ?? '',
    // The state as written in the imported document no longer describes the action.
    read: (text) => write({ status: isActionStatus(text) ? text : null, statusText: null }),
  }),
  field({
    key: 'progressPercent',
    label: () => strings.CheckInPercent,
    group: 'heading',
    input: { kind: 'text', hint: () => strings.CheckInPercentHint },
    format: (action) => numberText(action.progressPercent),
    read: (text) => {
      const reading = readPercent(text);
      // Likewise the progress as written.
      return 'error' in reading ? reading : write({ progressPercent: reading.value, progressText: null });
    },
  }),
  field({ key: 'health', label: () => strings.PanelHealth, group: 'heading', input: { kind: 'choice', options: healthOptions }, ...choice('health', isHealth) }),

  field({ key: 'description', label: () => strings.FieldDescription, group: 'description', input: { kind: 'multiline', hint: richTextHint }, ...richText('description') }),
  field({ key: 'context', label: () => strings.FieldContext, group: 'description', input: { kind: 'multiline', hint: richTextHint }, ...richText('context') }),
  field({ key: 'steps', label: () => strings.FieldSteps, group: 'description', input: { kind: 'multiline', hint: richTextHint }, ...richText('steps') }),
  field({
    key: 'servicesInvolved',
    label: () => strings.FieldServicesInvolved,
    group: 'description',
    input: { kind: 'multiline', hint: onePerLine },
    ...lines('servicesInvolved'),
  }),
  field({ key: 'partners', label: () => strings.FieldPartners, group: 'description', input: { kind: 'multiline', hint: onePerLine }, ...lines('partners') }),
  field({ key: 'risks', label: () => strings.FieldRisks, group: 'description', input: { kind: 'multiline', hint: onePerLine }, ...lines('risks') }),
  field({ key: 'deliverables', label: () => strings.FieldDeliverables, group: 'description', input: { kind: 'multiline' }, ...plainText('deliverables') }),

  field({ key: 'labels', label: () => strings.FieldLabels, group: 'steering', input: { kind: 'multiline', hint: onePerLine }, ...lines('labels') }),
  field({
    key: 'sdgs',
    label: () => strings.FieldSdgs,
    group: 'steering',
    input: { kind: 'text', hint: () => strings.EditSdgsHint },
    format: (action) => action.sdgs.join(', '),
    read: (text) => {
      const reading = readSdgs(text);
      return 'error' in reading ? reading : write({ sdgs: reading.value });
    },
    ownsIssue: (issueField) => issueField.startsWith('sdgs'),
  }),
  field({ key: 'policyObjective', label: () => strings.FieldPolicyObjective, group: 'steering', input: { kind: 'multiline' }, ...plainText('policyObjective') }),
  field({ key: 'synergies', label: () => strings.FieldSynergies, group: 'steering', input: { kind: 'multiline' }, ...plainText('synergies') }),

  // Budget and ETP are the means lines, edited apart (MeansLines): the sheet keeps the text as written.
  field({
    key: 'resourcesText',
    label: () => strings.FieldResourcesText,
    group: 'resources',
    input: { kind: 'multiline' },
    format: (action) => action.resources.text ?? '',
    read: (text) => writeResources({ text: textOrNull(text) }),
  }),
  field({ key: 'comments', label: () => strings.FieldComments, group: 'resources', input: { kind: 'multiline' }, ...plainText('comments') }),
] as const;

export type SheetField = (typeof SHEET_FIELDS)[number]['key'];

/** What the form fields hold: text, or the code of a choice ('' = none). */
export type SheetValues = { [F in SheetField]: string };

/** The fieldsets' titles, in screen order (the fields of each come in SHEET_FIELDS order). */
export const SHEET_GROUPS: readonly { readonly key: SheetGroup; readonly title: () => string }[] = [
  { key: 'heading', title: () => strings.PanelHeading },
  { key: 'description', title: () => strings.PanelSectionDescription },
  { key: 'steering', title: () => strings.PanelSectionSteering },
  { key: 'resources', title: () => strings.PanelSectionResources },
];

// ---------------------------------------------------------------- views derived from the table

const BY_KEY = new Map<string, SheetFieldDescriptor<SheetField>>(SHEET_FIELDS.map((d) => [d.key, d]));

export function sheetField(key: SheetField): SheetFieldDescriptor<SheetField> {
  return BY_KEY.get(key) as SheetFieldDescriptor<SheetField>;
}

export function sheetFieldsOfGroup(group: SheetGroup): SheetField[] {
  return SHEET_FIELDS.filter((d) => d.group === group).map((d) => d.key);
}

export function sheetValuesOf(action: Action): SheetValues {
  const values = {} as { [F in SheetField]: string };
  for (const descriptor of SHEET_FIELDS) values[descriptor.key] = descriptor.format(action);
  return values;
}

export interface SheetReading {
  /** Only the fields the user changed (compared with `base`). */
  readonly changes: ActionChanges;
  /** Messages of what could not be read, per field. */
  readonly errors: Partial<Record<SheetField, string>>;
}

/**
 * The changes the form holds compared with `base` (the version the user started from).
 * `target` is the version the changes will be written on (after a conflict, the newer
 * one): the resources object is completed from it so that fields the user did not touch
 * keep the other person's values.
 */
export function readSheet(values: SheetValues, base: Action, lang: Lang, target: Action = base): SheetReading {
  const initial = sheetValuesOf(base);
  const changes: { -readonly [K in keyof ActionChanges]: ActionChanges[K] } = {};
  const errors: Partial<Record<SheetField, string>> = {};
  const resources: Partial<ActionResources> = {};
  for (const descriptor of SHEET_FIELDS) {
    const text = values[descriptor.key];
    if (text === initial[descriptor.key]) continue;
    const reading = descriptor.read(text, lang);
    if ('error' in reading) {
      errors[descriptor.key] = reading.error;
      continue;
    }
    Object.assign(changes, reading.value.changes);
    Object.assign(resources, reading.value.resources);
  }
  // The lines are saved apart (saveMeansLines): only the text travels with the sheet.
  if (Object.keys(resources).length > 0) changes.resources = { text: target.resources.text, ...resources };
  return { changes, errors };
}

/** The form field a validation issue is about, when the form has it. */
export function sheetFieldOfIssue(issue: ValidationIssue): SheetField | null {
  const owner = SHEET_FIELDS.find((d) => d.ownsIssue?.(issue.field)) ?? BY_KEY.get(issue.field);
  return owner ? owner.key : null;
}

/** A form value as the user reads it: labels for choices, "(vide)" for nothing. */
export function sheetValueText(key: SheetField, value: string, lang: Lang): string {
  if (value.trim() === '') return strings.ConflictEmpty;
  const input = sheetField(key).input;
  if (input.kind === 'choice') return input.options(lang).find((o) => o.key === value)?.text ?? value;
  return value;
}

/** Form values of the sheet that differ from the version now stored. */
export function sheetConflictRows(values: SheetValues, current: Action, lang: Lang): ConflictRow[] {
  const theirs = sheetValuesOf(current);
  return SHEET_FIELDS.filter((d) => normalizeForComparison(values[d.key]) !== normalizeForComparison(theirs[d.key])).map((d) => ({
    label: d.label(),
    mine: sheetValueText(d.key, values[d.key], lang),
    theirs: sheetValueText(d.key, theirs[d.key], lang),
  }));
}

function normalizeForComparison(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

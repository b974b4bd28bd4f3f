/**
 * The frozen snapshots of the plan (domain/evaluation.ts) in the list « PST – Évaluations »:
 * written once (a snapshot is never edited: taking it again the same day replaces it),
 * listed, read back whole. A snapshot's JSON is cut into parts (`SNAPSHOT_PART_LENGTH`),
 * one item each, found by the indexed key and put back in order.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IsoDate } from '../domain/model';
import type { EvaluationAssessments, EvaluationKind, FrozenPlan } from '../domain/evaluation';
import { isEvaluationKind, NO_ASSESSMENTS, parseAssessments, parseFrozenPlan, serializeAssessments } from '../domain/evaluation';
import { MAX_BATCH_REQUESTS, MAX_NOTE_LENGTH, MAX_PAGE_SIZE, MAX_TITLE_LENGTH, SNAPSHOT_PART_LENGTH } from '../domain/limits';
import { evaluationAssessmentsList, evaluationsList } from '../schema/listSchema';
import { AssessmentsConflictError, httpStatusOf, InvalidRequestError } from './errors';
import type { StoredAssessments } from './evaluationAssessments';
import { dayFromSharePoint, dayToSharePoint } from '../schema/mapping';
import { listUrl } from './sharePointPaths';
import { batched, noMetadata } from './requests';

export interface StoredSnapshot {
  readonly key: string;
  readonly label: string;
  readonly kind: EvaluationKind;
  readonly takenOn: IsoDate;
  readonly planId: number | null;
}

/** What the PstRepository port offers of the archive (the evaluation dialog's needs). */
export interface EvaluationArchive {
  save(snapshot: FrozenPlan): Promise<StoredSnapshot>;
  snapshots(): Promise<StoredSnapshot[]>;
  load(key: string): Promise<FrozenPlan>;
  /** The assessments written for an evaluation (`evaluationKey`); empty, at no version, when none are. */
  assessments(evaluationKey: string): Promise<StoredAssessments>;
  /**
   * Saves the assessments if they are still at `etag` (null: none were stored), else throws
   * AssessmentsConflictError carrying the stored version; returns the version now stored.
   */
  saveAssessments(evaluation: { key: string; label: string; planId: number }, assessments: EvaluationAssessments, etag: string | null): Promise<StoredAssessments>;
}

const f = evaluationsList.fields;
const a = evaluationAssessmentsList.fields;

interface AssessmentItem {
  readonly Id: number;
  readonly [field: string]: unknown;
}

function etagOf(item: AssessmentItem): string | null {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : null;
}

/** Cuts a text in parts of at most `length` UTF-16 units, never inside a surrogate pair. */
export function cutInParts(text: string, length: number = SNAPSHOT_PART_LENGTH): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.length > 0 ? parts : [''];
}

const escapeOData = (value: string): string => value.replace(/'/g, "''");

export class SharePointSnapshotArchive implements EvaluationArchive {
  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
  ) {}

  private list(sp: SPFI = this.sp) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, evaluationsList));
  }

  private async partIds(key: string): Promise<number[]> {
    const items = (await this.list().items.select('Id').filter(`${f.snapshotKey.internalName} eq '${escapeOData(key)}'`).top(MAX_PAGE_SIZE).using(noMetadata())()) as { Id: number }[];
    return items.map((i) => i.Id);
  }

  /** Stores a snapshot (replacing one of the same key: the same plan, day and kind). */
  async save(snapshot: FrozenPlan): Promise<StoredSnapshot> {
    const previous = await this.partIds(snapshot.key);
    const parts = cutInParts(JSON.stringify(snapshot));
    for (let start = 0; start < parts.length; start += MAX_BATCH_REQUESTS) {
      const [batchedSp, execute] = batched(this.sp);
      const pending = Promise.all(
        parts.slice(start, start + MAX_BATCH_REQUESTS).map((content, i) =>
          this.list(batchedSp).items.add({
            [f.title.internalName]: snapshot.label.slice(0, 255),
            [f.snapshotKey.internalName]: snapshot.key,
            [f.takenOn.internalName]: dayToSharePoint(snapshot.takenOn),
            [f.kind.internalName]: snapshot.kind,
            [f.planId.internalName]: snapshot.plan.id,
            [f.part.internalName]: start + i,
            [f.parts.internalName]: parts.length,
            [f.content.internalName]: content,
          }),
        ),
      );
      pending.catch(() => undefined);
      await execute();
      await pending;
    }
    // The new parts are written before the old ones go: a failure leaves one whole snapshot.
    for (const id of previous) await this.list().items.getById(id).delete();
    return { key: snapshot.key, label: snapshot.label, kind: snapshot.kind, takenOn: snapshot.takenOn, planId: snapshot.plan.id };
  }

  /** The snapshots of the site, oldest first (one entry per snapshot: its first part). */
  async snapshots(): Promise<StoredSnapshot[]> {
    const items = (await this.list()
      .items.select(f.title.internalName, f.snapshotKey.internalName, f.takenOn.internalName, f.kind.internalName, f.planId.internalName)
      .filter(`${f.part.internalName} eq 0`)
      .top(MAX_PAGE_SIZE)
      .using(noMetadata())()) as Record<string, unknown>[];
    return items
      .map((item) => {
        const kind = item[f.kind.internalName];
        return {
          key: String(item[f.snapshotKey.internalName]),
          label: String(item[f.title.internalName] ?? ''),
          kind: isEvaluationKind(kind) ? kind : 'autre',
          takenOn: dayFromSharePoint(item[f.takenOn.internalName]) ?? '',
          planId: typeof item[f.planId.internalName] === 'number' ? (item[f.planId.internalName] as number) : null,
        } as StoredSnapshot;
      })
      .sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : a.key.localeCompare(b.key)));
  }

  /** A snapshot read back whole; a French error when it is missing or incomplete. */
  async load(key: string): Promise<FrozenPlan> {
    const items = (await this.list()
      .items.select(f.part.internalName, f.parts.internalName, f.content.internalName)
      .filter(`${f.snapshotKey.internalName} eq '${escapeOData(key)}'`)
      .top(MAX_PAGE_SIZE)
      .using(noMetadata())()) as Record<string, unknown>[];
    if (items.length === 0) throw new Error(`Aucun cliché « ${key} » dans ${evaluationsList.title.fr}.`);
    const parts = items.map((i) => ({ part: Number(i[f.part.internalName]), of: Number(i[f.parts.internalName]), content: String(i[f.content.internalName] ?? '') })).sort((a, b) => a.part - b.part);
    const expected = parts[0].of;
    if (parts.length !== expected || parts.some((p, i) => p.part !== i)) throw new Error(`Le cliché « ${key} » est incomplet (${parts.length} partie(s) sur ${expected}).`);
    return parseFrozenPlan(parts.map((p) => p.content).join(''));
  }

  private assessmentsList() {
    return this.sp.web.getList(listUrl(this.webServerRelativeUrl, evaluationAssessmentsList));
  }

  /** The items of an evaluation, oldest first (two only when two coordinators created it at once). */
  private async assessmentItems(key: string): Promise<AssessmentItem[]> {
    return (await this.assessmentsList()
      .items.select('Id', a.content.internalName, a.modified.internalName, 'Editor/Title')
      .expand('Editor')
      .filter(`${a.evaluationKey.internalName} eq '${escapeOData(key)}'`)
      .orderBy('Id', true)
      .top(MAX_PAGE_SIZE)()) as AssessmentItem[];
  }

  private storedOf(key: string, item: AssessmentItem | undefined): StoredAssessments {
    if (!item) return { key, assessments: NO_ASSESSMENTS, etag: null, modifiedBy: null, modified: null };
    const content = item[a.content.internalName];
    const editor = item.Editor as { Title?: string } | undefined;
    return {
      key,
      assessments: typeof content === 'string' && content.trim() ? parseAssessments(content) : NO_ASSESSMENTS,
      etag: etagOf(item),
      modifiedBy: editor?.Title ?? null,
      modified: typeof item[a.modified.internalName] === 'string' ? (item[a.modified.internalName] as string) : null,
    };
  }

  async assessments(evaluationKey: string): Promise<StoredAssessments> {
    return this.storedOf(evaluationKey, (await this.assessmentItems(evaluationKey))[0]);
  }

  async saveAssessments(evaluation: { key: string; label: string; planId: number }, assessments: EvaluationAssessments, etag: string | null): Promise<StoredAssessments> {
    const content = serializeAssessments(assessments);
    if (content.length > MAX_NOTE_LENGTH) {
      throw new InvalidRequestError(`Les appréciations sont trop longues pour SharePoint (${content.length} caractères, ${MAX_NOTE_LENGTH} au plus) : raccourcissez-en une.`);
    }
    const values = { [a.title.internalName]: evaluation.label.slice(0, MAX_TITLE_LENGTH), [a.planId.internalName]: evaluation.planId, [a.content.internalName]: content };
    const existing = (await this.assessmentItems(evaluation.key))[0];
    if (existing) {
      if (etag === null) throw new AssessmentsConflictError(this.storedOf(evaluation.key, existing));
      try {
        await this.assessmentsList().items.getById(existing.Id).update(values, etag);
      } catch (error) {
        if (httpStatusOf(error) === 412) throw new AssessmentsConflictError(await this.assessments(evaluation.key));
        throw error;
      }
      return this.assessments(evaluation.key);
    }
    if (etag !== null) throw new AssessmentsConflictError(this.storedOf(evaluation.key, undefined));
    const added = (await this.assessmentsList().items.add({ ...values, [a.evaluationKey.internalName]: evaluation.key })) as { Id?: number; data?: { Id: number } };
    const addedId = added.Id ?? added.data?.Id;
    // Two first saves at once: the earlier item stays, the later one goes and its writer sees the conflict.
    const items = await this.assessmentItems(evaluation.key);
    if (items.length > 1 && items[0].Id !== addedId) {
      if (addedId !== undefined) await this.assessmentsList().items.getById(addedId).delete();
      throw new AssessmentsConflictError(this.storedOf(evaluation.key, items[0]));
    }
    return this.storedOf(evaluation.key, items[0]);
  }
}

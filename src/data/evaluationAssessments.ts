import type { EvaluationAssessments } from '../domain/evaluation';

/** An evaluation's assessments as stored in « PST – Évaluations (appréciations) », with the version they are at. */
export interface StoredAssessments {
  /** The evaluation (domain/evaluation.ts `evaluationKey`). */
  readonly key: string;
  readonly assessments: EvaluationAssessments;
  /** The item's ETag, to save over this version only; null while nothing is stored. */
  readonly etag: string | null;
  readonly modifiedBy: string | null;
  /** ISO date-time of the last save. */
  readonly modified: string | null;
}

/**
 * "Désigner les chefs de projet" (issue 13, point 2): every action of a person becomes theirs
 * in one go, through what naming one lead already does (`assignLead`: the lead saved, the
 * action's check-in folder and progress item given, the leads group joined; crash-safe).
 * An action already theirs is left as is, so running it again after a partial failure only
 * does what is left; each person's outcome is reported apart.
 */
import type { Person } from '../domain/model';
import { ConflictError } from './errors';
import type { LeadDesignation, LeadDesignationResult, PstRepository } from './PstRepository';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const sameAccount = (a: Person | null | undefined, b: Person): boolean => !!a?.email && !!b.email && a.id !== undefined && a.email.toLowerCase() === b.email.toLowerCase();

export async function designateLeads(
  repository: Pick<PstRepository, 'loadActionDetails' | 'assignLead'>,
  designations: readonly LeadDesignation[],
  onProgress?: (done: number, total: number) => void,
): Promise<LeadDesignationResult[]> {
  const results: LeadDesignationResult[] = [];
  for (const designation of designations) {
    let lead = designation.lead;
    const assigned: number[] = [];
    const unchanged: number[] = [];
    const failed: { actionId: number; message: string }[] = [];
    const permissionErrors: string[] = [];
    for (const actionId of designation.actionIds) {
      try {
        let details = await repository.loadActionDetails(actionId);
        if (sameAccount(details.action.projectLead, lead)) {
          unchanged.push(actionId);
          continue;
        }
        let result;
        try {
          result = await repository.assignLead(actionId, lead, details.etag);
        } catch (error) {
          // Someone saved the action in between: only the lead changes, so once more on the stored version.
          if (!(error instanceof ConflictError)) throw error;
          details = error.current;
          result = await repository.assignLead(actionId, lead, details.etag);
        }
        lead = result.lead;
        assigned.push(actionId);
        if (result.permissionError && permissionErrors.indexOf(result.permissionError) < 0) permissionErrors.push(result.permissionError);
      } catch (error) {
        failed.push({ actionId, message: errorText(error) });
      }
    }
    results.push({ lead, assigned, unchanged, failed, permissionErrors });
    onProgress?.(results.length, designations.length);
  }
  return results;
}

/** What a check-in does to its action: the one rule the repository and the panel share. */
import type { Action, CheckIn } from './model';

/** The part of a check-in that speaks about the action (id, author and comment do not). */
export type CheckInReport = Pick<CheckIn, 'date' | 'status' | 'percent' | 'health'>;

/** The fields of the action a check-in sets. */
export type CheckInEffect = Pick<Action, 'status' | 'progressPercent' | 'health' | 'lastCheckInDate'>;

/** The action takes the check-in's status, percent and health, and its date as the last check-in. */
export function checkInEffect(checkIn: CheckInReport): CheckInEffect {
  return {
    status: checkIn.status,
    progressPercent: checkIn.percent,
    health: checkIn.health,
    lastCheckInDate: checkIn.date,
  };
}

/** The action as it stands once the check-in is recorded. */
export function actionAfterCheckIn<A extends Action>(action: A, checkIn: CheckInReport): A {
  return { ...action, ...checkInEffect(checkIn) };
}

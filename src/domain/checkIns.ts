/** What a check-in does to its action: the one rule the repository and the panel share. */
import type { Action, CheckIn, IsoDate, Person } from './model';
import { daysBetween, isValidIsoDate } from './model';
import { formatDate, formatNumber } from './parsing';
import { healthLabel, Health, Lang } from './vocabularies';

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

// ---------------------------------------------------------------- guardrails (issue 13, point 6)

/** A check-in as typed, before it is saved. */
export type CheckInDraft = CheckInReport & Pick<CheckIn, 'comment'>;

/**
 * A rule a check-in must pass. `refused`: it cannot be saved as typed (the form offers the
 * fix, the repository refuses it too); `question`: it is saved once the user confirms.
 */
export interface CheckInGuardrail {
  readonly code: 'done.not100' | 'reason.required' | 'date.beforeStart';
  readonly field: 'percent' | 'comment' | 'date';
  readonly severity: 'refused' | 'question';
  readonly message: string;
}

/** The healths that must be explained: the steering committee acts on them. */
export const HEALTHS_NEEDING_A_REASON: readonly Health[] = ['blocage', 'risque'];

/**
 * "Terminé" only at 100 % (the form's confirmation sets it), "Bloqué" and "À risque" with
 * a reason (the comment), and a date before the action's planned start questioned.
 */
export function checkInGuardrails(draft: CheckInDraft, actionStart: IsoDate | null, lang: Lang = 'fr'): CheckInGuardrail[] {
  const found: CheckInGuardrail[] = [];
  const say = (fr: string, en: string): string => (lang === 'en' ? en : fr);
  if (draft.status === 'TERMINE' && draft.percent !== 100) {
    found.push({
      code: 'done.not100',
      field: 'percent',
      severity: 'refused',
      message:
        draft.percent === null
          ? say("« Terminé » veut dire 100 % : confirmez l'avancement à 100 % ou choisissez un autre statut.", '"Completed" means 100 %: confirm 100 % progress or choose another status.')
          : say(
              `« Terminé » veut dire 100 %, l'avancement indiqué est de ${formatNumber(draft.percent, { maxDecimals: 1 })} % : confirmez 100 % ou choisissez un autre statut.`,
              `"Completed" means 100 %, the progress given is ${draft.percent} %: confirm 100 % or choose another status.`,
            ),
    });
  }
  if (draft.health !== null && HEALTHS_NEEDING_A_REASON.indexOf(draft.health) >= 0 && (draft.comment ?? '').trim() === '') {
    const label = healthLabel(draft.health, lang);
    found.push({
      code: 'reason.required',
      field: 'comment',
      severity: 'refused',
      message: say(
        `« ${label} » demande une raison : dites en quelques mots dans le commentaire ce qui se passe.`,
        `"${label}" needs a reason: say in a few words in the comment what is happening.`,
      ),
    });
  }
  if (actionStart !== null && isValidIsoDate(draft.date) && isValidIsoDate(actionStart) && daysBetween(actionStart, draft.date) < 0) {
    found.push({
      code: 'date.beforeStart',
      field: 'date',
      severity: 'question',
      message: say(
        `Le ${formatDate(draft.date)} est avant le début prévu de l'action (${formatDate(actionStart)}). Cette date est-elle correcte ?`,
        `${formatDate(draft.date)} is before the action's planned start (${formatDate(actionStart)}). Is this date right?`,
      ),
    });
  }
  return found;
}

/** The guardrails that refuse a check-in whatever the user confirmed: the repository's rule. */
export function refusedCheckIn(draft: CheckInDraft, lang: Lang = 'fr'): CheckInGuardrail[] {
  return checkInGuardrails(draft, null, lang).filter((g) => g.severity === 'refused');
}

/** The explicit confirmation of "Terminé": the check-in at 100 %. */
export function confirmDone<D extends CheckInDraft>(draft: D): D {
  return { ...draft, status: 'TERMINE', percent: 100 };
}

// ---------------------------------------------------------------- correcting the latest check-in

/** The latest check-in of an action: the latest date, then the one written last. */
export function latestCheckIn(checkIns: readonly CheckIn[]): CheckIn | undefined {
  return checkIns.reduce<CheckIn | undefined>((latest, c) => (!latest || c.date > latest.date || (c.date === latest.date && c.id > latest.id) ? c : latest), undefined);
}

/** A lead may correct a check-in when it is their own and the latest of the action: only it drives the action. */
export function mayCorrect(checkIns: readonly CheckIn[], checkIn: CheckIn, me: Pick<Person, 'id'> | null | undefined): boolean {
  const latest = latestCheckIn(checkIns);
  return !!me && me.id !== undefined && latest !== undefined && latest.id === checkIn.id && checkIn.author?.id === me.id;
}

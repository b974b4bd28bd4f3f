/**
 * The outline of a PST document (what the importer extracts from a Word/PDF PST, and the
 * shape of shared/samples/*.expected.json) and its conversion into domain objects.
 *
 * The conversion is conservative: texts are kept as written next to what was read from
 * them, nothing is invented, and two occurrences of an action are merged into one
 * transversal action only when their titles are identical after normalisation (case,
 * accents, apostrophes, spaces, final punctuation), they sit under different OO, the
 * title is specific enough (5 words or more) and nothing they carry contradicts.
 * Everything uncertain is reported in `warnings`.
 */
import type { Action, OperationalObjective, Period, Plan, PlanData, Section, StrategicObjective, Volet } from '../../domain/model';
import { createAction } from '../../domain/model';
import { formatNumber, isParseError, parsePeriod, parseProgress } from '../../domain/parsing';
import type { Priority } from '../../domain/vocabularies';
import { interpretHealthText, interpretPriorityText, interpretStatusText, interpretVoletText } from '../../domain/vocabularies';
import { conflictingKeys, MAX_CANDIDATES_TO_COMPARE, mergeOccurrences, MIN_WORDS_TO_MERGE } from './merging';
import type { OutlineAction, OutlineActionFields, OutlineDocument, OutlineStrategicObjective } from './outlineTypes';
import { actionResourcesOf, readResources } from './resources';
import { singleFiguresYear } from '../../domain/meansFigures';
import { clean, isVoletHeading, LIST_SEPARATORS, PEOPLE_SEPARATORS, person, sdgNumbers, shortLabel, splitList, splitSectionHeading, toList } from './texts';
import { normalizeText, titleKey } from '../../domain/vocabularies';

// ---------------------------------------------------------------- result

export type OutlineWarningCode =
  | 'missingTitle'
  | 'titleTooLong'
  | 'unreadablePeriod'
  | 'unreadableDate'
  | 'unreadableProgress'
  | 'progressMismatch'
  | 'unrecognisedStatus'
  | 'codeAnomaly'
  | 'duplicateCode'
  | 'mergedTransversalAction'
  | 'duplicateTitleNotMerged'
  | 'projectGroupWithoutActions';

export interface OutlineWarning {
  code: OutlineWarningCode;
  /** Where in the document: "OS 1.3 › OO 1.3.1 › 1.3.1.1.1". */
  path: string;
  /** French, for the PST coordinator. */
  message: string;
}

export interface PlanFromOutline extends PlanData {
  warnings: OutlineWarning[];
}

export interface PlanFromOutlineOptions {
  /** First id given to each kind of item (default 1): ids are placeholders until saved. */
  firstId?: number;
}

// ---------------------------------------------------------------- conversion

interface PendingAction {
  id: number;
  ooIds: number[];
  occurrences: OutlineAction[];
  order: number;
  path: string;
  key: string;
}

export function planFromOutline(outline: OutlineDocument, options: PlanFromOutlineOptions = {}): PlanFromOutline {
  const firstId = options.firstId !== undefined ? options.firstId : 1;
  const warnings: OutlineWarning[] = [];
  const warn = (code: OutlineWarningCode, path: string, message: string) => warnings.push({ code, path, message });

  // ---- plan
  const periodText = clean(outline.period);
  let startYear: number | null = null;
  let endYear: number | null = null;
  if (periodText) {
    const period = parsePeriod(periodText);
    if (isParseError(period)) warn('unreadablePeriod', 'PST', `La période du PST « ${periodText} » n'a pas pu être lue : ${period.error}`);
    else if (period) {
      startYear = Number(period.start.slice(0, 4));
      endYear = Number(period.end.slice(0, 4));
    }
  }
  const plan: Plan = {
    id: firstId,
    title:
      clean(outline.title) ||
      'Programme stratégique transversal' + (startYear !== null ? ` ${startYear}-${endYear}` : ''),
    organisation: clean(outline.organisation),
    startYear,
    endYear,
  };
  // The year a document's single budget and ETP go on when the action gives no date.
  const meansYear = startYear ?? new Date().getUTCFullYear();

  // ---- sections, objectives
  const sections: Section[] = [];
  const sectionIdByKey = new Map<string, number>();
  const sectionCountByParent = new Map<string, number>();
  const strategicObjectives: StrategicObjective[] = [];
  const operationalObjectives: OperationalObjective[] = [];
  const pending: PendingAction[] = [];
  const pendingByKey = new Map<string, PendingAction[]>();
  let nextSectionId = firstId;
  let nextOsId = firstId;
  let nextOoId = firstId;
  let nextActionId = firstId;

  const sectionFor = (os: OutlineStrategicObjective, volet: Volet | null): number | null => {
    let headings: { code: string | null; title: string }[] = [];
    if (os.sectionPath && os.sectionPath.length > 0) {
      headings = os.sectionPath.filter((h, i) => !(i === 0 && isVoletHeading(h))).map(splitSectionHeading);
    } else if (os.axis && clean(os.axis.title)) {
      headings = [{ code: clean(os.axis.code), title: clean(os.axis.title) as string }];
    } else if (clean(os.section)) {
      headings = [splitSectionHeading(os.section as string)];
    }
    let parentId: number | null = null;
    let key = String(volet);
    for (const heading of headings) {
      const parentKey = key;
      key += '|' + (heading.code || '') + '|' + titleKey(heading.title);
      let id = sectionIdByKey.get(key);
      if (id === undefined) {
        id = nextSectionId++;
        const order = (sectionCountByParent.get(parentKey) || 0) + 1;
        sectionCountByParent.set(parentKey, order);
        sectionIdByKey.set(key, id);
        sections.push({ id, code: heading.code, title: heading.title, volet, parentSectionId: parentId, order });
      }
      parentId = id;
    }
    return parentId;
  };

  outline.strategicObjectives.forEach((os, osIndex) => {
    const volet = interpretVoletText(os.volet);
    const osLabel = 'OS ' + shortLabel(os.code, os.title);
    const osTitle = clean(os.title);
    if (!osTitle) warn('missingTitle', osLabel, `L'objectif stratégique ${shortLabel(os.code, null)} n'a pas d'intitulé dans le document.`);
    const osId = nextOsId++;
    strategicObjectives.push({
      id: osId,
      code: clean(os.code),
      title: osTitle || '',
      volet,
      sectionId: sectionFor(os, volet),
      order: osIndex + 1,
      description: clean(os.description),
    });

    os.operationalObjectives.forEach((oo, ooIndex) => {
      const ooLabel = `${osLabel} › OO ${shortLabel(oo.code, oo.title)}`;
      const ooTitle = clean(oo.title);
      if (!ooTitle) {
        warn('missingTitle', ooLabel, `L'objectif opérationnel ${shortLabel(oo.code, null)} n'a pas d'intitulé dans le document : complétez-le.`);
      }
      const ooId = nextOoId++;
      operationalObjectives.push({
        id: ooId,
        code: clean(oo.code),
        title: ooTitle || '',
        strategicObjectiveId: osId,
        order: ooIndex + 1,
        description: clean(oo.description),
      });
      for (const group of oo.projectGroups || []) {
        if (group.hasNoActions) {
          warn(
            'projectGroupWithoutActions',
            ooLabel,
            `Le groupe de projets « ${clean(group.title) || ''} »${group.code ? ` (${group.code})` : ''} n'a aucune fiche action : il n'est pas repris.`,
          );
        }
      }

      oo.actions.forEach((action, actionIndex) => {
        const path = `${ooLabel} › ${shortLabel(action.code, action.title)}`;
        const key = titleKey(action.title || '');
        const candidates = pendingByKey.get(key) || [];
        let target: PendingAction | undefined;
        if (key !== '' && candidates.length > 0) {
          const words = key.split(' ').length;
          // Only the first occurrences are compared (a title printed thousands of times
          // would otherwise compare every pair); one warning per occurrence not merged.
          let refused: { candidate: PendingAction; why: string } | null = null;
          for (const candidate of candidates.slice(0, MAX_CANDIDATES_TO_COMPARE)) {
            // The very same action listed under another OO (a spreadsheet row repeated with its code).
            if (candidate.occurrences[0] === action && candidate.ooIds.indexOf(ooId) < 0) {
              target = candidate;
              break;
            }
            const conflicts = conflictingKeys(candidate.occurrences[0], action);
            const sameOo = candidate.ooIds.indexOf(ooId) >= 0;
            if (!sameOo && words >= MIN_WORDS_TO_MERGE && conflicts.length === 0) {
              target = candidate;
              break;
            }
            const why = sameOo
              ? 'il figure deux fois sous le même objectif opérationnel'
              : words < MIN_WORDS_TO_MERGE
                ? 'l\'intitulé est trop court pour être sûr qu\'il s\'agit de la même action'
                : `les deux fiches diffèrent (${conflicts.join(', ')})`;
            if (!refused) refused = { candidate, why };
          }
          if (!target && refused) {
            const others = candidates.length - 1;
            warn(
              'duplicateTitleNotMerged',
              path,
              `L'intitulé « ${clean(action.title)} » apparaît aussi en ${refused.candidate.path}${others > 0 ? ` (et ${formatNumber(others)} autre${others > 1 ? 's' : ''} fois)` : ''} ; les deux n'ont pas été fusionnés car ${refused.why}. Vérifiez s'il s'agit d'une même action transversale.`,
            );
          }
        }
        if (target) {
          const sameAction = target.occurrences[0] === action;
          if (sameAction && (oo.alsoListed || []).indexOf(action) < 0) {
            // The action's own row, after a row listing it under another OO: this OO comes first.
            target.ooIds.unshift(ooId);
            target.order = actionIndex + 1;
            target.path = path;
          } else target.ooIds.push(ooId);
          if (!sameAction) target.occurrences.push(action);
          warn(
            'mergedTransversalAction',
            path,
            `L'action « ${clean(action.title)} » figure aussi en ${target.path} : une seule action transversale a été créée, rattachée aux deux objectifs opérationnels.`,
          );
          return;
        }
        const entry: PendingAction = { id: 0, ooIds: [ooId], occurrences: [action], order: actionIndex + 1, path, key };
        pending.push(entry);
        if (key !== '') pendingByKey.set(key, candidates.length > 0 ? (candidates.push(entry), candidates) : [entry]);
      });
    });
  });

  // ---- actions (after merging, so that a merged action gathers all its occurrences)
  const actions: Action[] = [];
  const codes = new Map<string, string>();
  const build = (source: OutlineAction, id: number, ooIds: number[], order: number, path: string, parentId: number | null) => {
    const action = actionFromOutline(source, id, ooIds, order, parentId, path, warn, plan.endYear, meansYear);
    actions.push(action);
    if (action.code) {
      const seen = codes.get(action.code);
      if (seen !== undefined) {
        warn('duplicateCode', path, `Le code ${action.code} est utilisé deux fois (aussi en ${seen}).`);
      } else codes.set(action.code, path);
    }
    return action;
  };
  const buildWithSubActions = (source: OutlineAction, ooIds: number[], order: number, path: string, parentId: number | null): void => {
    const action = build(source, nextActionId++, ooIds, order, path, parentId);
    (source.subActions || []).forEach((sub, index) => {
      buildWithSubActions(sub, ooIds, index + 1, `${path} › ${shortLabel(sub.code, sub.title)}`, action.id);
    });
  };
  for (const entry of pending) {
    const source = entry.occurrences.length > 1 ? mergeOccurrences(entry.occurrences) : entry.occurrences[0];
    buildWithSubActions(source, entry.ooIds, entry.order, entry.path, null);
  }

  return { plan, sections, strategicObjectives, operationalObjectives, actions, warnings };
}

/** "Fin de législature", "d'ici la fin de la mandature", "fin du PST": the end of the plan's term. */
const END_OF_TERM = /^(?:(?:d'ici |pour )?(?:la )?fin (?:de (?:la )?|du )(?:legislature|mandature|programmation|pst|programme|plan)|(?:en |sur (?:toute )?)?(?:la )?(?:legislature|mandature))$/;

function actionFromOutline(
  source: OutlineAction,
  id: number,
  ooIds: number[],
  order: number,
  parentActionId: number | null,
  path: string,
  warn: (code: OutlineWarningCode, path: string, message: string) => void,
  termEndYear: number | null,
  meansYear: number,
): Action {
  const fields: OutlineActionFields = source.fields || {};

  if (source.codeAnomaly) warn('codeAnomaly', path, `Code à vérifier : ${source.codeAnomaly}`);

  // Title: the leading phrase when the title cell holds more; the rest opens the description.
  const fullTitle = clean(source.title) || '';
  const shortTitle = clean(source.shortTitle);
  let title = fullTitle;
  let description = clean(source.description);
  if (shortTitle && shortTitle !== fullTitle) {
    title = shortTitle;
    const rest = fullTitle.indexOf(shortTitle) === 0 ? fullTitle.slice(shortTitle.length).trim() : fullTitle;
    if (rest) description = description ? `${rest}\n\n${description}` : rest;
  }
  if (!title) warn('missingTitle', path, "Une action n'a pas d'intitulé dans le document.");
  else if (title.length > 255) {
    warn('titleTooLong', path, `L'intitulé compte ${title.length} caractères (255 au maximum dans SharePoint) : raccourcissez-le.`);
  }
  const links = (fields.links || []).filter((link) => clean(link));
  if (links.length > 0) description = (description ? description + '\n\n' : '') + 'Liens : ' + links.join(' ');

  // Dates
  const startText = clean(fields.start) || clean(fields.timing);
  const endText = clean(fields.end);
  const readDate = (text: string | null, what: string) => {
    const period = parsePeriod(text);
    if (isParseError(period)) {
      warn('unreadableDate', path, `La date ${what} « ${period.text} » n'a pas pu être lue : ${period.error}`);
      return null;
    }
    return period;
  };
  const plannedStart = readDate(startText, 'de début');
  let plannedEnd: Period | null;
  if (endText && END_OF_TERM.test(normalizeText(endText))) {
    // "Fin de législature": the last year of the plan's period, when the document states it.
    if (termEndYear === null) warn('unreadableDate', path, `La date de fin « ${endText} » renvoie à la fin de la législature, mais la période du PST n'est pas connue : indiquez l'année.`);
    plannedEnd = termEndYear === null ? null : { text: endText, start: `${termEndYear}-01-01`, end: `${termEndYear}-12-31`, precision: 'year' };
  } else plannedEnd = readDate(endText, 'de fin');

  // Progress: our own reading of the text wins; the outline's number fills in when there is no text.
  const progressText = clean(fields.progress);
  let progressPercent: number | null = null;
  const progress = parseProgress(progressText);
  if (isParseError(progress)) {
    warn('unreadableProgress', path, `L'avancement « ${progress.text} » n'a pas pu être lu : ${progress.error}`);
  } else if (progress) {
    progressPercent = progress.percent;
  }
  const outlinePercent = typeof fields.progressPercent === 'number' ? fields.progressPercent : null;
  if (progressPercent === null && progressText === null && outlinePercent !== null) progressPercent = outlinePercent;
  if (progress && !isParseError(progress) && outlinePercent !== null && outlinePercent !== progress.percent) {
    warn('progressMismatch', path, `L'avancement « ${progress.text} » a été lu ${progress.percent} %, le document en indiquait ${outlinePercent} %.`);
  }

  // Status and priority
  const statusReading = interpretStatusText(clean(fields.status) || clean(fields.state));
  if (!statusReading.recognised) {
    warn('unrecognisedStatus', path, `L'état « ${statusReading.text} » n'a pas été reconnu : choisissez le statut à la main.`);
  }
  const priority: Priority | null = interpretPriorityText(fields.priority) || statusReading.priority;

  return createAction({
    id,
    code: clean(source.code),
    title,
    operationalObjectiveIds: ooIds.slice(),
    parentActionId,
    order,
    description,
    context: clean(fields.context),
    steps: clean(fields.steps),
    plannedStart,
    plannedEnd,
    plannedStartText: startText,
    plannedEndText: endText,
    department: clean(fields.department),
    servicesInvolved: splitList(fields.servicesInvolved, LIST_SEPARATORS),
    partners: splitList(fields.partners, LIST_SEPARATORS),
    // Kept whole: "KONIECZNY EDWIGE / LAHAYE BÉRENGÈRE" or "PUTTENEERS JESSICA / J2P" are
    // one cell, to be resolved to accounts by a person, not split by guesswork.
    projectLead: person(fields.projectLead),
    team: splitList(fields.team, PEOPLE_SEPARATORS).map((name) => ({ displayName: name })),
    pilot: person(fields.pilot),
    mandatary: clean(fields.mandatary),
    priority,
    status: statusReading.status,
    statusText: statusReading.text,
    progressPercent,
    progressText,
    health: interpretHealthText(fields.health),
    indicatorsText: clean(fields.indicators),
    risks: toList(fields.risks),
    deliverables: clean(fields.deliverables),
    // Single figures go on the action's start year, else its end year, else the plan's first year.
    resources: actionResourcesOf(readResources(fields.resources), singleFiguresYear({ plannedStart, plannedEnd }, meansYear)),
    sdgs: sdgNumbers(fields.sdgs),
    labels: toList(fields.labels),
    policyObjective: clean(fields.policyObjective),
    synergies: clean(fields.synergies),
    comments: clean(fields.comments),
    projectGroup:
      clean(fields.projectGroup) || clean(fields.projectGroupCode)
        ? { code: clean(fields.projectGroupCode), title: clean(fields.projectGroup) }
        : null,
  });
}

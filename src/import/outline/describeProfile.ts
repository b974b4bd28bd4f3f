/**
 * The profile in the coordinator's words, for the report and the browser view, where each
 * kind of line can be corrected: « lignes « 1.1.1 … » : actions ; « Objectif
 * opérationnel … » : OO ». An entry that names a kind of line carries the rules
 * expression that finds those lines (with `code` and `titre` groups), so that a
 * correction made on it is one line of a rules file.
 */
import type { Level } from '../lines/headings';
import type { SchemeLevel } from './numberingSchemes';
import type { Profile, Role } from './profile';

export interface ProfileEntry {
  /** The finding, in French. */
  readonly text: string;
  /** The shape of the lines it is about (« 1.1.1 … », « Objectif opérationnel … »), when it is about a kind of line. */
  readonly shape?: string;
  /** A rules expression matching those lines (`npm run import -- --rules`). */
  readonly lines?: string;
  /** The printed words that could instead be a field label ("Volet", "Priorité du projet"). */
  readonly label?: string;
  /** How the profile reads those lines now. */
  readonly role?: Role;
}

const ROLE_FR: { readonly [R in Role]: string } = {
  section: 'sections / axes',
  os: 'objectifs stratégiques',
  oo: 'objectifs opérationnels',
  group: 'groupes de projets',
  action: 'actions / projets',
  subAction: 'sous-actions',
  listItem: 'éléments de liste (pas des titres)',
};
const LEVEL_FR: { readonly [level: string]: string } = { os: 'OS', oo: 'OO', action: 'actions', subAction: 'sous-actions' };
const LEVELS: readonly Level[] = ['os', 'oo', 'action', 'subAction'];

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function numberShape(depth: number): string {
  return Array.from({ length: depth }, () => 'n').join('.');
}

/** "1.1.1 …" exactly (not "1.1.1.1"), with its code and title. */
function numberedPattern(depth: number): string {
  return `^(?<code>\\d+${'(?:\\.\\d+)'.repeat(depth - 1)})(?!\\.?\\d)[.)]?\\s*(?:[-–—:]\\s*)?(?<titre>\\S.*)$`;
}

export function describeProfileEntries(profile: Profile, schemes: readonly SchemeLevel[] = []): ProfileEntry[] {
  const out: ProfileEntry[] = schemes.map((s) => ({ text: `lignes ${s.shape} : ${ROLE_FR[s.level]}`, shape: s.shape, lines: s.pattern, role: s.level }));
  if (schemes.length === 0 && profile.keywordLevels.size > 0) {
    out.push({ text: `niveaux nommés par un mot-clé : ${Array.from(profile.keywordLevels).map((l) => LEVEL_FR[l] || l).join(', ')}` });
    for (const level of LEVELS) {
      for (const keyword of profile.keywordShapes.get(level) || []) {
        out.push({
          text: `lignes « ${keyword} … » : ${ROLE_FR[level]}`,
          shape: `« ${keyword} … »`,
          lines: `^${escapeRegex(keyword)}(?![\\p{L}])\\s*(?:n\\s?°\\s*)?(?<code>\\d+(?:\\.\\d+)*|[A-Za-z](?=\\s*[:：–—.-])|[IVX]+(?=[\\s.:：–—-]))?\\s*[:：–—.-]?\\s*(?<titre>.*)$`,
          label: keyword,
          role: level,
        });
      }
    }
  }
  Array.from(profile.numberedRole.entries())
    .sort((a, b) => a[0] - b[0])
    .forEach(([depth, role]) => out.push({ text: `lignes « ${numberShape(depth)} … » : ${ROLE_FR[role]}`, shape: `« ${numberShape(depth)} … »`, lines: numberedPattern(depth), role }));
  Array.from(profile.headingRole.entries())
    .sort((a, b) => a[0] - b[0])
    .forEach(([level, role]) =>
      out.push({ text: `titres de niveau ${level} (styles Word, #) : ${ROLE_FR[role]}`, shape: `« titre ${level} »`, lines: `^#{${level}}(?!#)\\s+(?<titre>.*)$`, role }),
    );
  if (profile.ooDepth !== null) out.push({ text: `codes des OO à ${profile.ooDepth} niveau(x)` });
  if (profile.groupsExpected) out.push({ text: 'groupes de projets entre les OO et les actions' });
  if (profile.parentLabelsPrecedeTitle) out.push({ text: "fiches : l'OS et l'OO sont écrits avant le titre de la fiche" });
  if (profile.tableSheets) out.push({ text: 'fiches en tableau : libellés en capitales, sans deux-points' });
  if (profile.learnedLabels.size > 0) {
    out.push({ text: `libellés propres au document : ${Array.from(profile.learnedLabels.keys()).map((k) => `« ${k} »`).join(', ')}` });
  }
  if (out.length === 0) out.push({ text: 'aucune numérotation ni mot-clé de niveau reconnu' });
  return out;
}

export function describeProfile(profile: Profile, schemes: readonly SchemeLevel[] = []): string[] {
  return describeProfileEntries(profile, schemes).map((e) => e.text);
}

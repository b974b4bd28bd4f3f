/**
 * The profile in the coordinator's words, for the report (and later the browser view,
 * where each line can be corrected): « lignes « 1.1.1 … » : actions ; « Objectif
 * opérationnel n.n » : OO ».
 */
import type { SchemeLevel } from './numberingSchemes';
import type { Profile, Role } from './profile';

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

function numberShape(depth: number): string {
  return Array.from({ length: depth }, () => 'n').join('.');
}

export function describeProfile(profile: Profile, schemes: readonly SchemeLevel[] = []): string[] {
  const out: string[] = schemes.map((s) => `lignes ${s.shape} : ${ROLE_FR[s.level]}`);
  if (schemes.length === 0 && profile.keywordLevels.size > 0) {
    out.push(`niveaux nommés par un mot-clé : ${Array.from(profile.keywordLevels).map((l) => LEVEL_FR[l] || l).join(', ')}`);
  }
  Array.from(profile.numberedRole.entries())
    .sort((a, b) => a[0] - b[0])
    .forEach(([depth, role]) => out.push(`lignes « ${numberShape(depth)} … » : ${ROLE_FR[role]}`));
  Array.from(profile.headingRole.entries())
    .sort((a, b) => a[0] - b[0])
    .forEach(([level, role]) => out.push(`titres de niveau ${level} (styles Word, #) : ${ROLE_FR[role]}`));
  if (profile.ooDepth !== null) out.push(`codes des OO à ${profile.ooDepth} niveau(x)`);
  if (profile.groupsExpected) out.push('groupes de projets entre les OO et les actions');
  if (profile.parentLabelsPrecedeTitle) out.push("fiches : l'OS et l'OO sont écrits avant le titre de la fiche");
  if (profile.tableSheets) out.push('fiches en tableau : libellés en capitales, sans deux-points');
  if (profile.learnedLabels.size > 0) out.push(`libellés propres au document : ${Array.from(profile.learnedLabels.keys()).map((k) => `« ${k} »`).join(', ')}`);
  if (out.length === 0) out.push('aucune numérotation ni mot-clé de niveau reconnu');
  return out;
}

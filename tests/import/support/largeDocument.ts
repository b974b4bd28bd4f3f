/**
 * A large hostile PST text for the "big inputs stay safe" checks: objectives and actions
 * whose titles repeat over and over (the same few titles under every OO, the same codes
 * restarting), sheet fields on every action, page furniture. `bytes` is a target size.
 */
const ACTION_TITLES = [
  'Mettre en place une permanence sociale dans chaque quartier de la commune',
  'Former les agents à l’accueil des personnes en situation de handicap',
  'Rédiger une charte de l’accueil commune à tous les services du CPAS',
  'Organiser une rencontre annuelle avec les partenaires du réseau social',
  'Informatiser le suivi des dossiers du service d’insertion socioprofessionnelle',
];
const OO_TITLES = ['Améliorer l’accueil des bénéficiaires', 'Renforcer la communication interne', 'Maîtriser les dépenses de fonctionnement'];
const OS_TITLES = ['Être un CPAS accueillant et ouvert', 'Être un CPAS bien géré'];

export function largePstText(bytes: number): string {
  const out: string[] = ['Programme stratégique transversal du CPAS de Grande-Ville 2025-2030', ''];
  let size = 0;
  let os = 0;
  const push = (line: string) => {
    out.push(line);
    size += line.length + 1;
  };
  while (size < bytes) {
    os++;
    push(`Objectif stratégique ${os} : ${OS_TITLES[os % OS_TITLES.length]}`);
    push('');
    for (let oo = 1; oo <= 3 && size < bytes; oo++) {
      push(`Objectif opérationnel ${os}.${oo} : ${OO_TITLES[(os + oo) % OO_TITLES.length]}`);
      push('');
      for (let a = 1; a <= 5; a++) {
        // Every tenth OO restarts its numbering at 1.1.1: duplicate codes everywhere.
        const code = os % 10 === 0 ? `1.1.${a}` : `${os}.${oo}.${a}`;
        push(`Action ${code} : ${ACTION_TITLES[(a + oo) % ACTION_TITLES.length]}`);
        push('Chef de projet : Marie Dupont');
        push('Échéance : 31/12/2027');
        push('Priorité : haute');
        push('');
      }
      push(`- ${os} -`);
      push('\f');
    }
  }
  return out.join('\n');
}

import { describeChange, describeNewPlan, describePlanState, itemLabelFr } from '../../src/domain/changeLog';

const oo = { kind: 'operationalObjective' as const, code: '1.2', title: 'Accueil', parentId: 1 };

describe('change-log sentences', () => {
  it('names items by kind, code and title; long titles shortened', () => {
    expect(itemLabelFr(oo)).toBe("l'OO 1.2 « Accueil »");
    expect(itemLabelFr({ kind: 'action', code: null, title: 'Horaires', parentId: 4 })).toBe('la sous-action « Horaires »');
    expect(itemLabelFr({ kind: 'action', code: ' 3 ', title: 'Horaires', parentId: null })).toBe("l'action 3 « Horaires »");
    expect(itemLabelFr({ kind: 'section', code: null, title: 'Axe', parentId: null })).toBe('la section « Axe »');
    const long = itemLabelFr({ kind: 'strategicObjective', code: '1', title: 'x'.repeat(200), parentId: null });
    expect(long.length).toBeLessThan(100);
    expect(long.endsWith('… »')).toBe(true);
  });

  it('says what each command did', () => {
    expect(describeChange('create', oo)).toBe("Ajout de l'OO 1.2 « Accueil »");
    expect(describeChange('edit', oo, { title: 'Accueil social', code: '1.3' })).toBe("L'OO 1.2 « Accueil » : nouvel intitulé « Accueil social » ; code 1.2 → 1.3");
    expect(describeChange('edit', oo, { code: null })).toBe("L'OO 1.2 « Accueil » : code 1.2 → (aucun)");
    expect(describeChange('edit', oo, {})).toBe("L'OO 1.2 « Accueil » : aucun changement");
    expect(describeChange('move', oo, {}, { target: "l'OS 2 « RH »" })).toBe("L'OO 1.2 « Accueil » déplacé vers l'OS 2 « RH »");
    expect(describeChange('move', oo)).toBe("L'OO 1.2 « Accueil » déplacé au premier niveau");
    expect(describeChange('reorder', oo, {}, { direction: 'down' })).toBe("L'OO 1.2 « Accueil » descendu d'une place");
    expect(describeChange('reorder', oo, {}, { direction: 'up' })).toBe("L'OO 1.2 « Accueil » monté d'une place");
    expect(describeChange('reorder', oo, {}, { side: 'before', target: "l'OO 1.1 « Guichet »" })).toBe("L'OO 1.2 « Accueil » placé avant l'OO 1.1 « Guichet »");
    expect(describeChange('reorder', oo, {}, { side: 'after', target: "l'OO 1.3 « Permanences »" })).toBe("L'OO 1.2 « Accueil » placé après l'OO 1.3 « Permanences »");
    expect(describeChange('archive', oo)).toBe("L'OO 1.2 « Accueil » archivé");
    expect(describeChange('restore', oo)).toBe("L'OO 1.2 « Accueil » restauré");
    expect(describeChange('link', oo, {}, { target: "l'OO 3.1 « X »" })).toBe("L'OO 1.2 « Accueil » lié aussi à l'OO 3.1 « X »");
    expect(describeChange('unlink', oo, {}, { target: "l'OO 3.1 « X »" })).toBe("L'OO 1.2 « Accueil » n'est plus lié à l'OO 3.1 « X »");
    expect(describeChange('renumber', oo, {}, { count: 4 })).toBe("Renumérotation sous l'OO 1.2 « Accueil » : 4 code(s) modifié(s)");
  });

  it("says how a plan's life changed", () => {
    expect(describePlanState('PST 2025-2030', 'projet', 'enVigueur', '27/03/2025')).toBe('État du plan « PST 2025-2030 » : projet → en vigueur (adopté le 27/03/2025)');
    expect(describePlanState('PST', null, 'cloture', null)).toBe('État du plan « PST » : (aucun) → clôturé');
    expect(describeNewPlan('PST 2031', 'PST 2025')).toBe('Nouveau plan « PST 2031 » commencé à partir de la structure de « PST 2025 »');
  });
});

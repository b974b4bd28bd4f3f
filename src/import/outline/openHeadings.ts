/**
 * What a heading opens: it closes the levels below its own, creates its node where the
 * cursor stands and gives the title that the next lines may continue. The parser ends the
 * open block (sheet, list, unclaimed text) before.
 */
import type { KeywordHeading, NumberedHeading } from '../lines/headings';
import type { Line } from '../lines/sourceLines';
import type { OutlineProjectGroup } from '../toPlan';
import { squeeze } from '../../text/normalize';
import type { OutlineCursor, SectionEntry } from './outlineCursor';
import type { OutlineTree } from './outlineTree';
import type { Role } from './profile';
import { TitleTarget, titleTarget } from './titles';

export function openSection(cursor: OutlineCursor, line: Line, code: string | null, text: string, rank: number, bareTitle?: string): TitleTarget {
  if (code) {
    const parts = code.split('.');
    // The volet "PARTIE II" is the root of sections "II.1", "II.II.3".
    while (cursor.sections.length > 0) {
      const top = cursor.sections[cursor.sections.length - 1];
      const topParts = top.code ? top.code.split('.') : null;
      if (topParts && topParts.length < parts.length && topParts.every((p, k) => p === parts[k])) break;
      cursor.sections.pop();
    }
  } else {
    while (cursor.sections.length > 0 && cursor.sections[cursor.sections.length - 1].rank >= rank) cursor.sections.pop();
  }
  const entry: SectionEntry = { code, text: squeeze(text), rank, title: bareTitle };
  cursor.sections.push(entry);
  cursor.closeBelow('section');
  const index = cursor.sections.length - 1;
  const holder = { title: entry.text as string | null };
  return {
    owner: holder,
    kind: 'section',
    lastLine: line,
    count: 1,
    blankSince: false,
    awaitingText: false,
    onChange: (title) => {
      cursor.sections[index] = { ...cursor.sections[index], text: title };
    },
  };
}

/**
 * The OS an OO's code names when it is not the OS above ("Objectif opérationnel 2.1"
 * after OS 1, "OO 201" after OS 100): that OS exists only through its children's codes.
 */
export function parentOsCode(ooCode: string | null, osCode: string | null): string | null {
  if (!ooCode || !osCode) return null;
  if (/^\d+(?:\.\d+)+$/.test(ooCode) && /^\d+(?:\.\d+)*$/.test(osCode)) {
    const prefix = ooCode.slice(0, ooCode.lastIndexOf('.'));
    return prefix.split('.').length === osCode.split('.').length && prefix !== osCode ? prefix : null;
  }
  if (/^[1-9]\d{2}$/.test(ooCode) && /^[1-9]00$/.test(osCode) && ooCode.charAt(0) !== osCode.charAt(0)) return `${ooCode.charAt(0)}00`;
  return null;
}

export function openKeywordHeading(tree: OutlineTree, line: Line, keyword: KeywordHeading): TitleTarget | null {
  const title = keyword.title;
  switch (keyword.level) {
    case 'axis':
      return openSection(tree.cursor, line, keyword.code, line.text, keyword.code ? keyword.code.split('.').length : 1, keyword.title || undefined);
    case 'os': {
      tree.cursor.closeBelow('os');
      const os = tree.newOs(line, keyword.code, title);
      return titleTarget(os.os, 'os', line, title === '');
    }
    case 'oo': {
      tree.cursor.closeBelow('oo');
      const osCode = parentOsCode(keyword.code, tree.cursor.os ? tree.cursor.os.os.code || null : null);
      if (osCode) tree.ensureOsForCode(line, osCode);
      const oo = tree.newOo(line, keyword.code, title === '' ? null : title, 'heading');
      return titleTarget(oo.oo, 'oo', line, title === '');
    }
    case 'action': {
      const action = tree.newAction(line, keyword.code, keyword.codeAsPrinted, title, 'keyword');
      return titleTarget(action, 'action', line, title === '');
    }
    case 'subAction': {
      const sub = tree.newSubAction(line, keyword.code, keyword.codeAsPrinted, title);
      return titleTarget(sub, 'subAction', line, title === '');
    }
  }
}

/** A bare numbered heading ("1.1.2. Renforcer …") or an unnumbered heading, in the role the profile gives its depth. */
export function openNumberedHeading(tree: OutlineTree, line: Line, numbered: NumberedHeading | null, role: Exclude<Role, 'listItem'>): TitleTarget | null {
  const cursor = tree.cursor;
  const code = numbered ? numbered.code : null;
  const title = numbered ? numbered.title : line.text;
  switch (role) {
    case 'section': {
      cursor.sections = cursor.sections.filter((s) => s.rank < 100);
      cursor.axis = { code, title, sourceLine: line.n, text: line.text };
      cursor.closeBelow('axis');
      const holder = { title: title as string | null };
      return {
        owner: holder,
        kind: 'section',
        lastLine: line,
        count: 1,
        blankSince: false,
        awaitingText: false,
        onChange: (t) => {
          if (cursor.axis) cursor.axis = { ...cursor.axis, title: t, text: (code ? `${code}. ` : '') + t };
        },
      };
    }
    case 'os': {
      cursor.closeBelow('os');
      const os = tree.newOs(line, code, title);
      return titleTarget(os.os, 'os', line, title === '');
    }
    case 'oo': {
      cursor.closeBelow('oo');
      if (code && cursor.os && cursor.os.os.code && code.split('.').length > 1) {
        const prefix = code.slice(0, code.lastIndexOf('.'));
        if (prefix !== cursor.os.os.code) tree.ensureOsForCode(line, prefix);
      }
      const oo = tree.newOo(line, code, title === '' ? null : title, 'heading');
      return titleTarget(oo.oo, 'oo', line, title === '');
    }
    case 'group': {
      const parent = cursor.oo;
      if (!parent) return null;
      const group: OutlineProjectGroup = { code, title, sourceLine: line.n };
      parent.oo.projectGroups = (parent.oo.projectGroups || []).concat([group]);
      parent.group = { code, title };
      const holder = { title: title as string | null };
      return {
        owner: holder,
        kind: 'group',
        lastLine: line,
        count: 1,
        blankSince: false,
        awaitingText: false,
        onChange: (t) => {
          group.title = t;
          if (cursor.oo && cursor.oo.group) cursor.oo.group.title = t;
        },
      };
    }
    case 'action': {
      const action = tree.newAction(line, code, null, title, 'numbered');
      return titleTarget(action, 'action', line, title === '');
    }
    case 'subAction': {
      const sub = tree.newSubAction(line, code, null, title);
      return titleTarget(sub, 'subAction', line, title === '');
    }
  }
}

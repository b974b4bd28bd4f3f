import {
  decodeEntities,
  isRichTextEmpty,
  looksLikeHtml,
  plainTextToHtml,
  richTextToPlainText,
  safeLinkTarget,
  sanitizeRichText,
} from '../../src/text/richText';

const NBSP = '\u00a0';

/** Everything an attacker could use to run code, in a sanitized output. */
function expectInert(html: string): void {
  const out = sanitizeRichText(html);
  // No element other than the allowlist, no attribute other than href/rel/target/colspan/rowspan.
  const tags = out.match(/<\/?([a-z0-9]+)/g) ?? [];
  for (const tag of tags) {
    expect(['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'a', 'span', 'div', 'h1', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td']).toContain(
      tag.replace(/^<\/?/, ''),
    );
  }
  const attributes = [...out.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*>/g)].flatMap((m) =>
    [...m[1].matchAll(/([a-z-]+)="/g)].map((a) => a[1]),
  );
  for (const attribute of attributes) expect(['href', 'rel', 'target', 'colspan', 'rowspan']).toContain(attribute);
  // Every "<" in the output starts an allowed tag: no markup hidden in text.
  expect(out.replace(/<\/?(?:p|br|b|strong|i|em|u|ul|ol|li|a|span|div|h[1-4]|table|thead|tbody|tr|th|td)(?:\s[^>]*)?>/g, '')).not.toMatch(/</);
  for (const href of [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1])) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
  expect(out).not.toMatch(/javascript:|vbscript:|data:text|on[a-z]+=|style=|srcdoc/i);
}

describe('sanitizeRichText: what is kept', () => {
  it('keeps the allowlisted formatting, in lower case and without attributes', () => {
    expect(sanitizeRichText('<P CLASS="x" Style="color:red">Un <B>deux</B> <strong>trois</strong> <I>4</I> <em>5</em> <u>6</u> <span id="s">7</span></P>')).toBe(
      '<p>Un <b>deux</b> <strong>trois</strong> <i>4</i> <em>5</em> <u>6</u> <span>7</span></p>',
    );
    expect(sanitizeRichText('<h1>T1</h1><h2>T2</h2><h3>T3</h3><h4>T4</h4><div>d</div>')).toBe('<h1>T1</h1><h2>T2</h2><h3>T3</h3><h4>T4</h4><div>d</div>');
    expect(sanitizeRichText('<ul><li>a</li></ul><ol><li>b</li></ol>')).toBe('<ul><li>a</li></ul><ol><li>b</li></ol>');
  });

  it('keeps SharePoint editor output (ExternalClass wrapper, <br>, &nbsp;)', () => {
    const stored = '<div class="ExternalClass8F1C"><p>Mise en place d&#39;un guichet unique&nbsp;:<br>accueil, orientation.</p></div>';
    expect(sanitizeRichText(stored)).toBe(`<div><p>Mise en place d'un guichet unique${NBSP}:<br>accueil, orientation.</p></div>`);
  });

  it('keeps tables with their structure and numeric spans only', () => {
    expect(sanitizeRichText('<table border="1"><thead><tr><th scope="col">Année</th></tr></thead><tbody><tr><td colspan="2" rowspan="x" width="9">1</td></tr></tbody></table>')).toBe(
      '<table><thead><tr><th>Année</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
    );
    expect(sanitizeRichText('<table><tfoot><tr><td>Total</td></tr></tfoot></table>')).toBe('<table><tbody><tr><td>Total</td></tr></tbody></table>');
  });

  it('opens links in a new tab, without giving the opened page access to ours', () => {
    expect(sanitizeRichText('<a href="https://www.wallonie.be/fr" title="t" target="_self" onclick="x()">Wallonie</a>')).toBe(
      '<a href="https://www.wallonie.be/fr" rel="noopener noreferrer" target="_blank">Wallonie</a>',
    );
    expect(sanitizeRichText('<a href="HTTP://cpas.be">a</a> <a href="mailto:pst@cpas.be">b</a>')).toBe(
      '<a href="HTTP://cpas.be" rel="noopener noreferrer" target="_blank">a</a> <a href="mailto:pst@cpas.be" rel="noopener noreferrer" target="_blank">b</a>',
    );
  });

  it('encodes the URL again: &amp; in a query string round-trips', () => {
    expect(sanitizeRichText('<a href="https://cpas.be/?a=1&amp;b=2&c=3">x</a>')).toBe(
      '<a href="https://cpas.be/?a=1&amp;b=2&amp;c=3" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });

  it('keeps the text of a link it cannot keep (relative, other scheme, no href)', () => {
    expect(sanitizeRichText('<p><a href="/sites/pst/doc.pdf">le plan</a>, <a href="ftp://x">ftp</a>, <a name="n">ancre</a></p>')).toBe(
      '<p>le plan, ftp, ancre</p>',
    );
  });
});

describe('sanitizeRichText: what is dropped', () => {
  it('drops unknown tags but keeps their text', () => {
    expect(sanitizeRichText('<p><font face="Arial">Texte</font> <o:p></o:p><st1:place>Binche</st1:place> <mark>m</mark></p>')).toBe('<p>Texte Binche m</p>');
    expect(sanitizeRichText('<button>Go</button><label>Nom</label>')).toBe('GoNom');
  });

  it('turns unknown block elements into div so that words stay apart', () => {
    expect(sanitizeRichText('<section>un</section><blockquote>deux</blockquote><h5>trois</h5><pre>quatre</pre>')).toBe(
      '<div>un</div><div>deux</div><div>trois</div><div>quatre</div>',
    );
  });

  it('drops comments, conditional comments, doctypes and processing instructions', () => {
    expect(sanitizeRichText('<!DOCTYPE html><?xml version="1.0"?><!-- note --><p>a<!--[if gte mso 9]><xml>w</xml><![endif]-->b</p><!---->c<!-->d')).toBe('<p>ab</p>cd');
    expect(sanitizeRichText('<p>avant<!-- jamais fermé <b>x</b>')).toBe('<p>avant</p>');
  });

  it('drops script, style, iframe, object, svg and math with their content', () => {
    expect(sanitizeRichText('a<script>alert(1)</script>b<style>p{color:red}</style>c<iframe src="https://x"></iframe>d')).toBe('abcd');
    expect(sanitizeRichText('a<object data="x.swf"><param name="a" value="b">fallback</object>b<embed src="x">c')).toBe('abc');
    expect(sanitizeRichText('a<svg><g><svg></svg><text>t</text></g></svg>b<math><mi>x</mi></math>c<template><p>t</p></template>d')).toBe('abcd');
    expect(sanitizeRichText('a<noscript><p>n</p></noscript>b<textarea><b>t</b></textarea>c<select><option>o</option></select>d')).toBe('abcd');
  });

  it('drops every attribute but href on links and spans on cells', () => {
    expect(sanitizeRichText('<div id="i" class="c" style="position:fixed" onmouseover="x()" data-x="y" aria-hidden="true">t</div>')).toBe('<div>t</div>');
  });

  it('drops a tag cut off by the end of the input', () => {
    expect(sanitizeRichText('<p>texte</p><img src="x" onerror="alert(1)"')).toBe('<p>texte</p>');
    expect(sanitizeRichText('<p>texte<a href="https://x.be" title="non fermé')).toBe('<p>texte</p>');
  });
});

describe('sanitizeRichText: structure', () => {
  it('closes what was left open, and ignores end tags of elements that are not open', () => {
    expect(sanitizeRichText('<div><p><b>gras')).toBe('<div><p><b>gras</b></p></div>');
    expect(sanitizeRichText('</b></p>texte</div>')).toBe('texte');
    expect(sanitizeRichText('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b>y');
  });

  it('implies the end tags browsers imply (p, li, tr, td)', () => {
    expect(sanitizeRichText('<p>un<p>deux<ul><li>a<li>b</ul>')).toBe('<p>un</p><p>deux</p><ul><li>a</li><li>b</li></ul>');
    expect(sanitizeRichText('<table><tr><td>1<td>2<tr><th>3</table>')).toBe('<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>');
  });

  it('reads <br/>, <br /> and even </br> as line breaks', () => {
    expect(sanitizeRichText('<p>a<br/>b<br />c</br>d<BR>e</p>')).toBe('<p>a<br>b<br>c<br>d<br>e</p>');
  });

  it('flattens absurdly deep nesting instead of reproducing it', () => {
    const deep = '<div>'.repeat(500) + 'x' + '</div>'.repeat(500);
    const out = sanitizeRichText(deep);
    expect((out.match(/<div>/g) ?? []).length).toBeLessThanOrEqual(64);
    expect(out).toContain('x');
    expect((out.match(/<div>/g) ?? []).length).toBe((out.match(/<\/div>/g) ?? []).length);
  });
});

describe('sanitizeRichText: entities', () => {
  it('decodes named, decimal and hexadecimal references and encodes the text again', () => {
    expect(sanitizeRichText('<p>Caf&eacute; &amp; th&#233; &#xE9;t&eacute; &laquo;&nbsp;PST&nbsp;&raquo; 5&euro; &hellip;</p>')).toBe(
      `<p>Café &amp; thé été «${NBSP}PST${NBSP}» 5€ …</p>`,
    );
  });

  it('shows encoded markup as text, never as markup', () => {
    expect(sanitizeRichText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(sanitizeRichText('<p>&#60;img src=x onerror=alert(1)&#62;</p>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('keeps unknown or bare ampersands as text', () => {
    expect(sanitizeRichText('<p>R&D &foo; AT&T</p>')).toBe('<p>R&amp;D &amp;foo; AT&amp;T</p>');
  });

  it('reads Word’s Windows-1252 references and replaces impossible ones', () => {
    expect(decodeEntities('l&#146;action &#150; &#128;')).toBe('l\u2019action \u2013 \u20ac');
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('reads the legacy references without semicolon like browsers do', () => {
    expect(decodeEntities('a &amp b &lt c &copy2024')).toBe('a & b < c ©2024');
    expect(decodeEntities('&Agrave;&yuml;&OElig;&colon;')).toBe('Àÿ\u0152:');
  });
});

describe('sanitizeRichText: classic XSS payloads are neutralised', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
    '<script>document.write("<p>x</p>")</script>',
    '<img src=x onerror=alert(1)>',
    '<IMG SRC="javascript:alert(\'XSS\');">',
    '<img src=`javascript:alert(1)`>',
    '<img """><script>alert("XSS")</script>">',
    '<svg/onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<body onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="https://ok.be" onmouseover="alert(1)">x</a>',
    '<a href=https://ok.be onclick=alert(1)>x</a>',
    '<a href="https://ok.be"onclick="alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<p title="&quot;><script>alert(1)</script>">x</p>',
    '<p title=\'"><img src=x onerror=alert(1)>\'>x</p>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<<script>alert(1)//<</script>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<form action="javascript:alert(1)"><button>Go</button></form>',
    '<input onfocus=alert(1) autofocus>',
    '<details open ontoggle=alert(1)>x</details>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<video><source onerror="alert(1)"></video>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<style>@import "javascript:alert(1)";</style>',
    '<table background="javascript:alert(1)"><td onclick=alert(1)>x</td></table>',
    '<a href="https://ok.be" style="position:fixed;top:0;left:0;width:100%;height:100%">x</a>',
    '<p\u0000 onclick=alert(1)>x</p>',
    '<a/href="javascript:alert(1)">x</a>',
    '<a href="java\u0000script:alert(1)">x</a>',
    '<xss onafterscriptexecute=alert(1)><script>1</script>',
    '<template><img src=x onerror=alert(1)></template>',
  ];

  it.each(payloads)('%s', (payload) => {
    expectInert(payload);
  });

  it('removes the payload but keeps the legitimate text around it', () => {
    expect(sanitizeRichText('<p>Avant <img src=x onerror=alert(1)>après</p>')).toBe('<p>Avant après</p>');
    expect(sanitizeRichText('<p>Avant<script>alert(1)</script> après</p>')).toBe('<p>Avant après</p>');
  });

  it('never lets encoded markup in an attribute break out', () => {
    expect(sanitizeRichText('<a href="https://x.be/?q=&quot;&gt;&lt;script&gt;">x</a>')).toBe(
      '<a href="https://x.be/?q=&quot;&gt;&lt;script&gt;" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });
});

describe('plain text from imported documents', () => {
  it('turns lines into paragraphs and • / - lines into lists', () => {
    const text = 'Objectif : améliorer l’accueil.\n\nÉtapes :\n• analyse des besoins\n• choix du fournisseur\n- mise en service\nBudget & suivi <à préciser>';
    expect(sanitizeRichText(text)).toBe(
      '<p>Objectif : améliorer l’accueil.</p><p>Étapes :</p><ul><li>analyse des besoins</li><li>choix du fournisseur</li><li>mise en service</li></ul><p>Budget &amp; suivi &lt;à préciser&gt;</p>',
    );
  });

  it('turns numbered lines into a numbered list, and handles Windows line ends', () => {
    expect(plainTextToHtml('1. un\r\n2) deux\r\nfin')).toBe('<ol><li>un</li><li>deux</li></ol><p>fin</p>');
  });

  it('does not take a dash inside a line for a bullet', () => {
    expect(plainTextToHtml('Période 2020 - 2021')).toBe('<p>Période 2020 - 2021</p>');
  });

  it('treats empty and blank values as nothing', () => {
    expect(sanitizeRichText(null)).toBe('');
    expect(sanitizeRichText(undefined)).toBe('');
    expect(sanitizeRichText('  \n ')).toBe('');
  });

  it('tells markup from text that merely contains "<"', () => {
    expect(looksLikeHtml('a < b et c > d')).toBe(false);
    expect(looksLikeHtml('<p>x</p>')).toBe(true);
    expect(looksLikeHtml('x<br/>y')).toBe(true);
    expect(sanitizeRichText('a < b et c > d')).toBe('<p>a &lt; b et c &gt; d</p>');
  });
});

describe('safeLinkTarget', () => {
  it('accepts absolute http, https and mailto only', () => {
    expect(safeLinkTarget('https://cpas.be/pst')).toBe('https://cpas.be/pst');
    expect(safeLinkTarget('  http://cpas.be  ')).toBe('http://cpas.be');
    expect(safeLinkTarget('mailto:pst@cpas.be')).toBe('mailto:pst@cpas.be');
    // browsers ignore tabs and newlines inside a URL and control characters around it
    expect(safeLinkTarget('ht\ntps://x.be\u0001')).toBe('https://x.be');
    for (const bad of ['javascript:alert(1)', '/relative', '//evil.be', 'https://', 'https:evil', 'data:,x', 'file:///c:/x', '', 'https://x.be/\u0001a']) {
      expect(safeLinkTarget(bad)).toBeNull();
    }
    expect(safeLinkTarget(null)).toBeNull();
  });
});

describe('richTextToPlainText and isRichTextEmpty', () => {
  it('gives one block per line, list items with bullets, for the plain editor', () => {
    expect(richTextToPlainText('<div><p>Un <b>deux</b></p><ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>fin<br>ligne</div>')).toBe(
      'Un deux\n• a\n• b\n1. x\n2. y\nfin\nligne',
    );
  });

  it('round-trips through plainTextToHtml', () => {
    const html = '<p>Contexte</p><ul><li>un</li><li>deux</li></ul><ol><li>trois</li></ol><p>fin &amp; suite</p>';
    expect(plainTextToHtml(richTextToPlainText(html))).toBe(html);
  });

  it('drops what the sanitizer drops', () => {
    expect(richTextToPlainText('<p>a<script>b</script>c</p>')).toBe('ac');
  });

  it('knows an empty SharePoint value', () => {
    expect(isRichTextEmpty('<div class="ExternalClass1"><p>&nbsp;</p><br></div>')).toBe(true);
    expect(isRichTextEmpty(null)).toBe(true);
    expect(isRichTextEmpty('<p>x</p>')).toBe(false);
    expect(isRichTextEmpty('texte')).toBe(false);
  });
});

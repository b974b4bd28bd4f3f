import { decodeEntities, escapeAttribute, escapeHtml, escapeHtmlStrict, escapeXml } from '../../src/text/htmlEntities';

const SAMPLE = `l'été & <b class="x">R&D</b>`;

describe('escapers', () => {
  it('encode what each place needs, nothing more', () => {
    expect(escapeHtml(SAMPLE)).toBe(`l'été &amp; &lt;b class="x"&gt;R&amp;D&lt;/b&gt;`);
    expect(escapeAttribute(SAMPLE)).toBe(`l'été &amp; &lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;`);
    expect(escapeXml(SAMPLE)).toBe(`l&apos;été &amp; &lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;`);
    expect(escapeHtmlStrict(SAMPLE)).toBe(`l&#39;été &amp; &lt;b class=&quot;x&quot;&gt;R&amp;D&lt;/b&gt;`);
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('are read back by the decoder, in both syntaxes', () => {
    for (const escape of [escapeHtml, escapeAttribute, escapeXml, escapeHtmlStrict]) {
      expect(decodeEntities(escape(SAMPLE))).toBe(SAMPLE);
      expect(decodeEntities(escape(SAMPLE), 'xml')).toBe(SAMPLE);
    }
  });
});

describe('decodeEntities in XML syntax', () => {
  it('knows the five predefined names and numeric references only, semicolon required', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#XE9;', 'xml')).toBe(`<>&"' ééé`);
    expect(decodeEntities('&eacute; &nbsp; &amp &lt R&D &foo;', 'xml')).toBe('&eacute; &nbsp; &amp &lt R&D &foo;');
  });

  it('reads numeric references as code points (no Windows-1252), astral ones included', () => {
    expect(decodeEntities('&#146;&#x80;&#x1F600;&#128512;', 'xml')).toBe('\u0092\u0080\u{1F600}\u{1F600}');
    expect(decodeEntities('&#x110000;', 'xml')).toBe('\ufffd');
  });

  it('decodes once: an escaped reference stays a reference', () => {
    expect(decodeEntities('&amp;lt; &#38;amp; &#x26;#60;', 'xml')).toBe('&lt; &amp; &#60;');
    expect(decodeEntities('&amp;lt; &#38;amp;')).toBe('&lt; &amp;');
  });
});

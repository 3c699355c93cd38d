import { describe, expect, it } from 'vitest';
import { decodeEntities, splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('marks the runs between <em> and </em>', () => {
    expect(splitHighlight('Welcome to our <em>onboarding</em> week &amp; fun')).toEqual([
      { text: 'Welcome to our ', match: false },
      { text: 'onboarding', match: true },
      { text: ' week & fun', match: false },
    ]);
  });

  it('keeps escaped markup as text, never as tags', () => {
    const segments = splitHighlight('&lt;script&gt;alert(1)&lt;&#x2F;script&gt; <em>x</em>');
    expect(segments[0]).toEqual({ text: '<script>alert(1)</script> ', match: false });
    expect(segments[1]).toEqual({ text: 'x', match: true });
  });

  it('treats an unexpected tag as plain text', () => {
    expect(splitHighlight('<b>bold</b> <EM>hit</EM>')).toEqual([
      { text: '<b>bold</b> ', match: false },
      { text: 'hit', match: true },
    ]);
  });

  it('merges adjacent matches', () => {
    expect(splitHighlight('<em>on</em><em>board</em>')).toEqual([{ text: 'onboard', match: true }]);
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and named entities', () => {
    expect(decodeEntities('caf&#233; &#x27;q&#x27; &quot;x&quot; &hellip;')).toBe('café \'q\' "x" &hellip;');
  });

  it('leaves invalid code points alone', () => {
    expect(decodeEntities('&#xD800; &#0;')).toBe('&#xD800; &#0;');
  });
});

/**
 * Search highlights arrive as HTML: the engine escapes the user's text (`encoder: html`) and adds only
 * `<em>`/`</em>` around matches. Rather than trust that and inject HTML, we split the fragment on those two markers
 * and decode the entities ourselves, so React renders plain text and a `<mark>` per match: a stray tag in a
 * fragment becomes visible text, never markup.
 */
export interface Segment {
  text: string;
  match: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an HTML encoder writes (`&amp;`, `&#x27;`, `&#233;`…); unknown ones stay as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Lone surrogates and out-of-range points would throw or render garbage: keep the entity as text.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Splits a highlight fragment into plain and matched runs (adjacent runs of the same kind merged). */
export function splitHighlight(fragment: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  for (const part of fragment.split(/(<\/?em>)/i)) {
    const marker = part.toLowerCase();
    if (marker === '<em>') {
      match = true;
    } else if (marker === '</em>') {
      match = false;
    } else if (part) {
      const text = decodeEntities(part);
      const last = segments[segments.length - 1];
      if (last && last.match === match) last.text += text;
      else segments.push({ text, match });
    }
  }
  return segments;
}

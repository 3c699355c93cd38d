import { splitHighlight } from './highlight';

/** A highlight fragment as text with `<mark>` around the matches (built as React nodes: no HTML injected). */
export function Highlighted({ fragment }: { fragment: string }) {
  return (
    <>
      {splitHighlight(fragment).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

import { Fragment, useMemo, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMentionHandles } from './handles';
import { TOKENS, trimHandle } from './mentionText';


// The safe subset feed-service's sanitizer keeps; anything else is rendered as its text only.
const ELEMENTS = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'p', 'br', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre']);

/**
 * A post's or comment's text. The body is sanitized HTML from the API; it is parsed into an inert document (no
 * script runs, nothing loads) and rebuilt as React elements from an allow-list, never injected as HTML. In text,
 * `@handles` of resolved mentions link to the person and `#tags` to the topic.
 */
export function PostBody({ html, mentions }: { html: string; mentions: string[] }) {
  const handles = useMentionHandles(mentions);
  const nodes = useMemo(() => new DOMParser().parseFromString(html, 'text/html').body.childNodes, [html]);
  return <div className="post-body">{renderNodes(nodes, handles, false)}</div>;
}

function renderNodes(nodes: NodeListOf<ChildNode>, handles: Map<string, string>, inLink: boolean): ReactNode[] {
  return Array.from(nodes, (node, i) => renderNode(node, handles, inLink, i));
}

function renderNode(node: ChildNode, handles: Map<string, string>, inLink: boolean, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent ?? '';
    return <Fragment key={key}>{inLink ? text : linkify(text, handles)}</Fragment>;
  }
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  if (tag === 'a') {
    const href = node.getAttribute('href') ?? '';
    const children = renderNodes(node.childNodes, handles, true);
    if (!/^(https?:|mailto:)/i.test(href)) return <Fragment key={key}>{children}</Fragment>;
    return (
      <a key={key} href={href} rel="nofollow noopener noreferrer" target="_blank">
        {children}
      </a>
    );
  }
  if (tag === 'br') return <br key={key} />;
  const children = renderNodes(node.childNodes, handles, inLink);
  if (!ELEMENTS.has(tag)) return <Fragment key={key}>{children}</Fragment>;
  const Tag = tag as 'b';
  return <Tag key={key}>{children}</Tag>;
}

/** Splits text into plain runs, person links and topic links. */
export function linkify(text: string, handles: Map<string, string>): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKENS)) {
    const start = m.index;
    if (m[1] !== undefined) {
      const handle = trimHandle(m[1]);
      const id = handles.get(handle.toLowerCase());
      if (!id) continue; // an unresolved handle names nobody: plain text
      out.push(text.slice(last, start));
      out.push(
        <RouterLink key={start} to={`/people/${encodeURIComponent(id)}`} className="mention">
          @{handle}
        </RouterLink>,
      );
      last = start + 1 + handle.length;
    } else if (m[2] !== undefined) {
      out.push(text.slice(last, start));
      const tag = m[2];
      out.push(
        <RouterLink key={start} to={`/topics/${encodeURIComponent(tag.toLowerCase())}`} className="hashtag">
          #{tag}
        </RouterLink>,
      );
      last = start + 1 + tag.length;
    }
  }
  out.push(text.slice(last));
  return out;
}

/** The text a person would type to get this body back (for editing): markup dropped, line breaks kept. */
export function bodyAsText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  doc.querySelectorAll('p, li, blockquote, pre').forEach((el) => el.append('\n'));
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

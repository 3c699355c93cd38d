// What feed-service's PostText reads as a mention or a topic (its MENTION and HASHTAG patterns): a handle or a
// tag starts after a non-word character, so e-mail addresses are not mentions.

/** The `@handle` or `#tag` being typed just before the caret (the same characters feed-service reads). */
export interface Token {
  kind: '@' | '#';
  query: string;
  start: number; // index of the @ or #
  end: number; // the caret
}

const MENTION_BEFORE_CARET = /(?<![\w@])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})$/u;
const TAG_BEFORE_CARET = /(?<![\w#&])#([\p{L}\p{N}_]{1,64})$/u;

export function tokenAt(text: string, caret: number): Token | null {
  const before = text.slice(0, caret);
  const mention = MENTION_BEFORE_CARET.exec(before);
  if (mention) return { kind: '@', query: mention[1]!, start: caret - mention[0].length, end: caret };
  const tag = TAG_BEFORE_CARET.exec(before);
  if (tag) return { kind: '#', query: tag[1]!, start: caret - tag[0].length, end: caret };
  return null;
}

/** Where a finished `@handle` or `#tag` sits in a text: feed-service's patterns, anywhere in the text. */
export const TOKENS = /(?<![\w@])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})|(?<![\w#&])#([\p{L}\p{N}_]{1,64})/gu;

/** A trailing dot, dash or underscore ends the sentence, not the handle (as feed-service reads it). */
export const trimHandle = (handle: string) => handle.replace(/[._-]+$/, '');

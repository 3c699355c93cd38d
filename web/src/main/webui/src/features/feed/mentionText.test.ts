import { describe, expect, it } from 'vitest';
import { tokenAt, TOKENS, trimHandle } from './mentionText';

describe('tokenAt', () => {
  it('finds the handle being typed before the caret', () => {
    expect(tokenAt('Hello @bo', 9)).toEqual({ kind: '@', query: 'bo', start: 6, end: 9 });
    expect(tokenAt('@a', 2)).toEqual({ kind: '@', query: 'a', start: 0, end: 2 });
  });
  it('needs one character after @ or #', () => {
    expect(tokenAt('Hello @', 7)).toBeNull();
    expect(tokenAt('Hello #', 7)).toBeNull();
  });
  it('finds a topic', () => {
    expect(tokenAt('see #rel and', 8)).toEqual({ kind: '#', query: 'rel', start: 4, end: 8 });
  });
  it('ignores e-mail addresses and entities, as feed-service does', () => {
    expect(tokenAt('mail bob@example', 16)).toBeNull();
    expect(tokenAt('&#64', 4)).toBeNull();
  });
  it('stops at a space', () => {
    expect(tokenAt('@bob hi', 7)).toBeNull();
  });
});

describe('TOKENS', () => {
  it('reads handles and tags like PostText', () => {
    const found = [...'Hi @jean-luc. and #Release_2, a@b.c #é'.matchAll(TOKENS)].map((m) =>
      m[1] !== undefined ? `@${trimHandle(m[1])}` : `#${m[2]}`,
    );
    expect(found).toEqual(['@jean-luc', '#Release_2', '#é']);
  });
});

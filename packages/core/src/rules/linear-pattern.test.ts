import { describe, expect, it } from 'vitest';
import { findSuperLinearConstruct } from './linear-pattern.js';

describe('findSuperLinearConstruct', () => {
  it.each([
    /(a+)+b/g,
    /(?:\w+\s?)*$/g,
    /(?:[a-z]{2,5}\.){2,}/g,
    /(["'])x\1/g,
    /(?<q>["'])x\k<q>/g,
    /(?<=a+)b/g,
    /-----\s*(?<secret>[\s\S]{64,16384}?)\s*-----END/g,
    /\w+\.?\w+X/g,
    /\s*[ \t]{300,}x/g,
    /\w+\d+x/g,
    /key\s*[ \t]*=/g,
    /[a-z]{2,}[a-z0-9]*;/g,
  ])('rejects %s', (pattern) => {
    expect(findSuperLinearConstruct(pattern)).toBeDefined();
  });

  it.each([
    /(?<![A-Za-z0-9])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
    /xox[aprso]-[0-9]{10,13}(?:-[0-9]{10,13})?-[a-f0-9]{32}/g,
    /(?:ab|cd)+/g,
    /[(+*]+\)?/g,
    /a\(b+\)+/g,
    /[ \t]*=[ \t]*["']?/g,
    /-----\s*(?<secret>\S[\s\S]{63,16383}?)(?<=\S)\s*-----END/g,
    /\[a+\]b+/g,
  ])('accepts %s', (pattern) => {
    expect(findSuperLinearConstruct(pattern)).toBeUndefined();
  });
});

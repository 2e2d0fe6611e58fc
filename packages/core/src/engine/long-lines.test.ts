import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from './engine.js';

// The hostile review's long lines (D15, D16): every path of a scan is linear in its input,
// so each of these takes about a second here; before, they took from 30 s to hours
// (quadratic). The time limits leave a wide margin: speed itself is measured by
// `npm run bench` (long-lines), these only catch a quadratic path coming back.
const engine = createEngine();
const scan = (text: string) => engine.scan({ subject: 'content', path: 'min.js', text });
/** A password a generic rule reports, made at run time. */
const password = `${createFake(5).base62(8)}!`;

describe('one long line', () => {
  it(
    'of `password = "` repeated (2 MB), a generic rule\'s key lookup per candidate (D15)',
    { timeout: 20_000 },
    () => {
      expect(scan('password = "'.repeat(170_000))).toEqual([]);
    },
  );

  it(
    'of 2,000,000 string literals (8 MB) in a script whose commentary is asked for',
    { timeout: 20_000 },
    () => {
      // A password candidate asks whether it sits in a comment: the commentary of the whole
      // text is computed, string by string (each found its line's end: 77 s here).
      const text = `const password = "${password}";\nconst list = [${'"x",'.repeat(2_000_000)}];\n`;
      const findings = engine.scan({ subject: 'content', path: 'app.js', text });
      expect(findings.map((finding) => finding.ruleId)).toEqual(['generic-password']);
    },
  );

  it('of `pass=abcdefgh ` repeated (1.1 MB) (D15)', { timeout: 20_000 }, () => {
    expect(scan('pass=abcdefgh '.repeat(80_000))).toEqual([]);
  });

  it(
    'holding 10,000 password findings (250 KB): masks, excerpts and fingerprints per line, not per finding (D16)',
    { timeout: 20_000 },
    () => {
      // One line of a data file (a minified script's generic candidates are not reported).
      const findings = engine.scan({
        subject: 'content',
        path: 'users.json',
        text: `{"password":"${password}"},`.repeat(10_000),
      });
      expect(findings).toHaveLength(10_000);
      expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(10_000);
    },
  );

  it(
    'holding 12,000 distinct tokens (600 KB), each masked in every excerpt (D16)',
    { timeout: 20_000 },
    () => {
      const token = githubTokens(140);
      const tokens = Array.from({ length: 12_000 }, () => token());
      const findings = scan(tokens.map((t, i) => `a${i}="${t}",`).join(''));
      expect(findings).toHaveLength(12_000);
      // No excerpt shows 12 characters in a row of any token past its visible prefix.
      const tails = new Set(tokens.flatMap((t) => [t.slice(-12), t.slice(6, 18)]));
      let shown = 0;
      for (const { excerpt } of findings)
        for (let i = 0; i + 12 <= excerpt.length; i++)
          if (tails.has(excerpt.slice(i, i + 12))) shown++;
      expect(shown).toBe(0);
    },
  );
});

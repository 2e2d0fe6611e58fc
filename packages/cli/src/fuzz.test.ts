import { describe, expect } from 'vitest';
import fc from 'fast-check';
import {
  createEngine,
  createFake,
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  parseTermList,
  TightlipError,
  type Finding,
} from '@tightlip/core';
import { fakeToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { readConfigFile } from './config/load.js';
import { maskMessage } from './main.js';

// Property-based tests (fast-check) of what takes hostile input: the engine, the term-list
// parser, the config loader and the report writers. Random and adversarial input, with a
// fixed seed: in CI a few hundred runs each; `npm run fuzz` (TIGHTLIP_FUZZ=long) runs
// 100 times as many. Properties: no crash (only the tool's own errors), no hang (each run
// is bounded by the test's timeout), and no secret or term shown unmasked.

export const SEED = 20_261_129;
const LONG = process.env.TIGHTLIP_FUZZ === 'long';
const runs = (ci: number) => ({ seed: SEED, numRuns: LONG ? ci * 100 : ci });
const timeout = LONG ? 3_600_000 : 60_000;

const CODENAME = 'Zyxwevon';
const terms = parseTermList(`${CODENAME}\n`, { source: 'names.txt' });
const TOKENS = ['github-pat', 'aws-access-key-id', 'slack-bot-token', 'stripe-secret-key'].map(
  (rule, i) => fakeToken(rule, 300 + i),
);
const PASSWORD = `Qw${createFake(9).base62(10)}!7`;

/** Pieces hostile input is made of: secrets in context, syntax that rules and masks look at, and noise. */
const piece = fc.oneof(
  fc.constantFrom(
    ...TOKENS,
    ...TOKENS.map((token) => `key = "${token.slice(0, 20)}" + "${token.slice(20)}"`),
    `password = "${PASSWORD}"`,
    `{"password":"${PASSWORD}"}`,
    ` ${CODENAME} `,
    `project-${CODENAME.toLowerCase()}`,
    'password = "',
    'pass=abcdefgh ',
    '-----BEGIN PRIVATE KEY-----',
    'https://user:',
    '\u001b[2K\u001b[1A\r',
    '\u0000',
    '\ufeff',
    '\u2028',
    ' tightlip:allow ',
    '\n',
    '"',
    "'",
    '=',
    ':',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const hostileText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

const engine = createEngine({ terms });
const revealing = createEngine({ terms, reveal: true });

/**
 * What masked output may never show of what the engine finds in `texts` (as content or as
 * a name): a term whole, and a credential past the 6 characters a report may show.
 */
function hiddenParts(subject: 'content' | 'file-name', ...texts: string[]): string[] {
  return texts.flatMap((text) => {
    const found = revealing.scan({ subject, path: subject === 'content' ? 'f' : text, text });
    // A term is matched as a word: the same letters inside a longer word are not the term,
    // so a term counts only when every occurrence of its text was found.
    const occurrences = (part: string) => text.toLowerCase().split(part.toLowerCase()).length - 1;
    const termParts = found.filter((f) => f.kind === 'term').map((f) => f.secret!);
    return found
      .map((f) => (f.kind === 'term' ? f.secret! : f.secret!.slice(6)))
      .filter((part) => part.length >= 8)
      .filter(
        (part) =>
          !termParts.includes(part) ||
          occurrences(part) === termParts.filter((other) => other === part).length,
      );
  });
}

/** Paths of reports (masking names is the engine's property), with control characters. */
const reportPath = fc.string({
  unit: fc.constantFrom('a', 'b', '/', '.', ' ', '\u001b', '\u0007', '\n', '%', ':', ','),
  maxLength: 12,
});

function shows(text: string, hidden: readonly string[]): string | undefined {
  return hidden.find((part) => text.includes(part));
}

describe('fuzz', () => {
  it(
    'the engine: no crash, findings in order, nothing it found shown unmasked',
    { timeout },
    () => {
      fc.assert(
        fc.property(hostileText, hostileText, (text, path) => {
          const findings = engine.scan({ subject: 'content', path: 'f.js', text });
          for (let i = 1; i < findings.length; i++)
            expect(findings[i]!.line).toBeGreaterThanOrEqual(findings[i - 1]!.line);
          expect(shows(JSON.stringify(findings), hiddenParts('content', text))).toBeUndefined();
          expect(shows(engine.redactName(path), hiddenParts('file-name', path))).toBeUndefined();
        }),
        runs(300),
      );
    },
  );

  it(
    'the term-list parser: terms or its own error, never a term in the message',
    { timeout },
    () => {
      const list = fc.oneof(
        fc
          .array(
            fc.oneof(piece, fc.constantFrom('#', '{', '}', '[', ']', ',', '"term":', '"id":')),
            {
              maxLength: 30,
            },
          )
          .map((parts) => parts.join('')),
        fc
          .record({
            version: fc.oneof(fc.constant(1), fc.anything()),
            terms: fc.array(
              fc.record(
                {
                  id: fc.oneof(fc.string(), fc.constant(CODENAME)),
                  term: fc.oneof(fc.string(), fc.constant(CODENAME)),
                  owner: fc.oneof(fc.string(), fc.constant(`${CODENAME}-team`)),
                  severity: fc.string(),
                  lifts: fc.string(),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 5 },
            ),
          })
          .map((value) => JSON.stringify(value)),
      );
      fc.assert(
        fc.property(list, (text) => {
          try {
            parseTermList(text, { source: 'list.txt' });
          } catch (error) {
            expect(error).toBeInstanceOf(TightlipError);
            expect((error as Error).message).not.toContain(CODENAME);
          }
        }),
        runs(300),
      );
    },
  );

  it(
    'the config loader: a config or a ConfigError, never a secret in the message',
    { timeout },
    async ({ temp }) => {
      const value = fc.oneof(
        fc.jsonValue(),
        fc.constantFrom(...TOKENS, '(a|aa)+$', '(?<=x)y', '^(\\w+)+-$', '[', 'tightlip:nope'),
      );
      const config = fc.oneof(
        fc
          .dictionary(
            fc.constantFrom(
              'extends',
              'rules',
              'customRules',
              'terms',
              'allow',
              'baseline',
              'failOn',
              'inlineAllow',
              'maxFileSize',
              TOKENS[0]!,
            ),
            value,
          )
          .map((object) => JSON.stringify(object)),
        fc
          .record({
            customRules: fc.array(
              fc.record({
                id: fc.constantFrom('acme-key', 'x'),
                title: fc.string(),
                pattern: value,
                flags: fc.constantFrom('', 'i', 'u', 'y', 'v'),
              }),
              { maxLength: 3 },
            ),
            allow: fc.record({ patterns: fc.array(value, { maxLength: 3 }) }),
          })
          .map((object) => JSON.stringify(object)),
        hostileText,
      );
      const file = temp.path('tightlip.config.json');
      await fc.assert(
        fc.asyncProperty(config, async (text) => {
          temp.write('tightlip.config.json', text);
          try {
            await readConfigFile(file);
          } catch (error) {
            expect(error).toBeInstanceOf(TightlipError);
            // As main prints it.
            const printed = await maskMessage((error as Error).message, []);
            expect(shows(printed, hiddenParts('file-name', text))).toBeUndefined();
          }
        }),
        runs(200),
      );
    },
  );

  it(
    'the report writers: every format written, parseable where it is JSON, nothing unmasked, no raw control characters in text',
    { timeout },
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(reportPath, hostileText), { maxLength: 1 }), (files) => {
          const findings: Finding[] = files.flatMap(([path, text]) =>
            engine
              .scan({ subject: 'content', path, text })
              .map((f) => ({ ...f, path: engine.redactName(path) })),
          );
          const hidden = hiddenParts('content', ...files.map(([, text]) => text));
          const report = {
            tool: { name: 'tightlip', version: '0' },
            findings,
            rules: engine.rules,
            skipped: [],
            stats: { files: files.length, bytes: 0, durationMs: 1 },
          };
          const outputs = [
            formatText(report),
            formatJson(report),
            formatSarif(report),
            formatJunit(report),
            formatGithub(report),
            formatGitlab(report),
          ];
          for (const output of outputs) expect(shows(output, hidden)).toBeUndefined();
          JSON.parse(outputs[1]!);
          JSON.parse(outputs[2]!);
          JSON.parse(outputs[5]!);
          // eslint-disable-next-line no-control-regex -- the property is about control characters
          expect(outputs[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
        }),
        runs(150),
      );
    },
  );
});

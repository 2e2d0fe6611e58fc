import { readFile } from 'node:fs/promises';
import { builtinRules, CHECKS, createEngine, createFake, familyOf } from '@tightlip/core';
import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { exampleShape, explainRule, formatRuleList } from '../src/actions/rules.js';
import { CONFIG_SCHEMA_PATH, compileConfigValidator } from '../src/config/validate.js';
import { runMain } from './helpers.js';

describe('rules', () => {
  it('lists every rule with its family, provider, severity, confidence, title and format source', () => {
    const text = formatRuleList('text');
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    for (const rule of builtinRules)
      expect(text).toMatch(
        new RegExp(
          `^${rule.id} +${familyOf(rule.id)} +${escape(rule.spec.provider ?? '-')} +${rule.severity} +${rule.confidence} +${escape(rule.title)}( \\[[a-z0-9, -]+\\])?${rule.spec.source === undefined ? '' : `\n {4}${escape(rule.spec.source)}`}$`,
          'im',
        ),
      );
    expect(text).toMatch(/^github-pat +github +.* +high +validated +GitHub .* \[base62-crc32\]$/m);
    const json = JSON.parse(formatRuleList('json')) as {
      id: string;
      remediation: string;
      family: string;
    }[];
    expect(json.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.id));
    expect(json.every((rule) => rule.remediation.length > 10 && rule.family.length > 0)).toBe(true);
  });

  it('explains a rule with description, remediation and a masked example', () => {
    const text = explainRule('aws-access-key-id', 'text');
    expect(text).toContain('AWS access key id');
    expect(text).toContain('What to do: Deactivate and delete the access key');
    expect(text).toMatch(/Example \(masked\):\n {2}AKIA\*{16}/);
  });

  it('gives every rule an example that is masked enough to scan clean', () => {
    const engine = createEngine();
    for (const rule of builtinRules) {
      const example = exampleShape(rule);
      expect(example, rule.id).toContain('*');
      expect(engine.scan({ subject: 'content', path: 'example', text: example! }), rule.id).toEqual(
        [],
      );
    }
  });

  it('fails with a usage error for an unknown rule', () => {
    expect(() => explainRule('github', 'text')).toThrow(/no rule github; did you mean github-pat/);
  });

  it('runs from the command line, and refuses sarif', async ({ temp }) => {
    const list = await runMain(temp, ['rules', 'list', '--format', 'json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(builtinRules.length);
    const explain = await runMain(temp, ['rules', 'explain', 'github-pat']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('ghp_************************************');
    const sarif = await runMain(temp, ['rules', 'list', '--format', 'sarif']);
    expect(sarif.status).toBe(2);
    expect(sarif.stderr).toContain('rules list prints text or json');
  });
});

/** A catalog entry as configuration writes it: without what follows from the rule (family, confidence). */
function asConfigRule(entry: Record<string, unknown>): Record<string, unknown> {
  const { family: _family, confidence: _confidence, weakPrefilter: _weak, ...spec } = entry;
  return spec;
}

describe('rules as data', () => {
  const catalog = JSON.parse(formatRuleList('json')) as Record<string, unknown>[];

  it('prints the catalog in the schema of configured rules, check names included', async () => {
    const validate = await compileConfigValidator();
    for (const entry of catalog) {
      const ok = validate({ customRules: [asConfigRule(entry)] });
      expect(ok, `${String(entry['id'])}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const github = catalog.find((entry) => entry['id'] === 'github-pat')!;
    expect(github).toMatchObject({
      prefix: 'ghp_',
      body: '[A-Za-z0-9]{36}',
      check: ['base62-crc32'],
      confidence: 'validated',
    });
  });

  it('names every check of the registry in the schema, and no other', async () => {
    const schema = JSON.parse(await readFile(CONFIG_SCHEMA_PATH, 'utf8')) as {
      definitions: {
        check: { anyOf: [{ enum: string[] }, { properties: Record<string, unknown> }] };
      };
    };
    const [bare, withArgument] = schema.definitions.check.anyOf;
    expect([...bare.enum, ...Object.keys(withArgument.properties)].sort()).toEqual(
      Object.keys(CHECKS).sort(),
    );
  });

  it('runs every built-in rule written out as a configured rule, with the same samples, but those with lookarounds (refused: RE2 runs configured patterns)', async ({
    temp,
  }) => {
    // Each built-in rule, renamed, as a custom rule carrying its samples of seed 1: the
    // schema of configuration is the schema of the catalog, with the same behaviour. A
    // token from prefix and body has its boundary checked around the match instead.
    // RE2 refuses lookarounds, and repeats over 1000 (it says to write + instead).
    const hasLookaround = (entry: Record<string, unknown>) =>
      entry['pattern'] !== undefined && /\(\?<?[=!]/.test(JSON.stringify(entry['pattern']));
    const runsOnRe2 = (entry: Record<string, unknown>) =>
      !hasLookaround(entry) &&
      !/\{\d*,?\d{4,}\}/.test(JSON.stringify(entry['body'] ?? entry['pattern']));
    const copy = (rule: (typeof builtinRules)[number]) => ({
      ...asConfigRule(catalog.find((entry) => entry['id'] === rule.id)!),
      id: `copy-${rule.id}`,
      samples: rule.samples(createFake(1)),
    });
    const customRules = builtinRules.map(copy).filter(runsOnRe2);
    expect(customRules.length).toBeGreaterThan(80);
    expect(customRules.filter((entry) => 'prefix' in entry).length).toBeGreaterThan(70);
    temp.write('tightlip.config.json', JSON.stringify({ customRules }));
    const run = await runMain(temp, ['rules', 'test']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${customRules.length} custom rules`);
    expect(run.stdout).toContain('all pass');
    expect(run.status).toBe(0);

    const withLookaround = builtinRules.map(copy).find(hasLookaround)!;
    temp.write('tightlip.config.json', JSON.stringify({ customRules: [withLookaround] }));
    const refused = await runMain(temp, ['rules', 'test']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('(customRules[0].pattern): pattern refused');
    expect(refused.stderr).toContain('lookaheads and lookbehinds');
  });
});

describe('custom rules', () => {
  const fake = createFake(12);
  const clientId = () => `ACME-ID-${fake.digits(8)}`;
  const secret = () => `${fake.base62(30)}${fake.digits(1)}Q`;
  const config = () => ({
    customRules: [
      {
        id: 'acme-client-id',
        title: 'ACME client id',
        severity: 'info',
        keywords: ['acme-id-'],
        prefix: 'ACME-ID-',
        body: '[0-9]{8}',
        samples: { match: [clientId()], ignore: ['ACME-ID-1234'] },
      },
      {
        id: 'acme-client-secret',
        title: 'ACME client secret',
        description: 'The 32-character secret written next to an ACME client id.',
        pattern: '\\b[A-Za-z0-9]{32}\\b',
        check: ['random', { near: { rule: 'acme-client-id', withinLines: 2 } }],
        samples: {
          match: [`client = Client("${clientId()}",\n  "${secret()}")`],
          ignore: [`digest = "${secret()}"`, `${clientId()}\n\n\n\nsecret = "${secret()}"`],
        },
      },
      {
        id: 'acme-deploy-token',
        title: 'ACME deploy token',
        keywords: ['acme'],
        pattern: '\\b[a-f0-9]{40}\\b',
        scope: 'line',
        check: { keyedBy: 'acme[_.-]?deploy[_.-]?token' },
        samples: {
          match: [`ACME_DEPLOY_TOKEN=${fake.hex(40)}`, `acme:\n  deploy_token: ${fake.hex(40)}`],
          ignore: [`ACME_COMMIT=${fake.hex(40)}`],
        },
      },
    ],
  });

  it('pair an id with its secret (near), judge by the key path (keyedBy), and pass their samples', async ({
    temp,
  }) => {
    temp.write('tightlip.config.json', JSON.stringify(config()));
    const test = await runMain(temp, ['rules', 'test']);
    expect(test.stdout).toContain('3 custom rules, 8 samples: all pass.');
    expect(test.status).toBe(0);
    temp.write(
      'src/client.py',
      `import acme\n\nclient = acme.Client("${clientId()}",\n                     "${secret()}")\n\n\nother = "${secret()}"\n`,
    );
    const scan = await runMain(temp, ['scan', 'src', '--format', 'json']);
    const findings = (JSON.parse(scan.stdout) as { findings: { ruleId: string; line: number }[] })
      .findings;
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['acme-client-id', 3],
      ['acme-client-secret', 4],
    ]);
    const list = JSON.parse(
      (await runMain(temp, ['rules', 'list', '--format', 'json'])).stdout,
    ) as {
      id: string;
      family: string;
      check?: unknown;
    }[];
    expect(list.find((rule) => rule.id === 'acme-client-secret')).toMatchObject({
      family: 'custom',
      check: ['random', { near: { rule: 'acme-client-id', withinLines: 2 } }],
    });
  });

  it('fail `rules test` on a broken rule, naming the sample without printing it', async ({
    temp,
  }) => {
    const broken = config();
    broken.customRules[2]!.pattern = '\\b[a-f0-9]{64}\\b';
    temp.write('tightlip.config.json', JSON.stringify(broken));
    const run = await runMain(temp, ['rules', 'test']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ acme-deploy-token: samples.match[0] was not found by the rule');
    expect(run.stdout).toContain('✗ acme-deploy-token: samples.match[1] was not found by the rule');
    expect(run.stdout).toContain('2 failed');
    for (const sample of broken.customRules[2]!.samples.match)
      expect(run.stdout).not.toContain(sample.slice(-20));
    const json = JSON.parse((await runMain(temp, ['rules', 'test', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ ok: false, rules: 3 });
  });

  it('fail `rules test` on a rule that nothing tests', async ({ temp }) => {
    temp.write(
      'tightlip.config.json',
      JSON.stringify({
        customRules: [{ id: 'acme-key', title: 'ACME key', pattern: 'acme_[0-9]{9}' }],
      }),
    );
    const run = await runMain(temp, ['rules', 'test']);
    expect(run.stdout).toContain('✗ acme-key: samples.match is empty: nothing tests the rule');
    expect(run.status).toBe(1);
    temp.write('tightlip.config.json', '{}');
    expect(await runMain(temp, ['rules', 'test'])).toMatchObject({ status: 0 });
  });

  it.for<[unknown, RegExp]>([
    [{ check: 'no-such-check' }, /customRules\[0\]\.check/],
    [
      { check: { keyedBy: '(?<=key)x' } },
      /\(customRules\[0\]\.check\.keyedBy\): pattern refused, it must run in linear time/,
    ],
    [
      { check: { near: { rule: 'no-such-rule', withinLines: 1 } } },
      /pairs with "no-such-rule", which is no rule/,
    ],
    [
      { check: 'random', boundary: 'word' },
      /\(customRules\[0\]\): rule x-y: boundary applies to prefix and body/,
    ],
  ])('refuse a rule with %j', async ([extra, message], { temp }) => {
    temp.write(
      'tightlip.config.json',
      JSON.stringify({
        customRules: [{ id: 'x-y', title: 'X', pattern: 'x[0-9]{8}', ...(extra as object) }],
      }),
    );
    const run = await runMain(temp, ['rules', 'test']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

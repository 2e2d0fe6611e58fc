import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ajvDraft04 from 'ajv-draft-04';
import { fakeGithubToken, fakeToken, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { GITLAB_SCHEMA_VERSION } from '@tightlip/core';
import { renderReport } from '../src/report/emit.js';
import { FORMATS } from '../src/report/formats.js';
import { scanPaths } from '../src/actions/scan.js';
import { runMain, testIo, validateGitlabReport } from './helpers.js';

const require = createRequire(import.meta.url);

// A CommonJS module: Node gives its module.exports, which TypeScript types as the module
// with the class as `default` (the package sets both).
const AjvDraft04 = ajvDraft04.default;

/** The official SARIF 2.1.0 JSON schema (draft-04), as shipped by Microsoft's SARIF SDK. */
function sarifValidator() {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

const SECRETS = () => [
  fakeGithubToken(31),
  fakeToken('slack-bot-token', 31),
  fakeToken('aws-access-key-id', 31),
  fakeToken('slack-webhook-url', 31),
  fakeToken('private-key', 31),
];

async function reportWithFindings(temp: TempDir) {
  const secrets = SECRETS();
  temp.write(
    'src/app config.ts',
    `const a = "${secrets[0]}";\nconst b = '${secrets[1]}'; const c = "${secrets[2]}";\n`,
  );
  temp.write('notes/ü & <x>.md', `hook: ${secrets[3]}\nMythos launches soon\n`);
  temp.write('keys/id_rsa', secrets[4]!);
  temp.write('names.txt', 'Mythos\n');
  const { report } = await scanPaths({
    paths: [],
    io: testIo(temp.dir, temp.env),
    termFiles: ['names.txt'],
    reveal: false,
  });
  return { report, secrets };
}

describe('report formats', () => {
  it('SARIF validates against the official SARIF 2.1.0 schema, with and without results', async ({
    temp,
  }) => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false); // the schema does bite: no tool
    const { report } = await reportWithFindings(temp);
    expect(report.findings.length).toBeGreaterThanOrEqual(6);
    for (const r of [report, { ...report, findings: [] }]) {
      const log = JSON.parse(renderReport(r, 'sarif', false));
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
    const log = JSON.parse(renderReport(report, 'sarif', false));
    const rules = log.runs[0].tool.driver.rules;
    for (const result of log.runs[0].results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.partialFingerprints['tightlip/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(rules[result.ruleIndex].help.text.length).toBeGreaterThan(10);
    }
    expect(
      log.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    ).toContain('notes/%C3%BC%20%26%20%3Cx%3E.md');
  });

  it('JSON validates against the documented report schema (version 1)', async ({ temp }) => {
    const { Ajv } = await import('ajv');
    const schema = JSON.parse(
      readFileSync(new URL('../schema/tightlip.report.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const { report } = await reportWithFindings(temp);
    const doc = JSON.parse(renderReport(report, 'json', false));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.findings.map((f: { kind: string }) => f.kind)).toContain('term');
    expect(validate({ ...doc, version: 2 })).toBe(false);
  });

  it('JUnit is well-formed XML with one failed test case per finding', async ({ temp }) => {
    const { report } = await reportWithFindings(temp);
    const xml = renderReport(report, 'junit', false);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(Number(suite['@_failures'])).toBe(report.findings.length);
    expect(suite.testcase.filter((c: Record<string, unknown>) => 'failure' in c)).toHaveLength(
      report.findings.length,
    );

    const clean = renderReport({ ...report, findings: [], skipped: [] }, 'junit', false);
    expect(XMLValidator.validate(clean)).toBe(true);
    expect(
      new XMLParser({ ignoreAttributes: false }).parse(clean).testsuites.testsuite['@_failures'],
    ).toBe('0');
  });

  it('GitHub annotations: one escaped workflow command per finding', async ({ temp }) => {
    const { report } = await reportWithFindings(temp);
    const lines = renderReport(report, 'github', false).trimEnd().split('\n');
    const commands = lines.filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(report.findings.length);
    expect(
      commands.every((line) =>
        /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$/.test(
          line,
        ),
      ),
    ).toBe(true);
    expect(commands.some((line) => line.includes('file=src/app config.ts,line=2,'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^tightlip: \d+ finding/);
  });

  it("GitLab: a secret detection report valid against GitLab's schema", async ({ temp }) => {
    const { report } = await reportWithFindings(temp);
    validateGitlabReport(renderReport(report, 'gitlab', false));
    const doc = JSON.parse(renderReport(report, 'gitlab', false));
    expect(doc.version).toBe(GITLAB_SCHEMA_VERSION);
    expect(doc.scan).toMatchObject({
      type: 'secret_detection',
      status: 'success',
      analyzer: { id: 'tightlip', vendor: { name: 'tightlip' } },
    });
    expect(doc.scan.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(doc.vulnerabilities).toHaveLength(report.findings.length);
    for (const v of doc.vulnerabilities) {
      expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(['Critical', 'High', 'Medium', 'Low', 'Info']).toContain(v.severity);
      expect(v.identifiers[0]).toMatchObject({ type: 'tightlip_rule_id' });
      expect(v.location).toMatchObject({
        file: expect.any(String),
        start_line: expect.any(Number),
        commit: { sha: expect.any(String) },
      });
    }
    expect(new Set(doc.vulnerabilities.map((v: { id: string }) => v.id)).size).toBe(
      doc.vulnerabilities.length,
    );
  });

  it('text groups findings by file with a masked one-line code frame', async ({ temp }) => {
    const { report, secrets } = await reportWithFindings(temp);
    const text = renderReport(report, 'text', false);
    expect(text).toContain(
      'src/app config.ts\n  1:12  high  github-pat  GitHub personal access token (classic)\n',
    );
    expect(text).toContain(
      `    1 | const a = "${secrets[0]!.slice(0, 6)}…";\n      |            ^^^^^^^\n`,
    );
  });

  it('no format ever contains a generated secret or the term, unless --no-mask', async ({
    temp,
  }) => {
    const { report, secrets } = await reportWithFindings(temp);
    for (const format of FORMATS) {
      const output = renderReport(report, format, format === 'text');
      for (const secret of secrets) {
        const middle = Math.floor(secret.length / 2);
        expect(output, format).not.toContain(secret.slice(middle - 6, middle + 6));
      }
      expect(output.toLowerCase(), format).not.toContain('mythos');
    }
    const revealed = await scanPaths({
      paths: [],
      io: testIo(temp.dir, temp.env),
      termFiles: ['names.txt'],
      reveal: true,
    });
    expect(renderReport(revealed.report, 'json', false)).toContain(secrets[0]!);
    expect(renderReport(revealed.report, 'text', false)).toContain(secrets[0]!);
  });

  it('the command line writes each format, masked, and exits 1', async ({ temp }) => {
    const token = fakeGithubToken(8);
    temp.write('a.txt', `token=${token}\n`);
    for (const format of FORMATS) {
      const result = await runMain(temp, ['scan', '--format', format]);
      expect(result.status, `${format}: ${result.stderr}`).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(20);
      expect(result.stdout).not.toContain(token);
    }
  });
});

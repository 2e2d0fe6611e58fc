import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { alnumKey, eitherKey, hexKey, keyedRule, uuidKey, type KeyedProvider } from './keyed.js';
import { fakeUuid } from './shapes.js';

// A fictional provider, declared as the catalog's keyed providers are.
const spec: KeyedProvider = {
  id: 'acme-api-key',
  title: 'Acme API key',
  provider: 'Acme',
  source: 'https://docs.acme.test/authentication',
  credential: 'API key',
  revokeAt: 'the Acme console',
  names: ['acmecorp', 'acme_corp'],
  env: 'ACMECORP_API_KEY',
  shape: hexKey(32),
  hosts: ['api.acmecorp.io'],
  call: 'AcmeCorpClient\\(',
};
const rule = keyedRule(spec);
const uuidRule = keyedRule({
  id: 'acme-secret-key',
  title: 'Acme secret key',
  provider: 'Acme',
  source: 'https://docs.acme.test/authentication',
  credential: 'secret key',
  revokeAt: 'the Acme console',
  names: ['acmecorp'],
  env: 'ACMECORP_SECRET_KEY',
  shape: uuidKey,
});

const fake = createFake(11);
const key = fake.hex(32);
const findings = (text: string, r = rule) =>
  createEngine({ rules: [r] }).scan({ subject: 'content', path: 'config', text });

describe('keyedRule', () => {
  it('declares the provider, its source, keywords from names and hosts, and a description', () => {
    expect(rule.spec.provider).toBe('Acme');
    expect(rule.spec.source).toBe('https://docs.acme.test/authentication');
    expect(rule.keywords).toEqual(['acmecorp', 'acme_corp', 'api.acmecorp.io']);
    expect(rule.description).toContain('32 hex digits');
    expect(rule.description).toContain('ACMECORP_API_KEY');
  });

  it.each([
    ['a key naming the provider and a credential', `ACMECORP_API_KEY=${key}`],
    ['camel case in code', `const acmeCorpToken = "${key}";`],
    ['the key path of a YAML block', `acmecorp:\n  region: eu\n  api_key: "${key}"`],
    ['the key path of a JSON object', `{"acme_corp": {"secret": "${key}"}}`],
    ['the name and a credential word before it on its line', `acmecorp secret key: ${key}`],
    ['a command-line flag', `deploy --acmecorp-token ${key}`],
    ['a password key', `ACMECORP_PWD=${key}`],
    ['a personal access token key', `ACMECORP_PAT=${key}`],
    ['the API host nearby', `curl "https://api.acmecorp.io/v1/items?apikey=${key}"`],
    ['the SDK call', `client = AcmeCorpClient("${key}")`],
  ])('finds the key by %s', (_what, text) => {
    expect(findings(text).map((f) => f.ruleId)).toEqual(['acme-api-key']);
  });

  it.each([
    ['a key that does not name the provider', `CACHE_KEY=${key}`],
    ['a provider key that names no credential', `ACMECORP_BUILD_ID=${key}`],
    ['a path, not a personal access token', `ACMECORP_PATH=${key}`],
    ['the provider named with no credential word', `acmecorp ${key}`],
    ['a commit id of a dependency on the provider', `"acmecorp": "github:acme/acmecorp#${key}"`],
    ['the provider named lines away', `# acmecorp\n\n\n\nrevision = "${key}"`],
    ['a placeholder', `ACMECORP_API_KEY=${'0'.repeat(32)}`],
    ['a sequence', `ACMECORP_API_KEY=0123456789abcdef0123456789abcdef`],
    ['a longer hex run', `ACMECORP_API_KEY=${key}${key}`],
  ])('ignores %s', (_what, text) => {
    expect(findings(text)).toEqual([]);
  });

  it('takes only the named credential words where the provider has public keys beside secret ones', () => {
    const secretOnly = keyedRule({ ...spec, id: 'acme-secret', credentials: 'secret|private' });
    expect(findings(`ACMECORP_SECRET=${key}`, secretOnly)).toHaveLength(1);
    expect(findings(`acmecorp private key: ${key}`, secretOnly)).toHaveLength(1);
    expect(findings(`ACMECORP_API_KEY=${key}`, secretOnly)).toEqual([]);
    expect(findings(`ACMECORP_PUBLIC_KEY=${key}`, secretOnly)).toEqual([]);
  });

  it('runs on the lines naming the provider only, when its name is an ordinary word', () => {
    const lineOnly = keyedRule({ ...spec, id: 'acme-line-key', lineOnly: true });
    expect(lineOnly.scope).toBe('line');
    expect(findings(`acmecorp.api_key = "${key}"`, lineOnly)).toHaveLength(1);
    expect(findings(`acmecorp:\n  api_key: "${key}"`, lineOnly)).toHaveLength(1);
    expect(findings(`acmecorp:\n  region: eu\n  api_key: "${key}"`, lineOnly)).toEqual([]);
  });

  it("takes the provider's own key names that hold no credential word", () => {
    const header = keyedRule({ ...spec, id: 'acme-header-key', keys: ['x-acme-auth-team'] });
    expect(header.keywords).toContain('x-acme-auth-team');
    expect(header.description).toContain('ACMECORP_API_KEY or x-acme-auth-team');
    expect(findings(`X-Acme-Auth-Team: ${key}`, header)).toHaveLength(1);
    expect(findings(`X-Acme-Auth-Team: ${key}`)).toEqual([]);
  });

  it('says what the key can do after the description', () => {
    const withImpact = keyedRule({ ...spec, impact: 'It spends the account credits.' });
    expect(withImpact.description).toMatch(/\. It spends the account credits\.$/);
  });

  it('takes a key of either shape, described as both', () => {
    const either = keyedRule({ ...spec, shape: eitherKey(hexKey(32), alnumKey(22)) });
    expect(either.description).toContain('32 hex digits or 22 letters and digits');
    expect(findings(`ACMECORP_API_KEY=${key}`, either)).toHaveLength(1);
    expect(findings(`ACMECORP_API_KEY=${fake.base62(22)}`, either)).toHaveLength(1);
    expect(findings(`ACMECORP_API_KEY=${fake.base62(27)}`, either)).toEqual([]);
  });

  it('takes UUID keys without asking them to look random, and only where keyed', () => {
    const uuid = fakeUuid(fake);
    expect(findings(`ACMECORP_SECRET_KEY=${uuid}`, uuidRule)).toHaveLength(1);
    expect(findings(`ACMECORP_REQUEST_ID=${uuid}`, uuidRule)).toEqual([]);
    expect(findings(`id: ${uuid} # acmecorp`, uuidRule)).toEqual([]);
  });
});

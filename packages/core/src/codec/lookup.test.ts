import { describe, expect, it } from 'vitest';
import { isLookup } from './lookup.js';

describe('look-ups', () => {
  it.each([
    'process.env.API_KEY',
    'os.environ["X"]',
    'os.getenv("X")',
    'System.getenv("X")',
    'secrets.NPM_TOKEN',
    'var.db_password',
    'vault:secret/data/x',
    '@Microsoft.KeyVault(SecretUri=x)',
  ])('treats %s as a look-up', (value) => expect(isLookup(value)).toBe(true));

  it('does not treat dotted tokens as look-ups', () => {
    expect(isLookup('dp.st.abcdef')).toBe(false);
  });
});

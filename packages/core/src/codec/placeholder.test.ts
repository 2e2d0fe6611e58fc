import { describe, expect, it } from 'vitest';
import { createFake } from './fake.js';
import { isPlaceholder } from './placeholder.js';

const fake = createFake(5);

describe('placeholders', () => {
  it.each([
    'xxxxxxxxxxxxxxxxxxxx',
    '<YOUR_TOKEN>',
    '${GITHUB_TOKEN}',
    '{{ secrets.NPM_TOKEN }}',
    '$API_KEY',
    '%API_KEY%',
    'changeme',
    'your-api-key-here',
    'AKIAIOSFODNN7EXAMPLE',
    '********',
    'sk_test_abc...',
    'abcdefghij',
    '0123456789',
    'aaaaaaaaaaaaaaaa',
    'glpat-XXXXXXXXXXXXXXXXXXXX',
  ])('treats %s as a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('does not treat random tokens as placeholders', () => {
    for (let i = 0; i < 200; i++) expect(isPlaceholder(`ghp_${fake.base62(36)}`)).toBe(false);
  });
});

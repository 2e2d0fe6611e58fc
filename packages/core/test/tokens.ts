import { withBase62Crc32 } from '../src/codec/crc32.js';
import { createFake } from '../src/codec/fake.js';

/**
 * Fresh GitHub classic tokens with valid checksums, from a seeded fake: the token that
 * core's tests have the engine find. `start` fixes the first characters of the random part.
 * (Fixtures' fakeGithubToken cannot be used here: fixtures depend on core.)
 */
export function githubTokens(seed: number): (start?: string) => string {
  const fake = createFake(seed);
  return (start = '') => withBase62Crc32('ghp_', start + fake.base62(30 - start.length));
}

// Keys that vendors publish in their documentation or ship in their emulators. They
// appear in countless repositories and authenticate nowhere that matters. Stored as
// SHA-256 digests so that this file holds no key-shaped string; AWS's documentation keys
// end in EXAMPLE and are caught by the placeholder filter.

import { sha256, toHex } from '../sha256.js';
import { decodeBase64Text } from '../rules/decode.js';

const PUBLISHED_DIGESTS = new Map<number, ReadonlySet<string>>([
  // The Azure Storage emulator (Azurite) account key, documented for devstoreaccount1.
  [88, new Set(['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059'])],
]);

/** Whether `secret` is a published example or emulator key. */
export function isVendorExample(secret: string): boolean {
  const digests = PUBLISHED_DIGESTS.get(secret.length);
  if (digests?.has(toHex(sha256(secret)))) return true;
  return isJwtIoExample(secret);
}

/** The sample token of jwt.io and countless tutorials: subject 1234567890, John Doe. */
function isJwtIoExample(secret: string): boolean {
  if (!secret.startsWith('eyJ')) return false;
  const payload = decodeBase64Text(secret.split('.')[1] ?? '');
  return payload !== undefined && payload.includes('"1234567890"') && payload.includes('John Doe');
}

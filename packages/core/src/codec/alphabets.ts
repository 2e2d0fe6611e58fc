// The alphabets of token formats and their encodings, in one place: codecs decode with
// them, rules write their patterns' fakes with them, `createFake` draws from them. The
// order of the characters matters where a character's index is its value (base64, base62,
// bech32).

export const DIGITS = '0123456789';
export const HEX = `${DIGITS}abcdef`;
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LETTERS = UPPER + LOWER;
export const LOWER_ALNUM = DIGITS + LOWER;
export const UPPER_ALNUM = DIGITS + UPPER;
/** The base62 alphabet of the checksummed token formats (digits, upper, lower). */
export const BASE62 = DIGITS + UPPER + LOWER;
/** Standard base64 (RFC 4648 §4). */
export const BASE64 = `${UPPER}${LOWER}${DIGITS}+/`;
/** URL-safe base64 (RFC 4648 §5). */
export const BASE64URL = `${UPPER}${LOWER}${DIGITS}-_`;
/** Base32 (RFC 4648 §6). */
export const BASE32 = `${UPPER}234567`;
/** The data alphabet of bech32 (BIP 173), by value. */
export const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

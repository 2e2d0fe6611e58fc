// How each character of a text is seen by term matching: its class (what separates and
// splits words) and its folded form (what it is compared as). The same folding applies
// to the terms of a list and to the text scanned, so every spelling below compares equal:
//
//   case            MYTHOS, Mythos                       -> mythos
//   NFKC            full-width Ｍｙｔｈｏｓ, 𝐌𝐲𝐭𝐡𝐨𝐬, ligatures -> mythos
//   diacritics      Mýthös, combining marks              -> mythos
//   homoglyphs      Cyrillic/Greek/Armenian look-alikes  -> Latin (a curated subset of Unicode UTS #39 confusables)
//   invisible       zero-width, bidi controls, soft hyphens, variation selectors and tag characters are dropped
//   leetspeak       myth0s, k3$trel -> mythos, kestrel, only in the leet view and only for terms that opt in

/** Character classes. */
export const SEP = 0;
export const LOWER = 1;
export const UPPER = 2;
export const DIGIT = 3;
/** A letter without case, or a mark that is kept (most scripts' vowel signs). */
export const OTHER = 4;
/** A character that is a word on its own: scripts written without spaces (Han, kana, Thai, …). */
export const SOLO = 5;
/** Ignored entirely: it neither separates nor splits words (zero-width, bidi, diacritic marks). */
export const SKIP = 6;

/** What folding changed about a character, for explanations (`tightlip terms check`). */
export const CHANGED_NFKC = 1;
export const CHANGED_HOMOGLYPH = 2;
export const CHANGED_DIACRITIC = 4;
export const CHANGED_INVISIBLE = 8;
export const CHANGED_CASE = 16;
export const CHANGED_LEET = 32;

export interface CharInfo {
  cls: number;
  /** The folded form: lower case, letters and digits only; '' for SKIP. */
  fold: string;
  /** CHANGED_* bits. */
  changed: number;
}

// Look-alikes of Latin letters, by case (a capital maps to the capital it resembles,
// which is then lower-cased). Sources: Unicode confusables.txt (UTS #39), restricted to
// letters that are indistinguishable or nearly so in common fonts.
const CONFUSABLES: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ԁ: 'D',
  Һ: 'H',
  Ь: 'b',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ь: 'b',
  г: 'r',
  п: 'n',
  // Greek capitals and small letters
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  // Armenian
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  զ: 'q',
  ց: 'g',
  Օ: 'O',
  Ս: 'U',
  // Latin variants and small capitals that NFKC leaves alone
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ʋ: 'u',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

/** Leetspeak substitutions, applied in the leet view only. `l` and `i` fold together, as `1` may stand for either. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '€': 'e',
  '£': 'l',
};

/** Invisible characters: zero-width, joiners, bidi controls, soft hyphen, fillers, tag characters. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    cp === 0x3164 ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Combining marks that decorate letters (diacritics) and variation selectors: dropped. */
function isDiacriticMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

// A class of combining marks on purpose: they are what is removed.
// eslint-disable-next-line no-misleading-character-class
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

// Unicode property classes, built when a character beyond ASCII is first folded: V8 spends
// milliseconds expanding such a class, and twice for a literal (when the source is parsed,
// and when the literal is evaluated), on every start, for texts that are mostly ASCII.
let properties:
  | {
      wordChar: RegExp;
      notWordChars: RegExp;
      casedUpper: RegExp;
      casedLower: RegExp;
      digitsOnly: RegExp;
      soloScript: RegExp;
    }
  | undefined;
const unicodeProperties = (): NonNullable<typeof properties> =>
  (properties ??= {
    wordChar: new RegExp('[\\p{L}\\p{N}\\p{M}]', 'u'),
    notWordChars: new RegExp('[^\\p{L}\\p{N}\\p{M}]', 'gu'),
    casedUpper: new RegExp('^[\\p{Lu}\\p{Lt}]', 'u'),
    casedLower: new RegExp('^\\p{Ll}', 'u'),
    digitsOnly: new RegExp('^\\p{N}+$', 'u'),
    soloScript: new RegExp(
      '^[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Tibetan}]',
      'u',
    ),
  });

/** Folds one character (a code point as a string) as described above. */
function computeInfo(cp: number): CharInfo {
  if (isInvisible(cp)) return { cls: SKIP, fold: '', changed: CHANGED_INVISIBLE };
  if (isDiacriticMark(cp)) return { cls: SKIP, fold: '', changed: CHANGED_DIACRITIC };
  const { wordChar, notWordChars, casedUpper, casedLower, digitsOnly, soloScript } =
    unicodeProperties();
  const original = String.fromCodePoint(cp);
  let changed = 0;
  const nfkc = original.normalize('NFKC');
  if (nfkc !== original) changed |= CHANGED_NFKC;
  if (!wordChar.test(nfkc)) return { cls: SEP, fold: '', changed: 0 };
  const bare = nfkc.normalize('NFD').replace(DIACRITICS, '').normalize('NFC');
  if (bare !== nfkc) changed |= CHANGED_DIACRITIC;
  let latin = '';
  for (const char of bare) latin += CONFUSABLES[char] ?? char;
  if (latin !== bare) changed |= CHANGED_HOMOGLYPH;
  let fold = latin
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .normalize('NFC');
  if (fold !== latin) changed |= CHANGED_CASE;
  fold = fold.replace(notWordChars, '');
  if (fold === '') return { cls: SEP, fold: '', changed: 0 };
  let cls = OTHER;
  if (soloScript.test(nfkc)) cls = SOLO;
  else if (digitsOnly.test(fold)) cls = DIGIT;
  else if (casedUpper.test(latin)) cls = UPPER;
  else if (casedLower.test(latin)) cls = LOWER;
  return { cls, fold, changed };
}

/** How ASCII is seen, precomputed. */
export const ASCII: readonly CharInfo[] = [];
for (let c = 0; c < 128; c++) {
  const char = String.fromCharCode(c);
  const ascii = ASCII as CharInfo[];
  if (c >= 97 && c <= 122) ascii.push({ cls: LOWER, fold: char, changed: 0 });
  else if (c >= 65 && c <= 90)
    ascii.push({ cls: UPPER, fold: char.toLowerCase(), changed: CHANGED_CASE });
  else if (c >= 48 && c <= 57) ascii.push({ cls: DIGIT, fold: char, changed: 0 });
  else ascii.push({ cls: SEP, fold: '', changed: 0 });
}

const cache = new Map<number, CharInfo>();

/** How term matching sees the code point `cp`. ASCII is a table lookup; the rest is computed once and cached. */
export function charInfo(cp: number): CharInfo {
  if (cp < 128) return ASCII[cp]!;
  let info = cache.get(cp);
  if (info === undefined) {
    info = computeInfo(cp);
    // The cache holds at most the code points seen; bound it against adversarial input.
    if (cache.size > 65536) cache.clear();
    cache.set(cp, info);
  }
  return info;
}

/** Class of a leet character that takes the case of the letter before it. */
export const INHERIT = -1;

/** The leet view of ASCII, precomputed: undefined where it is the normal view. */
export const LEET_ASCII: readonly (CharInfo | undefined)[] = ASCII.map((info, cp) => {
  const char = String.fromCharCode(cp);
  if (info.fold === 'l') return { cls: info.cls, fold: 'i', changed: info.changed };
  const letter = LEET[char];
  return letter === undefined ? undefined : { cls: INHERIT, fold: letter, changed: CHANGED_LEET };
});

/**
 * How the leet view sees `cp` when it differs from the normal view: digits and symbols
 * that stand for letters have class INHERIT (the case of the letter before them).
 */
export function leetView(cp: number, info: CharInfo): CharInfo | undefined {
  if (cp < 128) return LEET_ASCII[cp];
  const letter = LEET[String.fromCodePoint(cp)];
  return letter === undefined
    ? undefined
    : {
        cls: info.cls === SEP || info.cls === DIGIT ? INHERIT : info.cls,
        fold: letter,
        changed: info.changed | CHANGED_LEET,
      };
}

/** The leet fold of an already folded string: `myth0s` and `mythos` both give `mythos`, `halcyon` gives `haicyon`. */
export function leetFoldString(folded: string): string {
  let out = '';
  for (const char of folded) out += LEET[char] ?? (char === 'l' ? 'i' : char);
  return out;
}

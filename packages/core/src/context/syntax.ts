// How a language writes comments and strings, and how its files nest keys: enough to tell
// commentary from code and a block's key from its values, not a parser.

/** Comment and string syntax of a language. */
export interface Syntax {
  /** Markers that start a comment running to the end of the line. */
  line: readonly string[];
  /** Comments and documentation strings that span lines: opener and closer. */
  blocks: readonly (readonly [open: string, close: string])[];
  /** Quotes of strings that end on their line (or, for `multiline`, may span lines). */
  quotes: readonly string[];
  multiline: readonly string[];
  /** How blocks of keys nest (see context/outline.ts). */
  nesting: 'indent' | 'braces' | 'sections' | 'none';
}

// Code nests blocks by braces too, but its blocks are code, not keys: block keys come from
// configuration formats only (JSON, HCL, YAML, TOML, INI).
const C_LIKE: Syntax = {
  line: ['//'],
  blocks: [['/*', '*/']],
  quotes: ['"', "'"],
  multiline: ['`'],
  nesting: 'none',
};
const HASH: Syntax = {
  line: ['#'],
  blocks: [],
  quotes: ['"', "'"],
  multiline: [],
  nesting: 'none',
};

const SYNTAX: Record<string, Syntax> = {
  python: {
    line: ['#'],
    blocks: [
      ['"""', '"""'],
      ["'''", "'''"],
    ],
    quotes: ['"', "'"],
    multiline: [],
    nesting: 'none',
  },
  ruby: { ...HASH, blocks: [['=begin', '=end']], nesting: 'none' },
  php: { ...C_LIKE, line: ['//', '#'] },
  yaml: { ...HASH, nesting: 'indent' },
  toml: { ...HASH, nesting: 'sections' },
  ini: { ...HASH, line: ['#', ';'], nesting: 'sections' },
  properties: { ...HASH, line: ['#', '!'], quotes: [], nesting: 'none' },
  json: { line: [], blocks: [], quotes: ['"'], multiline: [], nesting: 'braces' },
  jsonc: { ...C_LIKE, quotes: ['"'], multiline: [], nesting: 'braces' },
  hcl: { ...C_LIKE, line: ['#', '//'], nesting: 'braces' },
  sql: { line: ['--'], blocks: [['/*', '*/']], quotes: ["'", '"'], multiline: [], nesting: 'none' },
  lua: {
    line: ['--'],
    blocks: [['--[[', ']]']],
    quotes: ['"', "'"],
    multiline: [],
    nesting: 'none',
  },
  html: { line: [], blocks: [['<!--', '-->']], quotes: [], multiline: [], nesting: 'none' },
};
for (const language of [
  'javascript',
  'typescript',
  'vue',
  'svelte',
  'java',
  'kotlin',
  'scala',
  'groovy',
  'gradle',
  'go',
  'rs',
  'c',
  'cpp',
  'm',
  'mm',
  'cs',
  'fs',
  'swift',
  'dart',
  'zig',
  'css',
  'scss',
  'less',
])
  SYNTAX[language] = C_LIKE;
for (const language of [
  'shell',
  'ps1',
  'r',
  'pl',
  'pm',
  'tcl',
  'makefile',
  'mk',
  'dockerfile',
  'nix',
  'env',
  'coffee',
  'ex',
  'exs',
  'jl',
  'cr',
  'nim',
  'npmrc',
  'yarnrc',
])
  SYNTAX[language] = HASH;
for (const language of [
  'xml',
  'svg',
  'xsd',
  'xsl',
  'erb',
  'ejs',
  'hbs',
  'jsp',
  'aspx',
  'cshtml',
  'markdown',
])
  SYNTAX[language] = SYNTAX['html']!;
for (const language of ['pypirc', 'gitconfig', 'editorconfig', 'cnf', 'reg'])
  SYNTAX[language] = SYNTAX['ini']!;

/** Files of no known language: `#` and `//` comments, blocks by indentation, as most configuration writes them. */
const UNKNOWN: Syntax = {
  line: ['#', '//'],
  blocks: [],
  quotes: ['"', "'"],
  multiline: [],
  nesting: 'indent',
};

/** The syntax of `language` (as `fileTypeOf` names it). */
export function syntaxOf(language: string): Syntax {
  return SYNTAX[language] ?? UNKNOWN;
}

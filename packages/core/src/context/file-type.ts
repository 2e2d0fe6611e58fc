// What kind of file a text is, judged from its path alone: code (by language), configuration
// (by format), markup, prose, data (logs, tables), or other. Generic detectors judge their
// candidates by it: a literal in code must be quoted, a value in prose is an example.

import type { FileType } from '../types.js';

type Kind = FileType['kind'];

/** Languages whose bare words are identifiers: a literal value is quoted. */
const QUOTED_CODE = `js mjs cjs jsx ts tsx mts cts vue svelte coffee py pyw pyi rb rake gemspec java kt kts
  scala sc groovy gradle go rs c h cc cpp cxx hpp hh hxx m mm cs fs vb php phtml swift dart lua pl pm r jl ex exs
  erl hrl clj cljs hs elm ml zig nim cr sql css scss less`;
/** Code whose bare words are strings: shells and build files (`PASSWORD=value` is a literal). */
const BARE_CODE =
  'sh bash zsh fish ksh ps1 psm1 bat cmd tcl mk makefile dockerfile containerfile nix';
const CONFIG = `yaml yml json json5 jsonc toml ini cfg conf properties env tf tfvars hcl plist npmrc yarnrc
  pypirc netrc gitconfig editorconfig tfstate config cnf reg`;
const MARKUP =
  'html htm xhtml xml xsd xsl svg erb ejs hbs handlebars mustache jinja j2 twig jsp aspx cshtml razor liquid njk';
const PROSE = 'md markdown mdx rst txt text adoc asciidoc textile rdoc org tex pod man';
const DATA = 'log csv tsv har snap';

const BY_EXTENSION = new Map<string, { kind: Kind; quotes: boolean }>();
for (const [list, kind, quotes] of [
  [QUOTED_CODE, 'code', true],
  [BARE_CODE, 'code', false],
  [CONFIG, 'config', false],
  [MARKUP, 'markup', false],
  [PROSE, 'prose', false],
  [DATA, 'data', false],
] as const) {
  for (const extension of list.split(/\s+/)) BY_EXTENSION.set(extension, { kind, quotes });
}

/** Files known by name, without a telling extension. */
const BY_NAME = new Map<string, string>([
  ['dockerfile', 'dockerfile'],
  ['containerfile', 'dockerfile'],
  ['makefile', 'makefile'],
  ['gnumakefile', 'makefile'],
  ['rakefile', 'rb'],
  ['gemfile', 'rb'],
  ['vagrantfile', 'rb'],
  ['jenkinsfile', 'groovy'],
  ['.env', 'env'],
  ['.npmrc', 'npmrc'],
  ['.yarnrc', 'yarnrc'],
  ['.pypirc', 'pypirc'],
  ['.netrc', 'netrc'],
  ['.gitconfig', 'gitconfig'],
  ['.bashrc', 'sh'],
  ['.zshrc', 'sh'],
  ['.profile', 'sh'],
  ['readme', 'md'],
  ['changelog', 'md'],
  ['changes', 'md'],
  ['history', 'md'],
  ['news', 'md'],
  ['authors', 'txt'],
  ['contributors', 'txt'],
  ['license', 'txt'],
  ['copying', 'txt'],
  ['notice', 'txt'],
]);

/** Paths of minified, bundled or generated code. */
const GENERATED = /(?:[.-]min\.(?:js|mjs|css)|\.bundle\.js|\.chunk\.js|\.map|\.pb\.go|_pb2\.py)$/i;

const cache = new Map<string, FileType>();

/** The type of the file at `path` (a repository path, `/`-separated; only its name is used). */
export function fileTypeOf(path: string): FileType {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  let type = cache.get(name);
  if (type === undefined) {
    type = classify(name);
    if (cache.size > 4096) cache.clear();
    cache.set(name, type);
  }
  return type;
}

function classify(name: string): FileType {
  const generated = GENERATED.test(name);
  // `.env.local`, `.env.production`; `settings.ini.dist`, `config.yml.example`.
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env'))
    return { kind: 'config', language: 'env', quotesLiterals: false, generated };
  const byName = BY_NAME.get(
    name.replace(/\.(?:example|sample|dist|template|tpl|in|orig|bak)$/, ''),
  );
  const parts = name.split('.');
  const candidates = byName
    ? [byName]
    : parts.length > 1
      ? [
          parts.at(-1)!,
          // The real extension under a template suffix: `config.yml.example`, `app.json.dist`.
          parts.at(-2)!,
        ]
      : [];
  for (const extension of candidates) {
    const known = BY_EXTENSION.get(extension);
    if (known)
      return {
        kind: known.kind,
        language: LANGUAGE.get(extension) ?? extension,
        quotesLiterals: known.quotes,
        generated,
      };
  }
  return { kind: 'other', language: 'unknown', quotesLiterals: false, generated };
}

/** Extensions that name the same language. */
const LANGUAGE = new Map<string, string>(
  Object.entries({
    js: 'javascript',
    mjs: 'javascript',
    cjs: 'javascript',
    jsx: 'javascript',
    ts: 'typescript',
    tsx: 'typescript',
    mts: 'typescript',
    cts: 'typescript',
    py: 'python',
    pyw: 'python',
    pyi: 'python',
    rb: 'ruby',
    rake: 'ruby',
    gemspec: 'ruby',
    yml: 'yaml',
    yaml: 'yaml',
    htm: 'html',
    xhtml: 'html',
    md: 'markdown',
    markdown: 'markdown',
    mdx: 'markdown',
    sh: 'shell',
    bash: 'shell',
    zsh: 'shell',
    ksh: 'shell',
    fish: 'shell',
    tf: 'hcl',
    tfvars: 'hcl',
    hcl: 'hcl',
    cfg: 'ini',
    conf: 'ini',
    cnf: 'ini',
    gitconfig: 'ini',
    editorconfig: 'ini',
    json5: 'json',
    jsonc: 'json',
    tfstate: 'json',
    cc: 'cpp',
    cxx: 'cpp',
    hpp: 'cpp',
    hh: 'cpp',
    hxx: 'cpp',
    h: 'c',
    kts: 'kotlin',
    kt: 'kotlin',
  }),
);

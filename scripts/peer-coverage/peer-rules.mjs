// Reading the peers' rule files (Nosey Parker, Kingfisher) from their fetched git snapshots at
// run time, and turning their Rust-syntax patterns into JavaScript ones, so that the secret
// inside each example can be judged on its own. Nothing read here is ever written anywhere.
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';

/**
 * @typedef {{ file: string, name: string, id: string, pattern: string, examples: string[],
 *   categories: string[], visible: boolean }} PeerRule
 */

/** The peers, where their rules live, and the env var that points at each snapshot. */
export const PEERS = /** @type {const} */ ([
  {
    key: 'noseyparker',
    title: 'Nosey Parker',
    trustCategories: true,
    env: 'TIGHTLIP_NOSEYPARKER_REPO',
    defaultRepo: '/work/.mirror/praetorian-inc+noseyparker/repo',
    rulesDir: 'crates/noseyparker/data/default/builtin/rules/',
  },
  {
    key: 'kingfisher',
    title: 'Kingfisher',
    trustCategories: false,
    env: 'TIGHTLIP_KINGFISHER_REPO',
    defaultRepo: '/work/.mirror/mongodb+kingfisher/repo',
    rulesDir: 'data/rules/',
  },
]);

/** @param {string} repo @param {string[]} args */
function git(repo, args) {
  return execFileSync('git', ['--git-dir', repo, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The git directory of a snapshot (a bare repository, or a work tree's `.git`), or undefined. */
export function gitDirOf(/** @type {string} */ path) {
  for (const candidate of [path, `${path}/.git`]) {
    try {
      git(candidate, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
      return candidate;
    } catch {
      // not a git directory with a commit: try the next form
    }
  }
  return undefined;
}

/**
 * Every rule of every YAML file under `rulesDir` at HEAD of the snapshot `gitDir` (read with
 * one `git cat-file --batch`).
 * @param {string} gitDir @param {string} rulesDir
 * @returns {{ commit: string, rules: PeerRule[] }}
 */
export function readPeerRules(gitDir, rulesDir) {
  const commit = git(gitDir, ['rev-parse', 'HEAD']).trim();
  const files = git(gitDir, ['ls-tree', '-r', 'HEAD', '--', rulesDir])
    .split('\n')
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.+\.ya?ml)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, blob = '', file = '']) => ({ blob, file }));
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: files.map(({ blob }) => blob).join('\n') + '\n',
    maxBuffer: 256 * 1024 * 1024,
  });
  /** @type {PeerRule[]} */
  const rules = [];
  let offset = 0;
  for (const { file } of files) {
    const headerEnd = batch.indexOf(10, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
    const text = batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8');
    offset = headerEnd + 1 + size + 1;
    const document = /** @type {{ rules?: Record<string, unknown>[] } | null} */ (parse(text));
    for (const rule of document?.rules ?? []) {
      rules.push({
        file,
        name: String(rule['name']),
        id: String(rule['id']),
        pattern: String(rule['pattern']),
        examples: Array.isArray(rule['examples']) ? rule['examples'].map(String) : [],
        categories: Array.isArray(rule['categories']) ? rule['categories'].map(String) : [],
        visible: rule['visible'] !== false,
      });
    }
  }
  return { commit, rules };
}

const POSIX_CLASSES = /** @type {Record<string, string>} */ ({
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  digit: '0-9',
  xdigit: '0-9a-fA-F',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\s',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
});

/**
 * A JavaScript RegExp for a pattern in the Rust `regex` crate's syntax, as the peers write
 * them: inline flags (`(?x)`, `(?i)`, `(?s)`, `(?m)`, scoped `(?i:…)`) become RegExp flags
 * (a scoped or later `(?i)` applies to the whole pattern: a broader match, fine for finding
 * the secret inside an example), extended mode drops whitespace and `#` comments, `\z` / `\A`
 * become anchors, `(?#…)` comments go, POSIX classes are spelled out. Undefined when JavaScript cannot compile it.
 * @param {string} pattern
 * @returns {RegExp | undefined}
 */
export function toJsRegExp(pattern) {
  const flags = new Set(['g']);
  let extended = false;
  let source = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'z') source += '$';
      else if (next === 'A') source += '^';
      else source += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const end = pattern.indexOf(':]', i + 2);
        const name = end === -1 ? '' : pattern.slice(i + 2, end);
        if (name in POSIX_CLASSES) {
          source += POSIX_CLASSES[name];
          i = end + 1;
          continue;
        }
      }
      if (c === ']') inClass = false;
      if (extended && /\s/.test(c ?? '')) continue;
      source += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      if (pattern[i + 2] === '#') {
        const end = pattern.indexOf(')', i);
        i = end === -1 ? pattern.length : end;
        continue;
      }
      const inline = /^\(\?([imsxU-]+)([:)])/.exec(pattern.slice(i));
      if (inline) {
        const [whole, letters = '', end] = inline;
        const [on = ''] = letters.split('-');
        for (const letter of on) {
          if (letter === 'x') extended = true;
          else if (letter !== 'U') flags.add(letter);
        }
        source += end === ':' ? '(?:' : '';
        i += whole.length - 1;
        continue;
      }
      if (pattern.startsWith('(?P<', i)) {
        source += '(?<';
        i += 3;
        continue;
      }
    }
    if (extended && c === '#') {
      const end = pattern.indexOf('\n', i);
      i = end === -1 ? pattern.length : end;
      continue;
    }
    if (extended && /\s/.test(c ?? '')) continue;
    if (c === '[') {
      inClass = true;
      source += c;
      if (pattern[i + 1] === '^') source += pattern[++i];
      if (pattern[i + 1] === ']') source += '\\' + pattern[++i];
      continue;
    }
    source += c;
  }
  for (const attempt of [[...flags].join(''), [...flags, 'u'].join('')]) {
    try {
      return new RegExp(source, attempt);
    } catch {
      // try with Unicode mode (for \p{…}) next
    }
  }
  return undefined;
}

/** A captured host, address or URL (`db.example.com:5432`, `localhost`, `LDAP://10.0.0.1`). */
const LOCATION =
  /:\/\/|^localhost\b|^\d{1,3}(?:\.\d{1,3}){3}\b|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?]|$)/i;

/**
 * The secrets a peer rule's pattern captures in `example`: of every match, the last captured
 * group that is not a host or URL (the peers capture the secret in a group, after the
 * username or key id where they capture those too, before the host in connection strings),
 * or the whole match when there is none. A group inside another captured group is a piece
 * of that one (Kingfisher's Twitter pattern repeats `([a-zA-Z0-9]{3,}%)` inside the token
 * it captures), not a secret of its own. Empty when the pattern does not compile or does
 * not match.
 * @param {RegExp | undefined} pattern @param {string} example
 * @returns {string[]}
 */
export function capturedSecrets(pattern, example) {
  if (pattern === undefined) return [];
  const regExp = pattern.hasIndices ? pattern : new RegExp(pattern.source, `${pattern.flags}d`);
  /** @type {string[]} */
  const secrets = [];
  for (const match of example.matchAll(regExp)) {
    const spans = /** @type {([number, number] | undefined)[]} */ (match.indices ?? []).slice(1);
    const groups = match.slice(1).filter((group, i) => {
      const span = spans[i];
      if (group === undefined || group === '' || span === undefined) return false;
      // Groups are numbered by their opening parenthesis: one around this one comes first.
      return !spans
        .slice(0, i)
        .some((outer) => outer !== undefined && outer[0] <= span[0] && span[1] <= outer[1]);
    });
    secrets.push(
      groups.filter((group) => !LOCATION.test(group)).at(-1) ?? groups.at(-1) ?? match[0],
    );
    if (match[0] === '') regExp.lastIndex++;
  }
  return secrets;
}

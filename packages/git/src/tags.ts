/** What an annotated tag object says: the object it tags, its own name, its message. */
export interface TagObject {
  /** Id of the tagged object. */
  object: string;
  /** Type of the tagged object: commit, tag, blob, tree. */
  type: string;
  /** The `tag` header: the tag's own name, which need not match the ref's. */
  name?: string;
  /** The message, without a trailing signature; empty when there is none. */
  message: string;
}

/** Parses the raw text of an annotated tag object (`git cat-file tag <id>`). */
export function parseTag(raw: string): TagObject {
  const body = raw.indexOf('\n\n');
  const headers = body === -1 ? raw : raw.slice(0, body);
  const header = (name: string) => new RegExp(`^${name} (.+)$`, 'm').exec(headers)?.[1];
  return {
    object: header('object') ?? '',
    type: header('type') ?? '',
    ...(header('tag') !== undefined ? { name: header('tag')! } : {}),
    message:
      body === -1
        ? ''
        : raw
            .slice(body + 2)
            .replace(/\n-----BEGIN (?:PGP|SSH) SIGNATURE-----[\s\S]*$/, '')
            .replace(/\s+$/, ''),
  };
}

/** Values a team has decided are not secrets (published test keys, fixtures). */
export interface AllowList {
  /** Exact secret values never reported. */
  values?: readonly string[];
  /** A secret matching any of these (anywhere in it) is not reported. */
  patterns?: readonly RegExp[];
  /** A secret containing any of these, case-insensitively, is not reported. */
  stopwords?: readonly string[];
}

/** A predicate over credential secrets built from an allow list; undefined when the list is empty. */
export function createAllowListFilter(
  list: AllowList | undefined,
): ((secret: string) => boolean) | undefined {
  const values = new Set(list?.values ?? []);
  // Used as given (a user's pattern may run on a linear-time engine: it is not rebuilt as
  // a RegExp); `lastIndex` is reset before each test, for a pattern with g or y.
  const patterns = list?.patterns ?? [];
  const stopwords = (list?.stopwords ?? []).map((word) => word.toLowerCase());
  if (values.size === 0 && patterns.length === 0 && stopwords.length === 0) return undefined;
  return (secret) => {
    if (values.has(secret)) return true;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (pattern.test(secret)) return true;
    }
    if (stopwords.length === 0) return false;
    const lower = secret.toLowerCase();
    return stopwords.some((word) => lower.includes(word));
  };
}

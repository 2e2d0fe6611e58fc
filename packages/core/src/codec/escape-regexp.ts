/** `text` as a regular expression source that matches it literally (`/` and `-` too, for character classes and literals). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

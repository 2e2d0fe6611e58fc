import type { Finding } from '@tightlip/core';

// What the text report says after its findings, in the CLI's words (the core's formatter
// prints only what it is given). Hooks give their own advice: commands/hook-advice.ts.

/** What to do about `findings`, when no command gives advice of its own. */
export function generalAdvice(findings: readonly Finding[]): string[] {
  return [
    ...(findings.some((f) => f.kind === 'credential')
      ? ['Remove each secret and rotate it; it may already be copied.']
      : []),
    ...(findings.some((f) => f.kind === 'term')
      ? ['Replace each codename or embargoed term with its public name, or remove it.']
      : []),
    'A false alarm? Add `tightlip:allow <rule-id> -- reason` in a comment on the line, or accept it with `tightlip baseline update`.',
  ];
}

/** Where the text report sends a reader about files that were not scanned. */
export const SKIPPED_HINT = 'see --verbose or the JSON report';

import type { Hit } from '../hit.js';
import { redactSecret } from '../mask.js';
import type { Rule } from '../types.js';
import { createPrefilter, scanPattern } from './pattern.js';

/** Finds credential hits in a text with a fixed rule set. */
export interface CredentialScanner {
  scan(text: string, reveal: boolean): Hit[];
}

export function createCredentialScanner(rules: readonly Rule[]): CredentialScanner {
  const prefilter = createPrefilter(rules);
  return {
    scan(text, reveal) {
      const hits: Hit[] = [];
      for (const rule of prefilter.select(text.toLowerCase())) {
        for (const match of scanPattern(text, rule)) {
          hits.push({
            ruleId: rule.id,
            kind: 'credential',
            title: rule.title,
            severity: rule.severity,
            confidence: rule.validate ? 'validated' : 'pattern',
            start: match.start,
            end: match.end,
            redacted: redactSecret(match.secret),
            identity: match.secret,
            ...(reveal ? { secret: match.secret } : {}),
          });
        }
      }
      return hits;
    },
  };
}

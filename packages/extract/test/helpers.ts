import { gunzipSync, inflateRawSync } from 'node:zlib';
import { createEngine, parseTermList, type Finding } from '@tightlip/core';
import { createExtractor, type Codecs, type Extraction, type ExtractLimits } from '../src/index.js';

/** Node's zlib, bounded as the CLI bounds it. */
export const codecs: Codecs = {
  inflateRaw: (data, max) => capped(() => inflateRawSync(data, { maxOutputLength: max })),
  gunzip: (data, max) => capped(() => gunzipSync(data, { maxOutputLength: max })),
};

function capped(decompress: () => Uint8Array): Uint8Array | undefined {
  try {
    return decompress();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

/** The codename every test hides. */
export const CODENAME = 'Halcyon';

const engine = createEngine({ terms: parseTermList(`${CODENAME}\n`, { source: 'codenames.txt' }) });

export interface Extracted extends Extraction {
  findings: Finding[];
}

/** `bytes` (a file at `path`) through the extraction stage and the engine. */
export async function extract(
  path: string,
  bytes: Uint8Array | string,
  limits: Partial<ExtractLimits> = {},
): Promise<Extracted> {
  const extractor = createExtractor({ codecs, limits, now: () => performance.now() });
  const content = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const extraction = await extractor.content({ path, bytes: content });
  return { ...extraction, findings: extraction.chunks.flatMap((chunk) => engine.scan(chunk)) };
}

/** Findings as `path:line:column rule (where)`, in order found. */
export function describe(findings: readonly Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.path}:${f.line}:${f.column} ${f.kind === 'term' ? 'term' : f.ruleId}${f.where === undefined ? '' : ` (${f.where})`}`,
  );
}

import {
  decodeText,
  type Chunk,
  type EncodedSpan,
  type LineRange,
  type RawContent,
  type Skipped,
} from '@tightlip/core';
import { CorruptError, expand, type Codecs } from './codecs.js';
import { findEncodedSpans, type EncodedSpan as Encoded } from './decode.js';
import {
  createBudget,
  DEFAULT_EXTRACT_LIMITS,
  LimitError,
  type Budget,
  type ExtractLimits,
} from './limits.js';
import { isOdfPart, readOdf } from './odf.js';
import {
  isReadPart,
  readDocx,
  readPptx,
  readProperties,
  readXlsx,
  type PartReader,
} from './ooxml.js';
import type { Part } from './part.js';
import { isPdf, readPdf } from './pdf.js';
import { printableText, utf16Text } from './printable.js';
import { isTar, readTar } from './tar.js';
import { readNotebook, readSourceMap, readSvgText } from './text-documents.js';
import { isZip, readZip, type Member } from './zip.js';

export interface ExtractorOptions {
  /** Decompressors (see `Codecs`). */
  codecs: Codecs;
  /** Limits per file; the defaults for those not given. */
  limits?: Partial<ExtractLimits>;
  /** The clock for the time limit, in ms. */
  now: () => number;
}

/** What a file or a text became: text chunks to scan, and what could not be extracted and why. */
export interface Extraction {
  chunks: Chunk[];
  skipped: Skipped[];
}

export interface Extractor {
  readonly limits: ExtractLimits;
  /**
   * A file's bytes as text chunks: its text, or the text of its members (a container) or
   * parts (a document), or its printable text (a binary), each with its encoded spans
   * decoded; recursively, within the limits.
   */
  content(content: RawContent): Promise<Extraction>;
  /** A text chunk (file content, a message), then the text its encoded spans decode to. */
  chunk(chunk: Chunk): Promise<Extraction>;
}

/** Most decoded spans kept from one text. */
const MAX_SPANS = 10_000;

/** Where text being extracted comes from. */
interface Origin {
  /** The chunk path: the file, or `file!/member` inside a container. */
  path: string;
  /** The file on disk or in git, once `path` names a member. */
  file?: string;
  where?: string;
  span?: EncodedSpan;
  commit?: string;
  lines?: readonly LineRange[];
}

/** Archives recognised by their first bytes that are not opened: named in the report as binary. */
const UNOPENED: [string, number[]][] = [
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
];

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;

const utf8 = new TextDecoder('utf-8');

const joinWhere = (...parts: (string | undefined)[]) =>
  parts.filter((part) => part !== undefined).join(', ') || undefined;

/** What a member or the content of a gzip file is called: `app.tar` for `app.tgz`, `notes.txt` for `notes.txt.gz`. */
function gunzippedName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.tgz$/i.test(name)) return name.replace(/\.tgz$/i, '.tar');
  return name.replace(/\.gz$/i, '') || name;
}

export function createExtractor(options: ExtractorOptions): Extractor {
  const limits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  const { codecs } = options;

  /** One file's extraction: its budget and what it gave. */
  function createRun() {
    const budget: Budget = createBudget(limits, options.now);
    const result: Extraction = { chunks: [], skipped: [] };
    let stopped = false;

    const skip = (path: string, reason: Skipped['reason'], detail: string, commit?: string) =>
      result.skipped.push({
        path,
        reason,
        detail: commit === undefined ? detail : `${detail}, in commit ${commit}`,
      });

    const member = (origin: Origin, name: string): Origin => ({
      path: `${origin.path}!/${name}`,
      file: origin.file ?? origin.path,
      ...(origin.span ? { span: origin.span, where: origin.where } : {}),
      ...(origin.commit !== undefined ? { commit: origin.commit } : {}),
      ...(origin.lines ? { lines: origin.lines } : {}),
    });

    function chunkOf(origin: Origin, text: string, where?: string | readonly string[]): Chunk {
      return {
        subject: 'content',
        path: origin.path,
        text,
        ...(origin.file !== undefined ? { file: origin.file } : {}),
        ...(where !== undefined ? { where } : {}),
        ...(origin.span ? { span: origin.span } : {}),
        ...(origin.commit !== undefined ? { commit: origin.commit } : {}),
        ...(origin.lines ? { lines: origin.lines } : {}),
      };
    }

    /** A member's name, which leaks as surely as its content (at the encoded span, if it is in one). */
    function nameChunk(origin: Origin, name: string): Chunk {
      return {
        subject: 'file-name',
        path: origin.path,
        text: name,
        ...(origin.file !== undefined ? { file: origin.file } : {}),
        ...(origin.span ? { span: origin.span } : {}),
        ...(origin.commit !== undefined ? { commit: origin.commit } : {}),
      };
    }

    /** `text` scanned as it is, then its encoded spans decoded; `where` names each line when a list. */
    async function addText(
      text: string,
      origin: Origin,
      depth: number,
      where?: string | readonly string[],
    ) {
      const chunk = chunkOf(origin, text, where ?? origin.where);
      result.chunks.push(chunk);
      await decodeSpans(chunk, origin, depth, 1);
    }

    async function decodeSpans(
      chunk: Chunk,
      origin: Origin,
      depth: number,
      startLine: number,
      spans = findEncodedSpans(chunk.text, MAX_SPANS),
    ) {
      const { text } = chunk;
      if (spans.length === 0) return;
      if (depth >= limits.maxDepth) {
        skip(
          origin.path,
          'limit',
          `encoded text nested deeper than ${limits.maxDepth} levels`,
          origin.commit,
        );
        return;
      }
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      let lineIndex = 0;
      const lineOf = (offset: number) => {
        while (lineIndex + 1 < starts.length && starts[lineIndex + 1]! <= offset) lineIndex++;
        return lineIndex;
      };
      const lineText = (index: number) => {
        const end = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length;
        return text.slice(starts[index], end).replace(/\r$/, '');
      };
      for (const encoded of spans) {
        if (stopped) return;
        budget.expand(encoded.bytes.length);
        const first = lineOf(encoded.start);
        const lineWhere = typeof chunk.where === 'string' ? chunk.where : chunk.where?.[first];
        let span = origin.span;
        if (!span) {
          const last = lineOf(Math.max(encoded.start, encoded.end - 1));
          span = {
            line: startLine + first,
            column: encoded.start - starts[first]! + 1,
            endLine: startLine + last,
            endColumn: encoded.end - starts[last]! + 1,
            lineText: lineText(first),
            lineBefore: first > 0 ? lineText(first - 1) : '',
          };
          lineIndex = first;
        }
        await addBytes(
          encoded.bytes,
          { ...origin, span, where: joinWhere(lineWhere, encoded.encoding) },
          depth + 1,
        );
      }
    }

    async function addParts(parts: readonly Part[], origin: Origin, depth: number) {
      for (const part of parts) {
        if (part.lines.length === 0) continue;
        const where =
          origin.where === undefined
            ? part.where
            : part.where.map((name) => `${origin.where}, ${name}`);
        await addText(part.lines.join('\n'), origin, depth, where);
      }
    }

    async function addMembers(members: readonly Member[], origin: Origin, depth: number) {
      for (const entry of members) {
        if (stopped) return;
        const inner = member(origin, entry.name.replace(/^(?:\.?\/)+/, ''));
        result.chunks.push(nameChunk(inner, entry.name));
        await guarded(inner, depth + 1, () => addBytes(entry.read(), inner, depth + 1));
      }
    }

    /** Runs `extract`; a limit or a corrupt input is reported at `origin` (and stops the file when its budget is spent). */
    async function guarded(
      origin: Origin,
      depth: number,
      extract: () => Promise<void>,
      fallback?: Uint8Array,
    ) {
      try {
        await extract();
      } catch (error) {
        if (error instanceof LimitError) {
          if (!stopped) skip(origin.path, 'limit', error.message, origin.commit);
          if (error.spent) stopped = true;
        } else if (error instanceof CorruptError) {
          // A corrupt container in decoded text (a test's broken gzip in base64) leaves nothing
          // unread that a reader could see: its text was scanned, its printable bytes are next.
          if (origin.span === undefined)
            skip(origin.path, 'unreadable', error.message, origin.commit);
          // What a corrupt container or document still shows is scanned all the same.
          if (fallback)
            await addText(
              printableText(fallback),
              { ...origin, where: joinWhere(origin.where, 'printable text') },
              depth,
            );
        } else throw error;
      }
    }

    async function addZip(bytes: Uint8Array, origin: Origin, depth: number) {
      const members = readZip(bytes, codecs, budget);
      const byName = new Map(members.map((entry) => [entry.name, entry]));
      const texts = new Map<string, string | undefined>();
      const read: PartReader = (name) => {
        if (!texts.has(name)) {
          const entry = byName.get(name);
          texts.set(name, entry && utf8.decode(entry.read()));
        }
        return texts.get(name);
      };
      const names = members.map((entry) => entry.name);
      let rest = members;
      if (byName.has('[Content_Types].xml')) {
        const parts: Part[] = byName.has('word/document.xml')
          ? readDocx(names, read)
          : byName.has('ppt/presentation.xml')
            ? readPptx(names, read)
            : byName.has('xl/workbook.xml')
              ? readXlsx(read)
              : [];
        for (const name of ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) {
          const xml = read(name);
          if (xml !== undefined) parts.push(readProperties(xml));
        }
        await addParts(parts, origin, depth);
        rest = members.filter((entry) => !isReadPart(entry.name));
      } else if (
        byName.has('mimetype') &&
        read('mimetype')?.startsWith('application/vnd.oasis.opendocument')
      ) {
        await addParts(readOdf(read), origin, depth);
        rest = members.filter((entry) => !isOdfPart(entry.name));
      }
      await addMembers(rest, origin, depth);
    }

    async function addDocumentText(text: string, origin: Origin, depth: number) {
      const name = origin.path.slice(origin.path.lastIndexOf('/') + 1).toLowerCase();
      if (name.endsWith('.ipynb')) {
        const parts = readNotebook(text);
        if (parts) return addParts(parts, origin, depth);
      }
      const map = name.endsWith('.map') || name.endsWith('.json') ? readSourceMap(text) : undefined;
      if (map) {
        await addText(map.rest, origin, depth);
        for (const source of map.sources) {
          if (stopped) return;
          budget.entry();
          const inner = member(
            origin,
            source.name.replace(/^[./]+/, '').replace(/^webpack:\/+/, ''),
          );
          await addText(source.text, inner, depth + 1);
        }
        return;
      }
      await addText(text, origin, depth);
      if (name.endsWith('.svg')) await addParts([readSvgText(text)], origin, depth);
    }

    async function addBytes(bytes: Uint8Array, origin: Origin, depth: number): Promise<void> {
      if (depth > limits.maxDepth)
        throw new LimitError(`nested deeper than ${limits.maxDepth} levels`, false);
      budget.tick();
      if (isZip(bytes)) return guarded(origin, depth, () => addZip(bytes, origin, depth), bytes);
      if (isGzip(bytes)) {
        return guarded(
          origin,
          depth,
          async () => {
            const inner = expand(codecs.gunzip, bytes, budget);
            if (isTar(inner)) return addMembers(readTar(inner, budget), origin, depth + 1);
            const name = gunzippedName(origin.path);
            const content = member(origin, name);
            result.chunks.push(nameChunk(content, name));
            return addBytes(inner, content, depth + 1);
          },
          bytes,
        );
      }
      if (isTar(bytes))
        return guarded(
          origin,
          depth,
          () => addMembers(readTar(bytes, budget), origin, depth),
          bytes,
        );
      if (isPdf(bytes))
        return guarded(
          origin,
          depth,
          async () => addParts(await readPdf(bytes, budget), origin, depth),
          bytes,
        );
      const text = decodeText(bytes);
      if (text !== undefined) return addDocumentText(text, origin, depth);
      const archive = UNOPENED.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte));
      if (archive) {
        skip(origin.path, 'binary', `${archive[0]} archive, not opened`, origin.commit);
        return;
      }
      const utf16 = utf16Text(bytes);
      if (utf16 !== undefined)
        return addText(utf16, { ...origin, where: joinWhere(origin.where, 'UTF-16 text') }, depth);
      return addText(
        printableText(bytes),
        { ...origin, where: joinWhere(origin.where, 'printable text') },
        depth,
      );
    }

    return {
      result,
      async content(content: RawContent) {
        const origin: Origin = {
          path: content.path,
          ...(content.commit !== undefined ? { commit: content.commit } : {}),
        };
        await guarded(origin, 0, () => addBytes(content.bytes, origin, 0));
        return result;
      },
      async chunk(chunk: Chunk, spans: Encoded[]) {
        result.chunks.push(chunk);
        const origin: Origin = {
          path: chunk.path,
          ...(chunk.file !== undefined ? { file: chunk.file } : {}),
          ...(chunk.commit !== undefined ? { commit: chunk.commit } : {}),
          ...(chunk.lines ? { lines: chunk.lines } : {}),
        };
        await guarded(origin, 0, () => decodeSpans(chunk, origin, 0, chunk.startLine ?? 1, spans));
        // Decoded text of a message stays a message.
        if (chunk.subject === 'message')
          for (const decoded of result.chunks) decoded.subject = 'message';
        return result;
      },
    };
  }

  return {
    limits,
    content: (content) => createRun().content(content),
    // A text with no encoded span is extracted as itself, with no run to set up: a push
    // gives thousands of small texts, few with anything to decode.
    chunk: async (chunk) => {
      if (chunk.subject !== 'content' && chunk.subject !== 'message')
        return { chunks: [chunk], skipped: [] };
      const spans = findEncodedSpans(chunk.text, MAX_SPANS);
      if (spans.length === 0) return { chunks: [chunk], skipped: [] };
      return createRun().chunk(chunk, spans);
    },
  };
}

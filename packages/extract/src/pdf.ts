import { CorruptError } from './codecs.js';
import { LimitError, type Budget } from './limits.js';
import { createPart, type Part } from './part.js';

// PDF text through Mozilla's PDF.js (pdfjs-dist), loaded the first time a PDF is met: the
// text of each page, a line per text line, named `page N`.

const latin1 = new TextDecoder('latin1');

/**
 * Whether `bytes` are a PDF file: a `%PDF-1.x` header at the start, or (as readers allow)
 * later in the first kilobyte of a file that ends with `%%EOF`. A text file that merely
 * mentions the header is not one.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const at = latin1.decode(bytes.subarray(0, 1024)).search(/%PDF-\d\.\d/);
  if (at === 0) return true;
  return at > 0 && latin1.decode(bytes.subarray(-1024)).includes('%%EOF');
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** PDF.js and one worker for every document (in Node, a "fake" worker on this thread), loaded once. */
let loaded: Promise<{ pdfjs: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> | undefined;

/**
 * `load()` with `console.log` silenced: PDF.js says on standard output, as it loads in
 * Node, that it found no canvas package (it renders nothing here, so it needs none). Our
 * standard output is the report (JSON, SARIF): a line there would break it.
 */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  // This package declares no host console: PDF.js's is the global one.
  const { console } = globalThis as unknown as { console: { log: (...args: unknown[]) => void } };
  const { log } = console;
  console.log = () => undefined;
  try {
    return await load();
  } finally {
    console.log = log;
  }
}

/**
 * PDF.js, and the code of its worker imported on this thread as a module (its "fake
 * worker" in Node finds it on `globalThis.pdfjsWorker`): so a bundle carries it, where
 * PDF.js would otherwise look for a `pdf.worker.mjs` file beside itself.
 */
async function loadPdfJs(): Promise<{ pdfjs: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> {
  const [pdfjs, pdfjsWorker] = await quietly(() =>
    Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]),
  );
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
  return { pdfjs, worker: new pdfjs.PDFWorker({ verbosity: 0 }) };
}

/** The text of each page of a PDF; the budget's clock is checked between pages. */
export async function readPdf(bytes: Uint8Array, budget: Budget): Promise<Part[]> {
  loaded ??= loadPdfJs();
  const { pdfjs, worker } = await loaded;
  const task = pdfjs.getDocument({
    worker,
    // PDF.js may take over the buffer it is given (and refuses a Buffer): a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw new CorruptError(`unreadable PDF: ${(error as Error).message}`);
  }
  try {
    const parts: Part[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      budget.tick();
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      budget.expand(text.length);
      const part = createPart();
      part.push(text, `page ${number}`);
      parts.push(part);
      page.cleanup();
    }
    return parts;
  } catch (error) {
    if (error instanceof LimitError) throw error;
    throw new CorruptError(`unreadable PDF: ${(error as Error).message}`);
  } finally {
    await document.destroy();
  }
}

// PDF.js ships no declarations for its worker module: what pdf.ts takes from it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

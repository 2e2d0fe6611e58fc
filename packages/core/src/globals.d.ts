// The few web-standard globals the core uses, available in Node.js, browsers and workers
// alike. Declared here so the core compiles without DOM or Node type libraries.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

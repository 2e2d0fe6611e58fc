// The few web-standard globals the core uses, available in Node.js, browsers and workers
// alike. Declared here so the core compiles without DOM or Node type libraries.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

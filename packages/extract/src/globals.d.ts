// The web-standard globals extraction uses, available in Node.js, browsers and workers alike.
// Declared here so the package compiles without DOM or Node type libraries (as the core does).
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

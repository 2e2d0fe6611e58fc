import { createDirectorySource } from '../scan/directory-source.js';
import { scan, type ScanOptions, type ScanResult } from '../scan/scan.js';

export interface ScanPathsOptions extends ScanOptions {
  /** Files and directories, relative to `io.cwd`; the current directory when empty. */
  paths: readonly string[];
}

/** `tightlip scan`: files and directory trees (respecting .gitignore), through the extraction stage. */
export async function scanPaths(options: ScanPathsOptions): Promise<ScanResult> {
  return scan(await createDirectorySource(options.paths, options.io.cwd), options);
}

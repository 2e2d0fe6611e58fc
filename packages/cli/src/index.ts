// The public API of @tightlip/cli, for programs that embed the command line.
export { main } from './main.js';
export { EXIT_CODES } from './program.js';
export type { Io } from './io.js';
export { scanPaths, type ScanPathsOptions } from './actions/scan.js';
export {
  scanHistory,
  scanMessage,
  scanPush,
  scanRange,
  scanReceive,
  scanStaged,
  type PushScanOptions,
} from './actions/git-scan.js';
export type { ScanOptions, ScanResult } from './scan/scan.js';
export { installHooks, uninstallHooks, currentLauncher } from './actions/install.js';
export { loadConfig, readConfigFile, resolveRules } from './config/load.js';
export { findConfigFile, CONFIG_FILE_NAMES } from './config/find.js';
export { validateConfig } from './config/validate.js';
export { LinearPatternError, LinearRegExp } from './config/linear-regexp.js';
export type { Config, RawConfig } from './config/types.js';
export { ConfigError, InputError, UsageError } from './errors.js';
export { listFiles } from './scan/walk.js';

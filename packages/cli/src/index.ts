// The public API of @tightlip/cli, for programs that embed the command line.
export { main, EXIT_CODES } from './main.js';
export type { Io } from './io.js';
export { scanPaths, type ScanPathsOptions, type ScanPathsResult } from './actions/scan.js';
export {
  scanHistory,
  scanMessage,
  scanPush,
  scanRange,
  scanReceive,
  scanStaged,
  type ScanGitOptions,
  type ScanGitResult,
  type ScanPushOptions,
} from './actions/git-scan.js';
export { installHooks, uninstallHooks, currentLauncher } from './actions/install.js';
export { loadConfig, validateConfig, readConfigFile, findConfigFile, resolveRules, CONFIG_FILE_NAMES, type Config, type RawConfig } from './config.js';
export { ConfigError, InputError, UsageError } from './errors.js';
export { listFiles } from './walk.js';

// The public API of @tightlip/hooks: write, chain and remove git hook scripts.
export { HookError } from './errors.js';
export {
  CHAINED_SUFFIX,
  HOOK_NAMES,
  isManagedHook,
  MANAGED_MARKER,
  renderHookScript,
  renderHuskyBlock,
  type HookName,
  type Launcher,
} from './hook-script.js';
export { findHuskyDir } from './husky.js';
export {
  installHook,
  uninstallHook,
  type InstallHookOptions,
  type InstallOutcome,
  type InstallResult,
  type UninstallOutcome,
  type UninstallResult,
} from './install.js';

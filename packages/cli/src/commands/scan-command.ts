import type { Argv, CommandModule } from 'yargs';
import type { ScanOptions, ScanResult } from '../scan/scan.js';
import type { CommandContext, GlobalArgs } from './context.js';

/** Arguments of every scanning command. */
export interface ScanArgs extends GlobalArgs {
  terms: string[];
}

export interface ScanCommand<A extends ScanArgs> {
  command: string;
  describe: string;
  /** The command's own positionals, options and examples (`--terms` comes with every one). */
  builder?: (yargs: Argv<ScanArgs>) => Argv<A>;
  /** Runs the scan, given the options every scan takes; heavy modules are imported here, lazily. */
  run(options: ScanOptions, argv: A, context: CommandContext): Promise<ScanResult>;
  /** What to do about findings, replacing the general advice of the text report (hooks). */
  advice?: (argv: A) => readonly string[] | undefined;
  /** With --verbose, list the baseline entries that matched nothing (whole-tree scans only: a diff leaves most unmatched). */
  listUnusedBaseline?: boolean;
}

/** The options every scan takes from the global arguments. */
export function scanOptionsOf(argv: ScanArgs, context: CommandContext): ScanOptions {
  return {
    io: context.io,
    ...(argv.config !== undefined ? { config: argv.config } : {}),
    ...(argv.baseline !== undefined ? { baseline: argv.baseline } : {}),
    termFiles: argv.terms,
    reveal: !argv.mask,
  };
}

/**
 * A scanning command: scan, staged, diff, history, commit-msg, pre-push, pre-receive. They
 * differ only in their source and advice; reporting and the exit code are the same for
 * all: `--fail-on` wins over the config's `failOn`, exit 2 for an incomplete scan.
 */
export function defineScanCommand<A extends ScanArgs>(
  context: CommandContext,
  spec: ScanCommand<A>,
): CommandModule<GlobalArgs, A> {
  return {
    command: spec.command,
    describe: spec.describe,
    builder: (yargs: Argv<GlobalArgs>) => {
      const withTerms = yargs.option('terms', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'Term list file (codenames); repeatable',
      }) as Argv<ScanArgs>;
      return spec.builder ? spec.builder(withTerms) : (withTerms as Argv<A>);
    },
    // yargs adds camel-cased aliases; the declared arguments are all there.
    handler: (parsed) => runScanCommand(spec, parsed as unknown as A, context),
  };
}

/** Runs a scanning command on its parsed arguments: the scan, the report, the exit code. */
export async function runScanCommand<A extends ScanArgs>(
  spec: ScanCommand<A>,
  argv: A,
  context: CommandContext,
): Promise<void> {
  const result = await spec.run(scanOptionsOf(argv, context), argv, context);
  const { emitReport } = await import('../report/emit.js');
  const failOn = argv.failOn ?? result.settings.config.failOn;
  const advice = spec.advice?.(argv);
  const options = {
    ...argv,
    ...(failOn !== undefined ? { failOn } : {}),
    ...(advice ? { advice } : {}),
  };
  context.setExitCode(await emitReport(result.report, options, context.io));
  if (argv.verbose && spec.listUnusedBaseline) {
    for (const entry of result.unusedBaselineEntries()) {
      const path = argv.mask ? result.engine.redactName(entry.path) : entry.path;
      context.io.stderr.write(
        `tightlip: baseline entry matched nothing: ${entry.rule} ${path} (remove with \`tightlip baseline prune\`)\n`,
      );
    }
  }
}

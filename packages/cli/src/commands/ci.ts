import type { CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';
import { defineScanCommand, type ScanArgs } from './scan-command.js';

interface CiArgs extends ScanArgs {
  report: string[];
}

export function ciCommand(context: CommandContext): CommandModule<GlobalArgs, CiArgs> {
  return defineScanCommand<CiArgs>(context, {
    command: 'ci',
    describe:
      'Scan what this CI job is about, from GitHub Actions or GitLab CI variables: the pull or merge request, or the pushed commits',
    builder: (yargs) =>
      yargs
        .option('report', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'Also write a report in another format: <format>=<file>; repeatable',
        })
        .example('$0 ci --format github --report sarif=tightlip.sarif', 'GitHub Actions')
        .example('$0 ci --report gitlab=gl-secret-detection-report.json', 'GitLab CI'),
    run: async (options, argv) => {
      const [{ scanCi }, { parseExtraReport, writeCiOutputs }] = await Promise.all([
        import('../actions/ci.js'),
        import('../report/ci-outputs.js'),
      ]);
      const extras = argv.report.map(parseExtraReport);
      const result = await scanCi(options);
      await writeCiOutputs(result.report, extras, context.io);
      return result;
    },
  });
}

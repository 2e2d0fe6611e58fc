import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import type { CommandContext, GlobalArgs } from './context.js';

interface ExplainArgs extends GlobalArgs {
  id: string;
}

/** `--format` is shared with scans; the catalog prints as text or JSON only. */
function rulesFormat(format: GlobalArgs['format']): 'text' | 'json' {
  if (format === 'text' || format === 'json') return format;
  throw new UsageError(`rules print text or json, not ${format}`);
}

export function rulesCommand(context: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'rules',
    describe: 'List the built-in credential rules, or explain one',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .command({
          command: 'list',
          describe: 'Print the rule catalog (id, severity, checks, title); --format json for data',
          handler: async (argv) => {
            const { formatRuleList } = await import('../actions/rules.js');
            context.io.stdout.write(formatRuleList(rulesFormat((argv as unknown as GlobalArgs).format)));
          },
        })
        .command({
          command: 'explain <id>',
          describe: 'Describe a rule: what it finds, how it checks, what to do, a masked example',
          builder: (y: Argv<GlobalArgs>) => y.positional('id', { type: 'string', demandOption: true, describe: 'Rule id, e.g. github-pat' }),
          handler: async (argv) => {
            const { id, format } = argv as unknown as ExplainArgs;
            const { explainRule } = await import('../actions/rules.js');
            context.io.stdout.write(explainRule(id, rulesFormat(format)));
          },
        })
        .demandCommand(1, 'Give a rules command: list or explain <id>.')
        .example('$0 rules list', 'the catalog')
        .example('$0 rules explain aws-access-key-id', 'one rule in detail'),
    handler: () => undefined,
  };
}

import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface ExplainArgs extends GlobalArgs {
  id: string;
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
            const [{ formatRuleList }, { textOrJson, writeOutput }] = await Promise.all([
              import('../actions/rules.js'),
              import('../report/emit.js'),
            ]);
            const { format, output } = argv as unknown as GlobalArgs;
            await writeOutput(formatRuleList(textOrJson(format, 'rules list')), output, context.io);
          },
        })
        .command({
          command: 'explain <id>',
          describe: 'Describe a rule: what it finds, how it checks, what to do, a masked example',
          builder: (y: Argv<GlobalArgs>) =>
            y.positional('id', {
              type: 'string',
              demandOption: true,
              describe: 'Rule id, e.g. github-pat',
            }),
          handler: async (argv) => {
            const { id, format, output } = argv as unknown as ExplainArgs;
            const { textOrJson, writeOutput } = await import('../report/emit.js');
            const { explainRule } = await import('../actions/rules.js');
            await writeOutput(
              explainRule(id, textOrJson(format, 'rules explain')),
              output,
              context.io,
            );
          },
        })
        .demandCommand(1, 'Give a rules command: list or explain <id>.')
        .example('$0 rules list', 'the catalog')
        .example('$0 rules explain aws-access-key-id', 'one rule in detail'),
    handler: () => undefined,
  };
}

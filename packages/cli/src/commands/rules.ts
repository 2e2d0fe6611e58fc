import type { Argv, CommandModule } from 'yargs';
import type { CommandContext, GlobalArgs } from './context.js';

interface ExplainArgs extends GlobalArgs {
  id: string;
}

/**
 * The rules a configuration runs (built-in and custom), loaded like a scan loads them, the
 * built-in ones from the catalog's sources (their samples show in `rules explain`).
 */
async function configuredRules(context: CommandContext, argv: GlobalArgs) {
  const [{ loadConfig, resolveRules }, { builtinRules }] = await Promise.all([
    import('../config/load.js'),
    import('@tightlip/core/catalog'),
  ]);
  const config = await loadConfig({
    explicit: argv.config,
    searchFrom: [context.io.cwd],
    cwd: context.io.cwd,
  });
  return { config, rules: resolveRules(config, builtinRules) };
}

export function rulesCommand(context: CommandContext): CommandModule<GlobalArgs, GlobalArgs> {
  return {
    command: 'rules',
    describe: 'List the credential rules, explain one, or test the samples of custom rules',
    builder: (yargs: Argv<GlobalArgs>) =>
      yargs
        .command({
          command: 'list',
          describe:
            'Print the rule catalog (built-in and custom: id, severity, confidence, checks, title); --format json for the rules as data',
          handler: async (argv) => {
            const [{ formatRuleList }, { textOrJson, writeOutput }] = await Promise.all([
              import('../actions/rules.js'),
              import('../report/emit.js'),
            ]);
            const args = argv as unknown as GlobalArgs;
            const { rules } = await configuredRules(context, args);
            await writeOutput(
              formatRuleList(textOrJson(args.format, 'rules list'), rules),
              args.output,
              context.io,
            );
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
            const args = argv as unknown as ExplainArgs;
            const { textOrJson, writeOutput } = await import('../report/emit.js');
            const { explainRule } = await import('../actions/rules.js');
            const { rules } = await configuredRules(context, args);
            await writeOutput(
              explainRule(args.id, textOrJson(args.format, 'rules explain'), rules),
              args.output,
              context.io,
            );
          },
        })
        .command({
          command: 'test',
          describe:
            "Run the samples of the configuration's custom rules: every match must be found, no ignore may be (exit 1 on a miss)",
          handler: async (argv) => {
            const args = argv as unknown as GlobalArgs;
            const [{ formatRuleTest, testRules }, { textOrJson, writeOutput }] = await Promise.all([
              import('../actions/rules.js'),
              import('../report/emit.js'),
            ]);
            const { config, rules } = await configuredRules(context, args);
            const result = testRules(config.customRules, rules);
            await writeOutput(
              formatRuleTest(result, textOrJson(args.format, 'rules test'), config.file),
              args.output,
              context.io,
            );
            context.setExitCode(result.failures.length === 0 ? 0 : 1);
          },
        })
        .demandCommand(1, 'Give a rules command: list, explain <id> or test.')
        .example('$0 rules list', 'the catalog')
        .example('$0 rules explain aws-access-key-id', 'one rule in detail')
        .example('$0 rules test --config tightlip.config.json', 'run the samples of custom rules'),
    handler: () => undefined,
  };
}

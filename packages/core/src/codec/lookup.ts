// Values that fetch a secret rather than hold it: environment variables, secret stores,
// configuration references (member accesses in code: `isCodeExpression` in filters/shapes.ts).

const LOOKUP = new RegExp(
  '^(?:' +
    [
      String.raw`process\.env`,
      String.raw`import\.meta\.env`,
      String.raw`Deno\.env`,
      String.raw`os\.environ`,
      String.raw`os\.getenv`,
      String.raw`getenv\b`,
      String.raw`System\.getenv`,
      String.raw`Environment\.GetEnvironmentVariable`,
      String.raw`ENV\[`,
      String.raw`ENV\.fetch`,
      String.raw`env\(`,
      String.raw`\$env:`,
      String.raw`%env\(`,
      String.raw`secrets?\.`,
      String.raw`vars\.`,
      String.raw`var\.`,
      String.raw`local\.`,
      String.raw`data\.`,
      String.raw`module\.`,
      String.raw`vault:`,
      String.raw`ssm:`,
      String.raw`arn:aws:`,
      String.raw`op://`,
      String.raw`ref\+`,
      String.raw`!(?:Ref|Sub|GetAtt|ImportValue|secret)\b`,
      String.raw`@Microsoft\.KeyVault`,
      String.raw`azurekeyvault:`,
      String.raw`sm://`,
      String.raw`\$\{`,
    ].join('|') +
    ')',
);

/** Whether `secret` reads a secret from somewhere else instead of being one. */
export function isLookup(secret: string): boolean {
  return LOOKUP.test(secret);
}

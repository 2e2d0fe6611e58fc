import { describe, expect, it } from 'vitest';
import { stripComments } from './message.js';

// Message files as git writes them for the commit-msg hook (git 2.39), before its cleanup.
const TEMPLATE = (c: string) =>
  `${c} Please enter the commit message for your changes. Lines starting\n${c} with '${c}' will be ignored, and an empty message aborts the commit.\n${c}\n${c} On branch feature/secret\n`;
const SCISSORS = (c: string) =>
  `${c} ------------------------ >8 ------------------------\n${c} Do not modify or remove the line above.\n${c} Everything below it will be ignored.\n`;

describe('stripComments', () => {
  it('keeps comment lines when no template of git says they will be dropped (-m, -F, verbatim)', () => {
    expect(stripComments('ok\n#Mythos line\n')).toBe('ok\n#Mythos line');
    expect(stripComments('Subject\n\n# heading of the body\n')).toBe(
      'Subject\n\n# heading of the body',
    );
  });

  it("blanks comment lines (keeping line numbers) when git's editor template says they go, with its comment string", () => {
    expect(stripComments(`Subject\n# note\nBody\n\n${TEMPLATE('#')}`)).toBe('Subject\n\nBody');
    expect(stripComments(`Subject\n#kept: not a comment here\n; dropped\n\n${TEMPLATE(';')}`)).toBe(
      'Subject\n#kept: not a comment here',
    );
    const merge =
      "Merge branch 'x'\n# Please enter a commit message to explain why this merge is necessary,\n# Lines starting with '#' will be ignored, and an empty message aborts\n# the commit.\n";
    expect(stripComments(merge)).toBe("Merge branch 'x'");
  });

  it('keeps comment lines when the template says they are kept (cleanup=whitespace)', () => {
    const kept =
      "Subject\n# stays\n\n# Please enter the commit message for your changes. Lines starting\n# with '#' will be kept; you may remove them yourself if you want to.\n";
    expect(stripComments(kept)).toBe(kept.trimEnd());
  });

  it('keeps every line when git ran no editor, whatever the file says (D3b)', () => {
    const fake = `fix stuff\n\n# deploy key here\n${TEMPLATE('#')}`;
    expect(stripComments(fake, false)).toBe(fake.trimEnd());
    expect(stripComments(fake, true)).toBe('fix stuff');
  });

  it("drops everything from git's scissors line on", () => {
    expect(
      stripComments(`Subject\n\n${TEMPLATE('#')}${SCISSORS('#')}diff --git a/x b/x\n-secret\n`),
    ).toBe('Subject');
    // cleanup=scissors: the cut comes first and the comment lines above it stay.
    expect(stripComments(`Subject\n# stays\n\n${SCISSORS('#')}# On branch main\n`)).toBe(
      'Subject\n# stays',
    );
    // A template named ';': a '#' scissors line is message text to git.
    expect(stripComments(`Subject\n${TEMPLATE(';')}${SCISSORS('#')}below\n`)).toBe(
      'Subject\n\n\n\n\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\n# Everything below it will be ignored.\nbelow',
    );
  });
});

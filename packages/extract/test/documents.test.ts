import { describe as group, expect, it } from 'vitest';
import {
  docx,
  fakeGithubToken,
  notebook,
  odfText,
  odp,
  ods,
  odt,
  pdf,
  pptx,
  sourceMap,
  word,
  xlsx,
  zipFiles,
} from '@tightlip/fixtures';
import { CODENAME, describe, extract } from './helpers.js';

const token = fakeGithubToken();
const half = Math.floor(CODENAME.length / 2);
/** A codename and a token, which every part below holds. */
const BOTH = `${CODENAME} key ${token}`;
/** The two findings of `BOTH` at `column` of `line`. */
const both = (path: string, line: number, where: string, column = 1) => [
  `${path}:${line}:${column} term (${where})`,
  `${path}:${line}:${column + CODENAME.length + 5} github-pat (${where})`,
];

group('documents', () => {
  it('reads every part of a .docx, with a codename split across Word runs', async () => {
    const document = zipFiles(
      docx({
        body: [
          word.p(
            word.r('Launch of Project '),
            word.r(CODENAME.slice(0, half)),
            word.r(CODENAME.slice(half)),
          ),
          word.p(word.r(BOTH)),
          word.p(word.r('Renamed from '), word.del(BOTH), word.ins('Aurora')),
        ],
        header: [word.p(word.r(BOTH))],
        footer: [word.p(word.r(BOTH))],
        footnotes: [BOTH],
        comments: [{ author: 'Ann Lee', text: BOTH }],
        properties: { title: BOTH, keywords: 'launch' },
      }),
    );
    expect(describe((await extract('plan.docx', document)).findings)).toEqual([
      'plan.docx:1:19 term (body)',
      ...both('plan.docx', 2, 'body'),
      ...both('plan.docx', 4, 'body, deleted text', 14),
      ...both('plan.docx', 1, 'header 1'),
      ...both('plan.docx', 1, 'footer 1'),
      ...both('plan.docx', 1, 'footnote 1'),
      ...both('plan.docx', 1, 'comment by Ann Lee'),
      ...both('plan.docx', 1, 'document properties', 8),
    ]);
  });

  it('reads .pptx slides and speaker notes in presentation order, and .xlsx cells by sheet and reference', async () => {
    const deck = zipFiles(
      pptx([{ text: ['Welcome'] }, { text: ['Roadmap'], notes: [BOTH] }, { text: [BOTH] }]),
    );
    expect(describe((await extract('deck.pptx', deck)).findings)).toEqual([
      ...both('deck.pptx', 1, 'slide 2 notes'),
      ...both('deck.pptx', 1, 'slide 3'),
    ]);
    const book = zipFiles(
      xlsx([
        { name: 'Intro', cells: { A1: 'hello' } },
        { name: 'Keys', cells: { A1: 'name', B4: BOTH, C2: `="${BOTH}"&A1` } },
      ]),
    );
    expect(describe((await extract('keys.xlsx', book)).findings)).toEqual([
      ...both('keys.xlsx', 2, 'sheet "Keys" B4'),
      ...both('keys.xlsx', 3, 'sheet "Keys" C2 formula', 3),
    ]);
  });

  it('reads OpenDocument text (comments, tracked deletions, metadata), spreadsheets and presentations', async () => {
    const text = zipFiles(
      odt(
        [
          odfText.p('Project ', CODENAME.slice(0, half), CODENAME.slice(half)),
          odfText.p(BOTH),
          odfText.comment('Bo', BOTH),
          odfText.deletion(BOTH),
        ],
        { Codename: BOTH },
      ),
    );
    expect(describe((await extract('memo.odt', text)).findings)).toEqual([
      'memo.odt:1:9 term (body)',
      ...both('memo.odt', 2, 'body'),
      ...both('memo.odt', 3, 'comment by Bo'),
      ...both('memo.odt', 5, 'deleted text'),
      ...both('memo.odt', 1, 'document properties', 11),
    ]);
    const sheet = zipFiles(
      ods('Keys', [
        ['a', 'b'],
        ['', '', ''],
        ['x', BOTH],
      ]),
    );
    expect(describe((await extract('keys.ods', sheet)).findings)).toEqual(
      both('keys.ods', 4, 'sheet "Keys" B3'),
    );
    const show = zipFiles(odp([{ text: 'Hi' }, { text: 'Plan', notes: BOTH }]));
    expect(describe((await extract('show.odp', show)).findings)).toEqual(
      both('show.odp', 3, 'slide 2 notes'),
    );
  });

  it('reads PDF text by page, compressed or not', async () => {
    for (const compress of [false, true]) {
      const bytes = pdf(['Cover page', `Internal\nProject ${BOTH}`], { compress });
      expect(describe((await extract('brief.pdf', bytes)).findings)).toEqual(
        both('brief.pdf', 2, 'page 2', 9),
      );
    }
  });

  it('reads notebook cells and outputs, SVG text split across <tspan>s, and a source map’s embedded sources as files', async () => {
    const book = notebook([
      { source: 'import os\n', output: 'ok\n' },
      { source: 'print(key)\n', output: `${BOTH}\n` },
      { source: `# ${BOTH}\nx = 1\n` },
    ]);
    expect(describe((await extract('analysis.ipynb', book)).findings)).toEqual([
      ...both('analysis.ipynb', 2, 'cell 2 output'),
      ...both('analysis.ipynb', 1, 'cell 3', 3),
    ]);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10"><tspan>Project ${CODENAME.slice(0, half)}</tspan><tspan>${CODENAME.slice(half)} key ${token}</tspan></text></svg>\n`;
    expect(describe((await extract('logo.svg', svg)).findings)).toEqual([
      // The token is in one node: the raw text shows it; the codename only joined.
      `logo.svg:1:${svg.indexOf(token) + 1} github-pat`,
      ...both('logo.svg', 1, 'text', 9),
    ]);
    const map = sourceMap({
      'webpack:///src/config.ts': `export const key = '${BOTH}';\n`,
      'src/plan.ts': `// nothing here\n`,
    });
    const { findings } = await extract('dist/index.js.map', map);
    expect(describe(findings)).toEqual(
      both('dist/index.js.map!/src/config.ts', 1, '', 21).map((line) => line.replace(' ()', '')),
    );
    expect(findings.map((f) => f.file)).toEqual(['dist/index.js.map', 'dist/index.js.map']);
  });

  it('finds nothing in clean documents', async () => {
    const clean = [
      [
        'a.docx',
        zipFiles(
          docx({
            body: [word.p(word.r('Hello '), word.r('world'))],
            properties: { title: 'Notes' },
          }),
        ),
      ],
      ['b.pptx', zipFiles(pptx([{ text: ['Hi'], notes: ['thanks'] }]))],
      ['c.xlsx', zipFiles(xlsx([{ name: 'S', cells: { A1: 'total', B2: '=SUM(A1:A3)' } }]))],
      ['d.odt', zipFiles(odt([odfText.p('plain words')]))],
      ['e.pdf', pdf(['nothing to see'])],
      ['f.ipynb', Buffer.from(notebook([{ source: 'x = 1\n', output: '1\n' }]))],
    ] as const;
    for (const [path, bytes] of clean) {
      const { findings, skipped } = await extract(path, bytes);
      expect([path, findings, skipped]).toEqual([path, [], []]);
    }
  });

  it('reports truncated documents as unreadable within seconds, never crashing', async () => {
    const document = zipFiles(docx({ body: [word.p(word.r('x'.repeat(50_000)))] }));
    const brief = pdf([`Project ${CODENAME}`]);
    const started = performance.now();
    const cut = await extract('cut.docx', document.subarray(0, document.length / 2));
    const cutPdf = await extract('cut.pdf', brief.subarray(0, 200));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(cut.skipped).toEqual([
      {
        path: 'cut.docx',
        reason: 'unreadable',
        detail: 'no end of central directory (truncated?)',
      },
    ]);
    expect(cutPdf.skipped).toEqual([
      { path: 'cut.pdf', reason: 'unreadable', detail: expect.stringMatching(/^unreadable PDF/) },
    ]);
  });
});

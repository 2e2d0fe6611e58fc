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
          word.p(word.r(`key ${token}`)),
          word.p(word.r('Renamed from '), word.del(CODENAME), word.ins('Aurora')),
        ],
        header: [word.p(word.r(`draft ${CODENAME}`))],
        footer: [word.p(word.r(token))],
        footnotes: [`see ${CODENAME}`],
        comments: [{ author: 'Ann Lee', text: `token ${token}` }],
        properties: { title: `${CODENAME} plan`, keywords: 'launch' },
      }),
    );
    expect(describe((await extract('plan.docx', document)).findings)).toEqual([
      'plan.docx:1:19 term (body)',
      'plan.docx:2:5 github-pat (body)',
      'plan.docx:4:14 term (body, deleted text)',
      'plan.docx:1:7 term (header 1)',
      'plan.docx:1:1 github-pat (footer 1)',
      'plan.docx:1:5 term (footnote 1)',
      'plan.docx:1:7 github-pat (comment by Ann Lee)',
      'plan.docx:1:8 term (document properties)',
    ]);
  });

  it('reads .pptx slides and speaker notes in presentation order, and .xlsx cells by sheet and reference', async () => {
    const deck = zipFiles(
      pptx([
        { text: ['Welcome'] },
        { text: ['Roadmap'], notes: [`say ${CODENAME} only internally`] },
        { text: [`token: ${token}`] },
      ]),
    );
    expect(describe((await extract('deck.pptx', deck)).findings)).toEqual([
      'deck.pptx:1:5 term (slide 2 notes)',
      'deck.pptx:1:8 github-pat (slide 3)',
    ]);
    const book = zipFiles(
      xlsx([
        { name: 'Intro', cells: { A1: 'hello' } },
        { name: 'Keys', cells: { A1: 'name', B4: token, C2: `="${CODENAME}"&A1` } },
      ]),
    );
    expect(describe((await extract('keys.xlsx', book)).findings)).toEqual([
      'keys.xlsx:2:1 github-pat (sheet "Keys" B4)',
      'keys.xlsx:3:3 term (sheet "Keys" C2 formula)',
    ]);
  });

  it('reads OpenDocument text (comments, tracked deletions, metadata), spreadsheets and presentations', async () => {
    const text = zipFiles(
      odt(
        [
          odfText.p('Project ', CODENAME.slice(0, half), CODENAME.slice(half)),
          odfText.comment('Bo', `token ${token}`),
          odfText.deletion(`old ${CODENAME}`),
        ],
        { Codename: CODENAME },
      ),
    );
    expect(describe((await extract('memo.odt', text)).findings)).toEqual([
      'memo.odt:1:9 term (body)',
      'memo.odt:2:7 github-pat (comment by Bo)',
      'memo.odt:4:5 term (deleted text)',
      'memo.odt:1:11 term (document properties)',
    ]);
    const sheet = zipFiles(
      ods('Keys', [
        ['a', 'b'],
        ['', '', ''],
        ['x', token],
      ]),
    );
    expect(describe((await extract('keys.ods', sheet)).findings)).toEqual([
      'keys.ods:4:1 github-pat (sheet "Keys" B3)',
    ]);
    const show = zipFiles(odp([{ text: 'Hi' }, { text: 'Plan', notes: `${CODENAME} ships` }]));
    expect(describe((await extract('show.odp', show)).findings)).toEqual([
      'show.odp:3:1 term (slide 2 notes)',
    ]);
  });

  it('reads PDF text by page, compressed or not', async () => {
    for (const compress of [false, true]) {
      const bytes = pdf(['Cover page', `Internal\nProject ${CODENAME} key ${token}`], { compress });
      expect(describe((await extract('brief.pdf', bytes)).findings)).toEqual([
        'brief.pdf:2:9 term (page 2)',
        'brief.pdf:2:21 github-pat (page 2)',
      ]);
    }
  });

  it('reads notebook cells and outputs, SVG text split across <tspan>s, and a source map’s embedded sources as files', async () => {
    const book = notebook([
      { source: 'import os\n', output: 'ok\n' },
      { source: 'print(key)\n', output: `${token}\n` },
      { source: `# ${CODENAME}\nx = 1\n` },
    ]);
    expect(describe((await extract('analysis.ipynb', book)).findings)).toEqual([
      'analysis.ipynb:2:1 github-pat (cell 2 output)',
      'analysis.ipynb:1:3 term (cell 3)',
    ]);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10"><tspan>Project ${CODENAME.slice(0, half)}</tspan><tspan>${CODENAME.slice(half)}</tspan></text></svg>\n`;
    expect(describe((await extract('logo.svg', svg)).findings)).toEqual([
      'logo.svg:1:9 term (text)',
    ]);
    const map = sourceMap({
      'webpack:///src/config.ts': `export const key = '${token}';\n`,
      'src/plan.ts': `// ${CODENAME}\n`,
    });
    const { findings } = await extract('dist/index.js.map', map);
    expect(describe(findings)).toEqual([
      'dist/index.js.map!/src/config.ts:1:21 github-pat',
      'dist/index.js.map!/src/plan.ts:1:4 term',
    ]);
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

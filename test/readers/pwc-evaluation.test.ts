// PwC evaluation-tables: messy value strings, recursive tasks and datasets flattened to results, and
// rejects that name the JSON path and the reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { mapEvaluationTask, parseScore, readPwcDump, readPwcFile } from '../../src/readers/pwc';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'pwc', 'evaluation-tables.json');

describe('PwC evaluation tables: value strings', () => {
  it.each([
    ['71.8%', 71.8, '%'],
    ['0.718', 0.718, null],
    ['48.5 ± 0.3', 48.5, null],
    ['2.1M', 2.1, 'M'],
    ['1,234.5K', 1234.5, 'K'],
    ['85.2 (single model)', 85.2, null],
    ['-3.5', -3.5, null],
    ['.92', 0.92, null],
    ['1e-3', 0.001, null],
  ])('reads %j as %d %s', (raw, value, unit) => {
    expect(parseScore(raw)).toEqual({ value, unit });
  });

  it.each(['about ninety', 'N/A', '', 'x12', 'Mixed'])('has no number in %j', (raw) => {
    expect(parseScore(raw)).toBeUndefined();
  });
});

describe('PwC evaluation tables: task records', () => {
  const [first] = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as unknown[];
  const items = mapEvaluationTask(first, '$[0]', 'pwc:evaluation-tables.json');

  it('reads the rows of datasets, subdatasets and subtasks, each under its innermost task and dataset', () => {
    const results = items.flatMap((i) =>
      i.ok && i.record.kind === 'result'
        ? [
            `${i.record.task} | ${i.record.dataset} | ${i.record.model} | ${i.record.metric} = ${i.record.value} ${i.record.unit ?? ''}`.trim(),
          ]
        : [],
    );
    expect(results).toEqual([
      'Pwcev Image Classification | Pwcev ImageNet | Pwcev ResNet | Top 1 Accuracy = 76.1 %',
      'Pwcev Image Classification | Pwcev ImageNet | Pwcev ResNet | Number of params = 25.6 M',
      'Pwcev Image Classification | Pwcev ImageNet | Pwcev ViT | Top 1 Accuracy = 88.5',
      'Pwcev Image Classification | Pwcev ImageNet | Pwcev Wordy | Number of params = 1234.5 K',
      'Pwcev Image Classification | Pwcev ImageNet ReaL | Pwcev ViT | Accuracy = 90.7',
      'Pwcev Fine-Grained Classification | Pwcev Birds | Pwcev ResNet | Error = 12.5 %',
    ]);
  });

  it('keeps the raw value, the date and how the row names its paper', () => {
    const vit = items.find((i) => i.ok && i.record.kind === 'result' && i.record.model === 'Pwcev ViT');
    expect(vit).toMatchObject({
      ok: true,
      record: {
        rawValue: '88.5 ± 0.1',
        date: '2020-10-22',
        paper: { pwcUrl: 'https://paperswithcode.com/paper/pwcev-known' },
      },
    });
    const resnet = items.find((i) => i.ok && i.record.kind === 'result' && i.record.model === 'Pwcev ResNet');
    expect(resnet).toMatchObject({
      record: { paper: { arxivId: '2497.00001', title: 'Pwcev Residual Learning' } },
    });
  });

  it('rejects a bad row or value with its JSON path and reason; blanks ("-", "N/A") are no value, not a reject', () => {
    const rejects = items.flatMap((i) => (i.ok ? [] : [`${i.path}: ${i.reason}`]));
    expect(rejects).toEqual([
      '$[0].datasets[0].sota.rows[2].model_name: field "model_name" is required',
      '$[0].datasets[0].sota.rows[4].metrics["Top 1 Accuracy"]: value "about ninety" is not a number',
    ]);
  });

  it.each([
    [{ datasets: [] }, '$[0].task: field "task" is required (the task name)'],
    [{ task: 'T', datasets: {} }, '$[0].datasets: must be an array'],
    [
      { task: 'T', datasets: [{ dataset: 'D', sota: { rows: [{ model_name: 'M', metrics: { A: '1' } }] } }] },
      '$[0].datasets[0].sota.rows[0].paper_url: row "M" names no paper (paper_url or paper_title): a result needs its paper',
    ],
    [
      {
        task: 'T',
        datasets: [
          { dataset: 'D', sota: { rows: [{ model_name: 'M', paper_title: 'P', metrics: { A: true } }] } },
        ],
      },
      '$[0].datasets[0].sota.rows[0].metrics["A"]: value must be a string or a number, got boolean',
    ],
    [
      { task: 'T', datasets: [{ sota: { rows: [] } }] },
      '$[0].datasets[0].dataset: field "dataset" is required (the dataset name)',
    ],
  ])('rejects %j', (raw, reason) => {
    expect(mapEvaluationTask(raw, '$[0]', 'd').map((i) => (i.ok ? 'ok' : `${i.path}: ${i.reason}`))).toEqual([
      reason,
    ]);
  });
});

describe('PwC evaluation tables: the dump reader', () => {
  it('streams every task element into results and rejects (a non-object element is a reject too)', async () => {
    const out: string[] = [];
    for await (const r of readPwcFile(FIXTURE)) {
      if (r.ok) out.push(r.record.kind);
      else out.push(`reject ${r.reason}`);
    }
    expect(out.filter((o) => o === 'result')).toHaveLength(7);
    expect(out.filter((o) => o.startsWith('reject'))).toEqual([
      'reject array element 1: $[0].datasets[0].sota.rows[2].model_name: field "model_name" is required',
      'reject array element 1: $[0].datasets[0].sota.rows[4].metrics["Top 1 Accuracy"]: value "about ninety" is not a number',
      'reject array element 2: $[1].datasets[0].sota.rows[1].paper_url: row "Pwcev Orphan" names no paper (paper_url or paper_title): a result needs its paper',
      'reject array element 3: $[2]: a task record must be a JSON object',
    ]);
  });
});

describe('PwC evaluation tables: where a reject is', () => {
  const lineOfEach = async (input: Readable, file = 'evaluation-tables.json'): Promise<string[]> => {
    const out: string[] = [];
    for await (const r of readPwcDump(input, file))
      out.push(
        r.ok ? `${r.line} ok` : `${r.line} ${r.reason.replace(/^array element \d+: /, '').split(':')[0]}`,
      );
    return out;
  };

  it('reports the line of the row or value a JSON path names in a small file (read in one chunk), not its last line', async () => {
    const lines = await lineOfEach(fs.createReadStream(FIXTURE));
    expect(lines.filter((l) => !l.endsWith(' ok'))).toEqual([
      '38 $[0].datasets[0].sota.rows[2].model_name', // the row's empty model_name
      '56 $[0].datasets[0].sota.rows[4].metrics["Top 1 Accuracy"]', // the bad value
      '140 $[1].datasets[0].sota.rows[1].paper_url', // the row's null paper_url
      '151 $[2]', // the element that is not an object
    ]);
    // a result carries the line its row starts on
    expect(lines.filter((l) => l.endsWith(' ok'))[0]).toBe('17 ok');
  });

  it('reports the same lines whatever the chunks the bytes come in', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    expect(await lineOfEach(Readable.from(chunks))).toEqual(await lineOfEach(fs.createReadStream(FIXTURE)));
  });

  it("answers a missing field with its nearest ancestor's line, and a syntax error with its own line", async () => {
    const text = [
      '[',
      '  {"task": "T", "datasets": [',
      '    {"dataset": "D", "sota": {"rows": [',
      '      {"model_name": "M", "paper_title": "P",',
      '       "metrics": {"A": "1"}},',
      '      {"paper_title": "Q",', // line 6: no model_name
      '       "metrics": {"A": "2"}}',
      '    ]}}',
      '  ]},',
      '  {"task": "U",',
      '   "datasets": [ oops ]}',
      ']',
    ].join('\n');
    expect(await lineOfEach(Readable.from([text]))).toEqual([
      '4 ok',
      '6 $[0].datasets[0].sota.rows[1].model_name',
      '11 invalid JSON array after element 1',
    ]);
  });
});

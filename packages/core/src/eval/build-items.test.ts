import { readFixtureJson, readFixtureJsonl, type RawRecord } from './__tests__/eval-fixtures';
import { buildEvalItems, fewShotContext, limitedCount } from './build-items';
import type { EvalTaskDescriptor } from './eval-task';
import type { McDoc } from './mc-doc';
import { arcTask } from './tasks/arc-task';
import { mmluTask } from './tasks/mmlu-task';
import { xcopaTask } from './tasks/xcopa-task';

const toDocs = (task: EvalTaskDescriptor, records: RawRecord[], lang: string): McDoc[] =>
  records.map((r, index) => task.toDoc(r, { file: 'fixture', index }, lang));

const mmluExamples0 = ["professional_psychology/val/13", "professional_law/val/10", "nutrition/val/32", "moral_scenarios/val/31", "professional_law/val/106", "miscellaneous/val/76", "machine_learning/val/3", "high_school_biology/val/20", "formal_logic/val/13", "clinical_knowledge/val/14", "professional_law/val/141", "security_studies/val/15", "professional_accounting/val/10", "college_physics/val/7", "high_school_mathematics/val/9", "high_school_chemistry/val/15", "professional_psychology/val/8", "philosophy/val/24", "global_facts/val/3", "miscellaneous/val/62", "high_school_world_history/val/14", "high_school_biology/val/14", "clinical_knowledge/val/11", "high_school_microeconomics/val/5", "elementary_mathematics/val/4"];
const mmluExamples3 = ["prehistory/val/0", "professional_accounting/val/0", "professional_accounting/val/7", "miscellaneous/val/85", "high_school_statistics/val/13", "moral_disputes/val/14", "clinical_knowledge/val/5", "philosophy/val/28", "human_sexuality/val/1", "high_school_world_history/val/8", "sociology/val/11", "world_religions/val/9", "virology/val/12", "abstract_algebra/val/6", "us_foreign_policy/val/6", "security_studies/val/17", "professional_medicine/val/8", "miscellaneous/val/18", "management/val/1", "moral_scenarios/val/13", "clinical_knowledge/val/12", "conceptual_physics/val/0", "moral_scenarios/val/6", "security_studies/val/22", "public_relations/val/1"];

// Doc order and few-shot picks below were computed with CPython's random.Random(42), replaying
// lm-evaluation-harness v0.3's evaluate() + fewshot_context() on the same files (not with this code).
describe(buildEvalItems.name, () => {
  const arcTest = readFixtureJson('m_arc/vi_test.json');
  const arcTrain = readFixtureJson('m_arc/vi_train.json');
  const byId = new Map(arcTrain.map((r) => [r.id as string, r]));

  it('arc_vi: shuffles test docs and draws 25 train examples exactly as lm-eval', () => {
    const sut = buildEvalItems(toDocs(arcTask, arcTest, 'vi'), {
      shots: 25, limit: 3, fewShot: { source: arcTask.fewShot, docs: toDocs(arcTask, arcTrain, 'vi') },
    });
    expect(sut.map((i) => i.doc.id)).toEqual([
      'ARC-Challenge/test/MCAS_2010_5_11984', 'ARC-Challenge/test/LEAP_2001_8_10379', 'ARC-Challenge/test/NYSEDREGENTS_2013_8_42',
    ]);
    // The third item's examples start with these train docs and end with Mercury_7211068.
    const third = sut[2]!.context.split('\n\n');
    expect(third).toHaveLength(26);
    const firstExample = byId.get('ARC-Challenge/train/MEA_2016_5_12')!;
    const lastExample = byId.get('ARC-Challenge/train/Mercury_7211068')!;
    const optionOf = (r: RawRecord): string => r[`option_${(r.answer as string).toLowerCase()}`] as string;
    expect(third[0]).toBe(`Question: ${firstExample.instruction as string}\nAnswer: ${optionOf(firstExample)}`);
    expect(third[24]).toBe(`Question: ${lastExample.instruction as string}\nAnswer: ${optionOf(lastExample)}`);
    const scored = arcTest.find((r) => r.id === 'ARC-Challenge/test/NYSEDREGENTS_2013_8_42')!;
    expect(third[25]).toBe(`Question: ${scored.instruction as string}\nAnswer:`);
    expect(sut[2]!.continuations).toEqual(['option_a', 'option_b', 'option_c', 'option_d'].map((k) => ` ${scored[k] as string}`));
  });

  it('mmlu_vi (validation): draws 26 held-out docs and drops the doc itself when drawn', () => {
    const val = toDocs(mmluTask, readFixtureJson('m_mmlu/vi_val.json'), 'vi');
    const sut = buildEvalItems(val, { shots: 25, limit: 4, fewShot: { source: mmluTask.fewShot, docs: val } });
    expect(sut.map((i) => i.doc.sourceId)).toEqual(['philosophy/val/25', 'clinical_knowledge/val/8', 'moral_scenarios/val/17', 'international_law/val/1']);
    const bySourceId = new Map(val.map((d) => [d.sourceId!, d]));
    const expectedContext = (ids: string[], doc: McDoc): string =>
      ids.map((id) => bySourceId.get(id)!).map((e) => `${e.query} ${e.choices[e.gold]!}`).join('\n\n') + '\n\n' + doc.query;
    expect(sut[0]!.context).toBe(expectedContext(mmluExamples0, sut[0]!.doc));
    // Doc 3 drew itself (10th of 26 draws): it is dropped and the 26th draw fills in.
    expect(mmluExamples3).not.toContain('international_law/val/1');
    expect(sut[3]!.context).toBe(expectedContext(mmluExamples3, sut[3]!.doc));
  });

  it('mmlu: hand-checked query with the lettered choices, scored on the choice text', () => {
    const record = readFixtureJson('m_mmlu/vi_dev.json')[0]!;
    const [doc] = toDocs(mmluTask, [record], 'vi');
    expect(doc!.query).toBe(
      'Question: Xem xét mô hình AR(1) sau đây với các rối loạn có trung bình bằng không và phương sai đơn vị\n\nyt = 0.2 + 0.4 yt-1 + ut\n\n' +
        'Trung bình (vô điều kiện) của y sẽ được cho bởi\nChoices:\nA. 0,2\nB. 0,4\nC. 0,5\nD. 0,33\nAnswer:',
    );
    expect(doc!.choices).toEqual(['0,2', '0,4', '0,5', '0,33']);
    expect(doc!.gold).toBe(3);
  });

  it('xcopa_it: 0-shot test docs in lm-eval order with the Italian connector', () => {
    const docs = toDocs(xcopaTask, readFixtureJsonl('xcopa/data/it/test.it.jsonl'), 'it');
    const sut = buildEvalItems(docs, { shots: 0, limit: 3 });
    expect(sut.map((i) => i.doc.id)).toEqual(['164', '383', '45']);
    const [first] = toDocs(xcopaTask, readFixtureJsonl('xcopa/data/it/val.it.jsonl'), 'it');
    // {"premise": "L'uomo aprì il rubinetto.", "choice1": "Il gabinetto si riempì d'acqua.", "choice2": "Dell'acqua fluì dal beccuccio.", "question": "effect", "label": 1}
    expect(first!.query).toBe("L'uomo aprì il rubinetto quindi");
    expect(first!.choices).toEqual(["il gabinetto si riempì d'acqua.", "dell'acqua fluì dal beccuccio."]);
    expect(first!.gold).toBe(1);
  });

  it('joins examples with blank lines after an optional description', () => {
    const a: McDoc = { query: 'Q1?', choices: ['x', 'y'], gold: 1 };
    const b: McDoc = { query: 'Q2?', choices: ['z'], gold: 0 };
    expect(fewShotContext(b, [a, a], 'Desc')).toBe('Desc\n\nQ1? y\n\nQ1? y\n\nQ2?');
    expect(fewShotContext(b, [])).toBe('Q2?');
  });

  it("applies lm-eval's limit rule (fractions are a share)", () => {
    expect(limitedCount(10, undefined)).toBe(10);
    expect(limitedCount(10, 0.25)).toBe(2);
    expect(limitedCount(10, 3)).toBe(3);
    expect(limitedCount(2, 30)).toBe(2);
  });

  it('refuses more shots than the pool can give', () => {
    const docs: McDoc[] = [{ query: 'a', choices: ['b'], gold: 0 }, { query: 'c', choices: ['d'], gold: 0 }];
    expect(() => buildEvalItems(docs, { shots: 2, fewShot: { source: { split: 'validation', kind: 'held-out' }, docs } })).toThrow(/draws 3 docs from the validation split, which has only 2/);
  });
});

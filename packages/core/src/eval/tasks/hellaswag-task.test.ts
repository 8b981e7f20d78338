import { hellaswagPreprocess, hellaswagTask } from './hellaswag-task';

// Expected strings were printed by CPython running lm-eval's HellaSwag _process_doc / preprocess.
describe('hellaswag task', () => {
  it('preprocesses WikiHow artifacts as lm-eval does', () => {
    expect(hellaswagPreprocess(' [header] Add   sugar [substeps] slowly. ')).toBe(' Add  sugar slowly.');
  });

  it('builds the query from activity label, ctx_a and capitalized ctx_b', () => {
    const record = {
      activity_label: 'Making a cake', ctx_a: '  How to bake [title] Preheat the oven.  [step] Mix  the flour.', ctx_b: 'tHEN she ADDS eggs',
      endings: ['[step] Stir.', 'Bake it  [title] now'], label: '0', ind: 12,
    };
    const doc = hellaswagTask.toDoc(record, { file: 'f', index: 0 }, 'vi');
    expect(doc.query).toBe('Making a cake:  How to bake. Preheat the oven.  Mix the flour. Then she adds eggs');
    expect(doc.choices).toEqual([' Stir.', 'Bake it . now']);
    expect(doc.gold).toBe(0);
    expect(doc.sourceId).toBe('12');
  });
});

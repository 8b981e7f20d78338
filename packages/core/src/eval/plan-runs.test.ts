import { planRuns } from './plan-runs';
import { builtinEvalTasks } from './tasks/builtin-eval-tasks';

describe(planRuns.name, () => {
  it('crosses tasks and languages, skipping pairs a task lacks', () => {
    const sut = planRuns(builtinEvalTasks, ['arc', 'xcopa'], ['vi', 'de']);
    expect(sut.runs.map((r) => `${r.task.id}_${r.lang}`)).toEqual(['arc_vi', 'arc_de', 'xcopa_vi']);
    expect(sut.skipped).toEqual(['xcopa_de']);
  });

  it('uses every language of the task when none is given', () => {
    expect(planRuns(builtinEvalTasks, ['xcopa'], undefined).runs).toHaveLength(11);
    expect(planRuns(builtinEvalTasks, ['mmlu'], undefined).runs).toHaveLength(31);
  });

  it('suggests the closest task id for a typo', () => {
    expect(() => planRuns(builtinEvalTasks, ['hellaswg'], ['vi'])).toThrow(/Unknown eval task 'hellaswg'\. Did you mean 'hellaswag'\?/);
  });

  it('rejects a language no requested task has', () => {
    expect(() => planRuns(builtinEvalTasks, ['xcopa'], ['qu', 'de'])).toThrow(/Language 'de' is not available in xcopa/);
  });
});

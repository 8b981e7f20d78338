import { definePlugin } from '../plugin/plugin';
import { createTestScope, type TestScope } from '../testing/create-test-scope';
import type { LanguagePack } from '../lang/language-pack';
import { PrompterFactory } from './prompter-factory';

const xx: LanguagePack = {
  code: 'xx', aliases: ['xq'], name: 'Test', nativeName: 'Testish', scripts: ['Latn'], okapiModels: [], evalTasks: [],
  prompt: { preambleWithInput: 'Do it with input.', preambleWithoutInput: 'Do it.', instruction: 'Task', input: 'Given', response: 'Answer' },
  samples: ['a sample sentence'],
};
const plugin = definePlugin({ meta: { name: 'test-lang', version: '0' }, register: (r) => r.languagePack(xx) });

describe(PrompterFactory.name, () => {
  let scope: TestScope | undefined;

  afterEach(async () => {
    await scope?.dispose();
  });

  it("follows config: lang by alias and prompt: 'native'", () => {
    scope = createTestScope({ plugins: [plugin], config: { lang: 'xq', prompt: 'native' } });
    const sut = scope.scope.resolve(PrompterFactory).create();
    expect(sut.render({ instruction: 'x' })).toBe('Do it.\n\n### Task:\nx\n\n### Answer:\n');
  });

  it("defaults to Okapi's English template", () => {
    scope = createTestScope({ plugins: [plugin], config: { lang: 'xx' } });
    const sut = scope.scope.resolve(PrompterFactory).create();
    expect(sut.render({ instruction: 'x' })).toMatch(/^Below is an instruction that describes a task\. /);
  });

  it('fails with the installed languages for an unknown lang', () => {
    scope = createTestScope({ plugins: [plugin], config: { lang: 'xy' } });
    const factory = scope.scope.resolve(PrompterFactory);
    expect(() => factory.create()).toThrow(/Unknown language 'xy'\. Did you mean 'xx'\? Installed languages: xx, xq\./);
  });
});

import { nativePromptTemplate, okapiPromptTemplate } from './prompt-template';
import { Prompter } from './prompter';

// Typed out from OKAPI-FACTS.md, not derived from the code under test.
const WITH_INPUT = 'Below is an instruction that describes a task, paired with an input that provides further context. Write a response that appropriately completes the request.\n\n### Instruction:\nTranslate.\n\n### Input:\nhello\n\n### Response:\n';
const WITHOUT_INPUT = 'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n### Instruction:\nSay hi.\n\n### Response:\n';

describe(Prompter.name, () => {
  const sut = new Prompter(okapiPromptTemplate);

  it("renders Okapi's template with a non-empty input byte for byte", () => {
    expect(sut.render({ instruction: 'Translate.', input: 'hello' })).toBe(WITH_INPUT);
  });

  it('uses the template without input for an empty or missing input', () => {
    expect(sut.render({ instruction: 'Say hi.', input: '' })).toBe(WITHOUT_INPUT);
    expect(sut.render({ instruction: 'Say hi.' })).toBe(WITHOUT_INPUT);
  });

  it('appends the gold output right after "### Response:\\n" for training text', () => {
    expect(sut.trainingText({ instruction: 'Say hi.', output: 'Hi!' })).toBe(`${WITHOUT_INPUT}Hi!`);
  });

  it('fills slots once, so text containing "{input}" stays literal', () => {
    const prompt = sut.render({ instruction: 'Explain {input} and {instruction}', input: 'x' });
    expect(prompt).toContain('### Instruction:\nExplain {input} and {instruction}\n\n### Input:\nx\n');
  });

  it.each([
    ['text after the first marker, stripped', `${WITHOUT_INPUT}  Hi there. \n`, 'Hi there.'],
    ['only the first marker splits', 'a ### Response: one ### Response: two', 'one ### Response: two'],
    ['empty when the marker is absent', 'no marker here', ''],
    ['empty when nothing follows the marker', WITHOUT_INPUT, ''],
  ])('splitResponse: %s', (_name, generated, expected) => {
    expect(sut.splitResponse(generated)).toBe(expected);
  });

  it('lays out a native template exactly like the English one', () => {
    const native = new Prompter(nativePromptTemplate('xx', {
      preambleWithInput: 'P1.', preambleWithoutInput: 'P0.', instruction: 'I', input: 'N', response: 'R',
    }));
    expect(native.render({ instruction: 'a', input: 'b' })).toBe('P1.\n\n### I:\na\n\n### N:\nb\n\n### R:\n');
    expect(native.render({ instruction: 'a' })).toBe('P0.\n\n### I:\na\n\n### R:\n');
    expect(native.splitResponse('P0.\n\n### I:\na\n\n### R:\n ok ')).toBe('ok');
  });
});

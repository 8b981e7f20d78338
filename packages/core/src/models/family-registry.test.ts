import { OkapiError } from '../errors/okapi-error';
import { corePlugin } from '../plugin/core-plugin';
import { createTestScope } from '../testing/create-test-scope';
import { bloomFamily } from './bloom/bloom-family';
import { FamilyRegistry } from './family-registry';
import { llamaFamily } from './llama/llama-family';
import type { ModelFamilyDescriptor } from './model-family';

describe(FamilyRegistry.name, () => {
  it('is filled by the core plugin through DI and picks the family of a config', async () => {
    const t = createTestScope({ plugins: [corePlugin] });
    const sut = t.scope.resolve(FamilyRegistry);
    expect(sut.list().map((f) => f.id).sort()).toEqual(['bloom', 'llama']);
    expect(sut.forConfig({ model_type: 'llama' }).id).toBe('llama');
    expect(sut.forConfig({ model_type: 'bloom' }).id).toBe('bloom');
    await t.dispose();
  });

  it('fails on an unknown model_type, listing every installed family', () => {
    const sut = new FamilyRegistry([llamaFamily, bloomFamily]);
    expect(() => sut.forConfig({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'] }, 'm/config.json')).toThrow(OkapiError);
    expect(() => sut.forConfig({ model_type: 'gpt2' })).toThrow(/no installed model family handles model_type "gpt2".*llama.*bloom/);
  });

  it('fails when several families claim a config, naming them', () => {
    const impostor: ModelFamilyDescriptor = { ...llamaFamily, id: 'my-llama' };
    const sut = new FamilyRegistry([llamaFamily, impostor, bloomFamily]);
    expect(() => sut.forConfig({ model_type: 'llama' })).toThrow(/several model families: llama, my-llama/);
  });

  it('finds a family by id with did-you-mean', () => {
    const sut = new FamilyRegistry([llamaFamily, bloomFamily]);
    expect(sut.byId('bloom')).toBe(bloomFamily);
    expect(() => sut.byId('lama')).toThrow(/llama/);
  });
});

import { closestMatch, didYouMean } from './did-you-mean';

describe('didYouMean', () => {
  const ids = ['onnx', 'tfjs', 'auto'];

  it('suggests the closest id for a typo', () => {
    expect(closestMatch('onx', ids)).toBe('onnx');
    expect(didYouMean('tfj', ids)).toBe(" Did you mean 'tfjs'?");
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('pytorch', ids)).toBeUndefined();
    expect(didYouMean('pytorch', ids)).toBe('');
  });

  it('ignores case', () => {
    expect(closestMatch('ONNX', ids)).toBe('onnx');
  });
});

/** A special token placed around a sequence by the post-processor. */
export interface PlacedToken {
  readonly token: string;
  readonly id: number;
}

/**
 * A tokenizer.json `TemplateProcessing` post-processor that puts `prefix` before and `suffix` after
 * each sequence (LLaMA: `<s> $A`), so HF's fast tokenizers add what tokenizer_config.json says.
 * Null when nothing is added.
 */
export function templatePostProcessor(prefix: readonly PlacedToken[], suffix: readonly PlacedToken[]): object | null {
  if (prefix.length === 0 && suffix.length === 0) return null;
  const around = (sequence: 'A' | 'B', typeId: number): object[] => [
    ...prefix.map((t) => ({ SpecialToken: { id: t.token, type_id: typeId } })),
    { Sequence: { id: sequence, type_id: typeId } },
    ...suffix.map((t) => ({ SpecialToken: { id: t.token, type_id: typeId } })),
  ];
  const specialTokens = Object.fromEntries([...prefix, ...suffix].map((t) => [t.token, { id: t.token, ids: [t.id], tokens: [t.token] }]));
  return { type: 'TemplateProcessing', single: around('A', 0), pair: [...around('A', 0), ...around('B', 1)], special_tokens: specialTokens };
}

/**
 * `current` with its special-token placement replaced by `prefix` / `suffix`. A ByteLevel
 * post-processor (offset trimming) is kept in front of the template.
 */
export function withSpecialTokenPlacement(current: unknown, prefix: readonly PlacedToken[], suffix: readonly PlacedToken[]): object | null {
  const template = templatePostProcessor(prefix, suffix);
  const byteLevel = typeof current === 'object' && current !== null && (current as { type?: unknown }).type === 'ByteLevel' ? current : undefined;
  if (byteLevel === undefined) return template;
  return template === null ? byteLevel : { type: 'Sequence', processors: [byteLevel, template] };
}

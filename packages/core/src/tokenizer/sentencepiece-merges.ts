/**
 * BPE merges implied by a SentencePiece vocabulary, in the order of the tokenizer.json files HF
 * published for LLaMA: every split of a piece into two known pieces, ordered by the piece's score
 * (highest first), ties by the id of the left half, then of the right half. (A later transformers
 * converter orders ties by merged piece instead; that changes only equal-score runs such as "▁▁▁▁".)
 */
export function sentencePieceMerges(pieces: readonly { piece: string; score: number }[]): [string, string][] {
  const ids = new Map<string, number>();
  pieces.forEach((p, i) => ids.set(p.piece, i));
  const merges: { left: string; right: string; score: number; leftId: number; rightId: number }[] = [];
  for (const { piece, score } of pieces) {
    const chars = [...piece];
    for (let cut = 1; cut < chars.length; cut++) {
      const left = chars.slice(0, cut).join('');
      const right = chars.slice(cut).join('');
      const leftId = ids.get(left);
      const rightId = ids.get(right);
      if (leftId !== undefined && rightId !== undefined) merges.push({ left, right, score, leftId, rightId });
    }
  }
  merges.sort((a, b) => b.score - a.score || a.leftId - b.leftId || a.rightId - b.rightId);
  return merges.map((m) => [m.left, m.right]);
}

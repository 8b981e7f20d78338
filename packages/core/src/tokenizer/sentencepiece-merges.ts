/**
 * BPE merges implied by a SentencePiece vocabulary, in the order HF's slow→fast converter produces them
 * (`generate_merges` with scores): every split of every piece into two known pieces, pairs of one
 * piece ordered by the ids of their halves, all merges then stably sorted by the piece's score, highest first.
 */
export function sentencePieceMerges(pieces: readonly { piece: string; score: number }[]): [string, string][] {
  const ids = new Map<string, number>();
  pieces.forEach((p, i) => ids.set(p.piece, i));
  const merges: { left: string; right: string; score: number }[] = [];
  for (const { piece, score } of pieces) {
    const chars = [...piece];
    const local: { left: string; right: string; score: number }[] = [];
    for (let cut = 1; cut < chars.length; cut++) {
      const left = chars.slice(0, cut).join('');
      const right = chars.slice(cut).join('');
      if (ids.has(left) && ids.has(right)) local.push({ left, right, score });
    }
    local.sort((a, b) => ids.get(a.left)! - ids.get(b.left)! || ids.get(a.right)! - ids.get(b.right)!);
    merges.push(...local);
  }
  merges.sort((a, b) => b.score - a.score); // Array.prototype.sort is stable, like Python's sorted
  return merges.map((m) => [m.left, m.right]);
}

// How the app writes the classifier's number: the model's share among the causes it weighs, never a
// certainty ("92% of the model's weight", never "100%").

/**
 * A share of the model's weight: "54%", "<1%", ">99%". Never "100%" nor "0%" for a share the model
 * did give: it is the model's split among the causes it knows, not a certainty.
 */
export function percent(p: number): string {
  const clamped = Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0;
  if (clamped > 0 && clamped < 0.005) return '<1%';
  if (clamped >= 0.995) return '>99%';
  return `${Math.round(clamped * 100)}%`;
}

/** What a verdict's number is: "92% of the model's weight". */
export function modelShare(p: number): string {
  return `${percent(p)} of the model's weight`;
}

/** The leader's share in words: "leads with 92% of the model's weight". */
export function leadsWith(p: number): string {
  return `leads with ${modelShare(p)}`;
}

// Where in a changed document a token value can have come in. Pure, so it is unit tested.

export interface ChangeLike {
  /** Offset of the replaced range in the old text. */
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Offsets of the new text that any change of the event can have touched, widened by the
 * longest value on each side (a value may end or start just outside an edit). Conservative
 * when an event has several changes: their shifts are added up.
 */
export function changedWindow(
  e: { contentChanges: readonly ChangeLike[] },
  newLength: number,
  pad: number,
): [number, number] {
  if (e.contentChanges.length === 0) return [0, 0];
  let lo = Infinity;
  let hi = 0;
  let shift = 0;
  for (const c of e.contentChanges) {
    lo = Math.min(lo, c.rangeOffset);
    hi = Math.max(hi, c.rangeOffset + c.rangeLength, c.rangeOffset + c.text.length);
    shift += Math.abs(c.text.length - c.rangeLength) + c.text.length;
  }
  return [Math.max(0, lo - pad - shift), Math.min(newLength, hi + shift + pad)];
}

// Coalesces diagnostics: changes mark a document dirty and one publish per document runs
// on the next turn of the event loop, for whatever version is current then. Every change
// that arrived in the meantime is folded in, so the published version is never stale, and
// the findings are computed once per publish, not once per change.
import type { DocState } from './documents';

export class Publisher {
  private readonly dirty = new Set<DocState>();
  private scheduled = false;

  constructor(
    private readonly publish: (state: DocState) => void,
    private readonly onError: (e: unknown) => void,
  ) {}

  schedule(state: DocState): void {
    this.dirty.add(state);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = [...this.dirty];
    this.dirty.clear();
    for (const state of batch) {
      try {
        this.publish(state);
      } catch (e) {
        this.onError(e);
      }
    }
  }
}

// The series engine computes with facts read without their provenance (listFactFigures): a
// result cites a few dozen of the hundreds of versions it reads, and the document columns
// (URLs, notes) cost more to read than the figures. Each citation is made with its document
// fields empty; once the whole result is computed, one read by id fills them in for the cited
// facts only, so the result equals one built from full rows (sourceRefOf).
import { sourceRefFrom, type FactFigure, type FactProvenance, type SourceRef } from '../model/fact.js';
import { listFactProvenance } from '../store/facts-repository.js';
import type { ReadDb } from './read-db.js';

/** The store changed between the engine's two reads (a cited fact was deleted): compute again. */
export class CitedFactGoneError extends Error {
  constructor(readonly factId: number) {
    super(`fact ${factId} was deleted while its series was computed`);
  }
}

const NOT_READ_YET: FactProvenance = { sourceUrl: '', form: null, readAt: null, verified: 'secondary', note: null };

export class Citations {
  private readonly byFact = new Map<number, SourceRef[]>();

  /** A citation of `f` (a new object per call, as sourceRefOf makes), complete after fill(). */
  cite = (f: FactFigure): SourceRef => {
    const ref = sourceRefFrom(f, NOT_READ_YET);
    const refs = this.byFact.get(f.id);
    if (refs) refs.push(ref);
    else this.byFact.set(f.id, [ref]);
    return ref;
  };

  /** Reads the provenance of every cited fact and completes its citations. */
  async fill(db: ReadDb): Promise<void> {
    if (!this.byFact.size) return;
    const provenance = await listFactProvenance(db, this.byFact.keys());
    for (const [id, refs] of this.byFact) {
      const p = provenance.get(id);
      if (!p) throw new CitedFactGoneError(id);
      for (const r of refs) {
        r.url = p.sourceUrl;
        r.form = p.form;
        r.readAt = p.readAt;
        r.verified = p.verified;
        r.note = p.note;
      }
    }
  }
}

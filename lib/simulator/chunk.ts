/**
 * Column storage for one site-day of generated data: pageviews and event completions as typed arrays.
 * Rows of one visit are contiguous and start with the row flagged VISIT, which is how current
 * visitors are counted per visit without storing a visit id.
 */

/** The pageview starts a visit (an entrance). */
export const FLAG_VISIT = 1;
/** First view of this page (or first completion of this event) within the visit. */
export const FLAG_UNIQUE = 2;
/** The visit viewed only this page. Only set together with FLAG_VISIT. */
export const FLAG_BOUNCE = 4;

export type PageviewColumns = {
  length: number;
  /** Minutes since the Unix epoch (UTC). */
  minute: Uint32Array;
  visitor: Uint16Array;
  source: Uint32Array;
  page: Uint16Array;
  flags: Uint8Array;
  /** Seconds spent on the page; 0 when unknown (the last page of a visit without a closing ping). */
  duration: Uint16Array;
};

export type EventColumns = {
  length: number;
  minute: Uint32Array;
  visitor: Uint16Array;
  source: Uint32Array;
  page: Uint16Array;
  /** Internal key of the event (see the dataset's event keys), not its public id. */
  event: Uint16Array;
  flags: Uint8Array;
  /** Completion value in cents. */
  value: Uint32Array;
};

export type Chunk = { pageviews: PageviewColumns; events: EventColumns };

function grow<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** Collects rows, then hands out right-sized columns. */
export class ChunkBuilder {
  private pv: PageviewColumns;
  private ev: EventColumns;

  constructor(pageviewCapacity = 256, eventCapacity = 16) {
    this.pv = {
      length: 0,
      minute: new Uint32Array(pageviewCapacity),
      visitor: new Uint16Array(pageviewCapacity),
      source: new Uint32Array(pageviewCapacity),
      page: new Uint16Array(pageviewCapacity),
      flags: new Uint8Array(pageviewCapacity),
      duration: new Uint16Array(pageviewCapacity),
    };
    this.ev = {
      length: 0,
      minute: new Uint32Array(eventCapacity),
      visitor: new Uint16Array(eventCapacity),
      source: new Uint32Array(eventCapacity),
      page: new Uint16Array(eventCapacity),
      event: new Uint16Array(eventCapacity),
      flags: new Uint8Array(eventCapacity),
      value: new Uint32Array(eventCapacity),
    };
  }

  addPageview(minute: number, visitor: number, source: number, page: number, flags: number, duration: number): void {
    const pv = this.pv;
    const i = pv.length;
    if (i >= pv.minute.length) {
      const size = i + 1;
      pv.minute = grow(pv.minute, size);
      pv.visitor = grow(pv.visitor, size);
      pv.source = grow(pv.source, size);
      pv.page = grow(pv.page, size);
      pv.flags = grow(pv.flags, size);
      pv.duration = grow(pv.duration, size);
    }
    pv.minute[i] = minute;
    pv.visitor[i] = visitor;
    pv.source[i] = source;
    pv.page[i] = page;
    pv.flags[i] = flags;
    pv.duration[i] = Math.min(65_535, Math.max(0, Math.round(duration)));
    pv.length = i + 1;
  }

  addEvent(minute: number, visitor: number, source: number, page: number, event: number, flags: number, value: number): void {
    const ev = this.ev;
    const i = ev.length;
    if (i >= ev.minute.length) {
      const size = i + 1;
      ev.minute = grow(ev.minute, size);
      ev.visitor = grow(ev.visitor, size);
      ev.source = grow(ev.source, size);
      ev.page = grow(ev.page, size);
      ev.event = grow(ev.event, size);
      ev.flags = grow(ev.flags, size);
      ev.value = grow(ev.value, size);
    }
    ev.minute[i] = minute;
    ev.visitor[i] = visitor;
    ev.source[i] = source;
    ev.page[i] = page;
    ev.event[i] = event;
    ev.flags[i] = flags;
    ev.value[i] = Math.max(0, Math.round(value));
    ev.length = i + 1;
  }

  build(): Chunk {
    const pv = this.pv;
    const ev = this.ev;
    const n = pv.length;
    const m = ev.length;
    return {
      pageviews: {
        length: n,
        minute: pv.minute.slice(0, n),
        visitor: pv.visitor.slice(0, n),
        source: pv.source.slice(0, n),
        page: pv.page.slice(0, n),
        flags: pv.flags.slice(0, n),
        duration: pv.duration.slice(0, n),
      },
      events: {
        length: m,
        minute: ev.minute.slice(0, m),
        visitor: ev.visitor.slice(0, m),
        source: ev.source.slice(0, m),
        page: ev.page.slice(0, m),
        event: ev.event.slice(0, m),
        flags: ev.flags.slice(0, m),
        value: ev.value.slice(0, m),
      },
    };
  }
}

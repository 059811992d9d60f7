/**
 * For unit tests of the team pages and loaders that read one saved report or dashboard by its path id
 * (`/reports/[id]`, `/dashboards/[id]`, Explore's `?report=`): a stand-in for the service's read that
 * records what it was asked, Next's `notFound()` as something a test can tell from any other failure,
 * the not-found cases every such page shares, and a saved report to read. Not for production code.
 */
import { beforeEach, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { defaultReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import type { SavedReport } from "@/lib/reports/saved-report";

/** What `notFound()` throws in these tests: a 404 page, not an error. */
export class NotFound extends Error {}

/** Next's `notFound()` for a `vi.mock("next/navigation")` factory: it throws, as Next's does. */
export function throwNotFound(): never {
  throw new NotFound("NEXT_HTTP_ERROR_FALLBACK;404");
}

/**
 * Renders a page at a path id the way Next calls it (`params` is a promise), so a test opens
 * `/reports/12` as `open("12")`.
 */
export function pathIdPage<R>(Page: (props: { params: Promise<{ id: string }> }) => R): (id: string) => R {
  return (id) => Page({ params: Promise.resolve({ id }) });
}

/** A service's read by id as the code under test sees it: `read` for the service's `vi.mock` factory. */
export type RecordedRead<T> = {
  /** The ids asked for in this test, in order. */
  asked: number[];
  /** What a read does in this test; a test swaps it to make the store fail. */
  answer: (id: number) => Promise<T>;
  read: (id: number) => Promise<T>;
};

/**
 * A stand-in for a service's read by id (`getSavedReport`, `getDashboard`) that records the ids it is
 * asked for, so a test can tell that a hostile id never reached the store. Before each test it forgets
 * them and answers with `initial` again. Call it at the top level of a test file.
 */
export function recordedRead<T>(initial: (id: number) => Promise<T>): RecordedRead<T> {
  const store: RecordedRead<T> = {
    asked: [],
    answer: initial,
    read: (id) => {
      store.asked.push(id);
      return store.answer(id);
    },
  };
  beforeEach(() => {
    store.asked = [];
    store.answer = initial;
  });
  return store;
}

type NotFoundCases<T> = {
  /** "report", "dashboard": as the test names say it. */
  kind: string;
  /** Renders the page for a path id. */
  open: (id: string) => Promise<unknown>;
  store: RecordedRead<T>;
  /** The id of the document `store` answers with. */
  id: number;
  /** Path ids that are not ids; each must be a 404 before the store is asked. */
  hostileIds: string[];
  /** The code of the service's 404 for a document that is not there. */
  missingCode: string;
};

/**
 * The tests every page of one document by path id shares: a hostile id or a document that is not there
 * is Next's 404 (never a 500), and any other failure is not called missing but reaches the error page.
 */
export function itIsNotFoundOnlyWhenMissing<T>({ kind, open, store, id, hostileIds, missingCode }: NotFoundCases<T>) {
  it("is Next's 404 for an id that is not one, without asking the store", async () => {
    for (const hostile of hostileIds) {
      await expect(open(hostile), hostile).rejects.toBeInstanceOf(NotFound);
    }
    expect(store.asked).toEqual([]);
  });

  it(`is Next's 404 for a ${kind} that is not there (deleted or never made)`, async () => {
    store.answer = async () => {
      throw new ApiError(404, missingCode, `That ${kind} does not exist.`);
    };
    await expect(open(String(id))).rejects.toBeInstanceOf(NotFound);
    expect(store.asked).toEqual([id]);
  });

  it("lets any other failure through to the error page, rather than calling it missing", async () => {
    store.answer = async () => {
      throw new Error("The database is locked");
    };
    await expect(open(String(id))).rejects.toThrow("The database is locked");
  });
}

const ada = { id: 1, name: "Ada" };

/** Saved report 12, "Blog traffic", of site CDBUGS with the default query, owned and last saved by Ada. */
export function savedReportFixture(change: Partial<SavedReport> = {}): SavedReport {
  return {
    id: 12,
    name: "Blog traffic",
    description: "",
    siteId: "CDBUGS",
    query: canonicalReportQuery(defaultReportQuery("CDBUGS")),
    version: 1,
    owner: ada,
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    updatedBy: ada,
    ...change,
  };
}

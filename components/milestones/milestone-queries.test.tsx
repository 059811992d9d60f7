// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferredFetch } from "@/components/site-writes/deferred-fetch";
import { ApiClientError } from "@/lib/api/client";
import { milestoneKeys, useCreateMilestone, useDeleteMilestone, useUpdateMilestone, type ListedMilestone } from "./milestone-queries";

afterEach(cleanup);

const launch: ListedMilestone = { id: "m1", name: "Launch", date: "2024-03-01", createdAt: "2024-01-01 00:00:00", updatedAt: null };
const reportKey = ["report-run", { site: "CDBUGS" }];
const otherSiteReportKey = ["report-run", { site: "PDNGTON" }];
const report = (milestones: Array<{ id: string; name: string; date: string }>) => ({
  query: { site: "CDBUGS" },
  range: { startDate: "2024-02-01", endDate: "2024-03-31" },
  milestones,
});

let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;

const list = () => client.getQueryData<ListedMilestone[]>(milestoneKeys.list("CDBUGS"));
const markers = () => client.getQueryData<ReturnType<typeof report>>(reportKey)?.milestones;

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } } });
  client.setQueryData(milestoneKeys.list("CDBUGS"), [launch]);
  client.setQueryData(reportKey, report([{ id: "m1", name: "Launch", date: "2024-03-01" }]));
  client.setQueryData(otherSiteReportKey, { ...report([]), query: { site: "PDNGTON" } });
  return () => vi.unstubAllGlobals();
});

describe("milestone writes", () => {
  it("show a new milestone and its marker at once, then keep Fathom's id", async () => {
    const { release, fetchMock } = deferredFetch(200, { milestone: { ...launch, id: "m2", name: "Spring", date: "2024-03-10" } });
    const { result } = renderHook(() => useCreateMilestone("CDBUGS"), { wrapper });
    act(() => result.current.mutate({ name: "Spring", milestone_date: "2024-03-10" }));
    await waitFor(() => expect(list()).toHaveLength(2));
    expect(list()?.[1]).toMatchObject({ name: "Spring", pending: true });
    expect(markers()?.map((m) => m.name)).toEqual(["Launch", "Spring"]);
    release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(list()?.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(markers()?.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(fetchMock).toHaveBeenCalledWith("/api/sites/CDBUGS/milestones", expect.objectContaining({ method: "POST" }));
    // This site's reports are read again for their markers; another site's are left alone.
    await waitFor(() => expect(client.getQueryState(reportKey)?.isInvalidated).toBe(true));
    expect(client.getQueryState(otherSiteReportKey)?.isInvalidated).toBe(false);
  });

  it("roll back a refused create and hand on Fathom's field messages", async () => {
    const refusal = { error: { code: "fathom_validation", message: "Fathom did not accept the request: The name has already been taken.", fields: { name: ["The name has already been taken."] } } };
    const { release } = deferredFetch(400, refusal);
    const onFailure = vi.fn();
    const { result } = renderHook(() => useCreateMilestone("CDBUGS", { onFailure }), { wrapper });
    act(() => result.current.mutate({ name: "Launch", milestone_date: "2024-03-02" }));
    await waitFor(() => expect(list()).toHaveLength(2));
    release();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(list()).toEqual([launch]);
    expect(markers()?.map((m) => m.id)).toEqual(["m1"]);
    expect(result.current.error).toBeInstanceOf(ApiClientError);
    expect((result.current.error as ApiClientError).fields).toEqual({ name: ["The name has already been taken."] });
    expect(onFailure).toHaveBeenCalledWith(expect.any(ApiClientError), "add “Launch”");
  });

  it("move a marker on edit and put it back when the edit is refused", async () => {
    const { release } = deferredFetch(503, { error: { code: "fathom_unavailable", message: "Fathom is briefly at capacity; try again shortly." } });
    const { result } = renderHook(() => useUpdateMilestone("CDBUGS"), { wrapper });
    act(() => result.current.mutate({ id: "m1", change: { name: "Relaunch", milestone_date: "2024-04-15" } }));
    // Moved outside the report's range: the marker leaves the chart at once.
    await waitFor(() => expect(markers()).toEqual([]));
    expect(list()?.[0]).toMatchObject({ name: "Relaunch", date: "2024-04-15", pending: true });
    release();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(list()).toEqual([launch]);
    expect(markers()).toEqual([{ id: "m1", name: "Launch", date: "2024-03-01" }]);
  });

  it("remove a deleted milestone at once and bring it back when the delete fails", async () => {
    const { release } = deferredFetch(404, { error: { code: "fathom_not_found", message: "Fathom has no such site, event or milestone." } });
    const { result } = renderHook(() => useDeleteMilestone("CDBUGS"), { wrapper });
    act(() => result.current.mutate(launch));
    await waitFor(() => expect(list()).toEqual([]));
    expect(markers()).toEqual([]);
    release();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(list()).toEqual([launch]);
    expect(markers()?.map((m) => m.id)).toEqual(["m1"]);
  });
});

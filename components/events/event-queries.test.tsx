// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferredFetch } from "@/components/site-writes/deferred-fetch";
import { eventKeys, useCreateEvent, useDeleteEvent, type ListedEvent } from "./event-queries";

afterEach(cleanup);

const signup: ListedEvent = { id: "SIGNUP", name: "Signed up", currency: "euro", createdAt: "2020-08-21 15:24:00" };

let client: QueryClient;
const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
const list = () => client.getQueryData<ListedEvent[]>(eventKeys.list("CDBUGS"));

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } } });
  client.setQueryData(eventKeys.list("CDBUGS"), [signup]);
  return () => vi.unstubAllGlobals();
});

describe("event writes", () => {
  it("show a new event at once in dollars, then keep Fathom's id, and say so", async () => {
    const { release, fetchMock } = deferredFetch(201, { event: { id: "NEW1", name: "Purchased", currency: "dollar", createdAt: "2024-05-01 10:00:00" } });
    const onDone = vi.fn();
    const { result } = renderHook(() => useCreateEvent("CDBUGS", { onDone }), { wrapper });
    act(() => result.current.mutate({ name: "Purchased" }));
    await waitFor(() => expect(list()).toHaveLength(2));
    expect(list()?.[1]).toMatchObject({ name: "Purchased", currency: "dollar", pending: true });
    release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(list()?.map((event) => [event.id, event.pending])).toEqual([["SIGNUP", undefined], ["NEW1", undefined]]);
    expect(onDone).toHaveBeenCalledWith("Created event “Purchased”.");
    expect(fetchMock).toHaveBeenCalledWith("/api/sites/CDBUGS/events", expect.objectContaining({ method: "POST" }));
    await waitFor(() => expect(client.getQueryState(eventKeys.list("CDBUGS"))?.isInvalidated).toBe(true));
  });

  it("remove a deleted event at once and bring it back, with the reason, when the delete is refused", async () => {
    const { release, fetchMock } = deferredFetch(503, { error: { code: "fathom_unavailable", message: "Fathom is briefly at capacity; try again shortly." } });
    const onFailure = vi.fn();
    const { result } = renderHook(() => useDeleteEvent("CDBUGS", { onFailure }), { wrapper });
    act(() => result.current.mutate(signup));
    await waitFor(() => expect(list()).toEqual([]));
    release();
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(list()).toEqual([signup]);
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }), "delete the event “Signed up”");
    expect(fetchMock).toHaveBeenCalledWith("/api/sites/CDBUGS/events/SIGNUP", expect.objectContaining({ method: "DELETE" }));
  });
});

// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventView } from "@/lib/sites/event-input";
import { EventsManager } from "./events-manager";

afterEach(cleanup);

const signup: EventView = { id: "SIGNUP", name: "Signed up", currency: "euro", createdAt: "2020-08-21 15:24:00" };
const addToCart: EventView = { id: "CART", name: "add to cart", currency: null, createdAt: "2021-01-01 00:00:00" };

/** Fetch answered by `answer(method, path, body)`: a write's JSON, with a status. */
function stubFetch(answer: (method: string, path: string, body: unknown) => { status: number; body: unknown }) {
  const fetchMock = vi.fn(async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    const { status, body } = method === "GET" ? { status: 200, body: { events: [signup, addToCart] } } : answer(method, path, init.body ? JSON.parse(String(init.body)) : undefined);
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function renderManager(canEdit: boolean, initialEvents = [signup, addToCart]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  return render(
    <QueryClientProvider client={client}>
      <EventsManager siteId="CDBUGS" siteName="Bugs" canEdit={canEdit} initialEvents={initialEvents} />
    </QueryClientProvider>,
  );
}

const row = (id: string) => document.querySelector(`[data-testid="event"][data-event-id="${id}"]`) as HTMLElement;

beforeEach(() => () => vi.unstubAllGlobals());

describe("EventsManager", () => {
  it("lists events by name, each named for assistive technology, with a report link and no write buttons for a viewer", () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderManager(false);
    expect(screen.getByRole("heading", { name: "Events of Bugs (2)" })).toBeTruthy();
    const list = screen.getByRole("list", { name: "Events of Bugs" });
    expect(within(list).getAllByTestId("event-name").map((name) => name.textContent)).toEqual(["add to cart", "Signed up"]);
    expect(within(list).getByRole("listitem", { name: "Signed up" })).toBe(row("SIGNUP"));
    expect(within(row("SIGNUP")).getByTestId("event-currency").textContent).toBe("Euro (€)");
    expect(within(row("CART")).getByTestId("event-currency").textContent).toBe("Currency not reported by Fathom");
    expect(within(row("SIGNUP")).getByRole("link", { name: "Report on this event: Signed up" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Create an event" })).toBeNull();
  });

  it("says when there are no events, and tells an editor how to make one", () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderManager(false, []);
    expect(screen.getByRole("heading", { name: "Events of Bugs (0)" })).toBeTruthy();
    expect(screen.getByText("No events yet.")).toBeTruthy();
    cleanup();
    renderManager(true, []);
    expect(screen.getByRole("heading", { name: "Create an event" })).toBeTruthy();
    expect(screen.getByText("No events yet. Create one above, then track it from your site.")).toBeTruthy();
  });

  it("edits a row in place, sends only what changed, and says so once Fathom has it", async () => {
    const fetchMock = stubFetch((_method, _path, body) => ({ status: 200, body: { event: { ...signup, ...(body as object) } } }));
    renderManager(true);
    fireEvent.click(screen.getByRole("button", { name: "Edit event Signed up" }));
    fireEvent.change(screen.getByLabelText("Name of “Signed up”"), { target: { value: "Newsletter signup" } });
    fireEvent.click(within(row("SIGNUP")).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByTestId("write-message").textContent).toBe("Saved event “Newsletter signup”."));
    expect(fetchMock).toHaveBeenCalledWith("/api/sites/CDBUGS/events/SIGNUP", expect.objectContaining({ method: "PATCH", body: JSON.stringify({ name: "Newsletter signup" }) }));
  });

  it("reopens the form with what was typed and Fathom's message when an edit is refused; Cancel puts the row back", async () => {
    stubFetch(() => ({ status: 400, body: { error: { code: "fathom_validation", message: "Fathom refused it.", fields: { name: ["The name has already been taken."] } } } }));
    renderManager(true);
    fireEvent.click(screen.getByRole("button", { name: "Edit event Signed up" }));
    fireEvent.change(screen.getByLabelText("Name of “Signed up”"), { target: { value: "add to cart" } });
    fireEvent.click(within(row("SIGNUP")).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("The name has already been taken.")).toBeTruthy());
    expect((screen.getByLabelText("Name of “Signed up”") as HTMLInputElement).value).toBe("add to cart");
    expect(screen.getByTestId("write-message").textContent).toBe("Could not change the event “Signed up”. Fathom refused it. Nothing was changed.");
    act(() => fireEvent.click(within(row("SIGNUP")).getByRole("button", { name: "Cancel" })));
    expect(within(row("SIGNUP")).getByTestId("event-name").textContent).toBe("Signed up");
    fireEvent.click(screen.getByRole("button", { name: "Edit event Signed up" }));
    expect((screen.getByLabelText("Name of “Signed up”") as HTMLInputElement).value).toBe("Signed up");
    expect(screen.queryByText("The name has already been taken.")).toBeNull();
  });
});

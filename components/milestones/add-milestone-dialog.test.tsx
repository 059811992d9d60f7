// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AddMilestoneDialog, AddMilestoneFromChart } from "./add-milestone-dialog";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderDialog(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetchMock);
  const onOpenChange = vi.fn();
  const onAdded = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AddMilestoneDialog siteId="CDBUGS" date="2024-03-10" open onOpenChange={onOpenChange} onAdded={onAdded} />
    </QueryClientProvider>,
  );
  return { fetchMock, onOpenChange, onAdded };
}

describe("AddMilestoneDialog", () => {
  it("starts on the clicked day, adds the milestone and closes", async () => {
    const milestone = { id: "m9", name: "Spring sale", date: "2024-03-10", createdAt: "2024-03-10 00:00:00", updatedAt: null };
    const { fetchMock, onOpenChange, onAdded } = renderDialog(201, { milestone });
    expect(screen.getByRole("dialog", { name: "Add milestone here" })).toBeTruthy();
    expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2024-03-10");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Spring sale" } });
    fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(onAdded).toHaveBeenCalledWith(milestone);
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/sites/CDBUGS/milestones",
      expect.objectContaining({ method: "POST", body: JSON.stringify({ name: "Spring sale", milestone_date: "2024-03-10" }) }),
    );
  });

  it("stays open with Fathom's message beside the name when Fathom refuses", async () => {
    const { onOpenChange } = renderDialog(400, {
      error: { code: "fathom_validation", message: "Fathom did not accept the request: The name has already been taken.", fields: { name: ["The name has already been taken."] } },
    });
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Launch" } });
    fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
    const message = await screen.findByText("The name has already been taken.");
    expect(screen.getByLabelText("Name").getAttribute("aria-describedby")).toContain(message.id);
    expect(screen.getByText(/Nothing was changed/)).toBeTruthy();
    expect(onOpenChange).not.toHaveBeenCalled();
  });
});

describe("AddMilestoneFromChart", () => {
  function renderAction(picked: { bucket: string; date: string; label: string } | null) {
    const clearPick = vi.fn();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <AddMilestoneFromChart siteId="CDBUGS" picked={picked} lastDate="2024-05-14" clearPick={clearPick} />
      </QueryClientProvider>,
    );
    return { clearPick };
  }

  it("opens the dialog on the range's last day before a day is clicked", () => {
    renderAction(null);
    expect(screen.getByText("Click a day on the chart to mark a milestone there.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add a milestone…" }));
    expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2024-05-14");
  });

  it("offers the clicked day, opens the dialog on it, and forgets it on Cancel", () => {
    const { clearPick } = renderAction({ bucket: "2024-05", date: "2024-05-01", label: "May 2024" });
    expect(screen.getByText("May 2024")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(clearPick).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole("button", { name: "Add milestone here" }));
    expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2024-05-01");
  });
});

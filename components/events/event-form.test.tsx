// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import { EventForm, type EventDraft } from "./event-form";

afterEach(cleanup);

function EditHarness({ current, onSubmit }: { current: { name: string; currency: EventCurrency | null }; onSubmit: (change: unknown) => void }) {
  const [draft, setDraft] = useState<EventDraft>({ name: current.name, currency: current.currency ?? "" });
  return <EventForm mode="edit" current={current} draft={draft} onDraftChange={setDraft} onSubmit={onSubmit} submitLabel="Save" />;
}

describe("EventForm", () => {
  it("creates with dollar unless another currency is picked", () => {
    const onSubmit = vi.fn();
    function CreateHarness() {
      const [draft, setDraft] = useState<EventDraft>({ name: "", currency: "dollar" });
      return <EventForm mode="create" draft={draft} onDraftChange={setDraft} onSubmit={onSubmit} submitLabel="Create event" />;
    }
    render(<CreateHarness />);
    fireEvent.click(screen.getByRole("button", { name: "Create event" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Give the event a name")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Signed up" } });
    fireEvent.click(screen.getByRole("button", { name: "Create event" }));
    expect(onSubmit).toHaveBeenLastCalledWith({ name: "Signed up", currency: "dollar" });
  });

  it("sends only what changed on edit", () => {
    const onSubmit = vi.fn();
    render(<EditHarness current={{ name: "Signed up", currency: "dollar" }} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Currency"), { target: { value: "euro" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenLastCalledWith({ currency: "euro" });
  });

  it("says so when nothing changed, and offers to keep a currency Fathom never reported", () => {
    const onSubmit = vi.fn();
    render(<EditHarness current={{ name: "Signed up", currency: null }} onSubmit={onSubmit} />);
    expect((screen.getByLabelText("Currency") as HTMLSelectElement).value).toBe("");
    expect(screen.getByRole("option", { name: "Keep as it is" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Change the name or the currency, or cancel")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Newsletter signup" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSubmit).toHaveBeenLastCalledWith({ name: "Newsletter signup" });
  });
});

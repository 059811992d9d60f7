// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MilestoneForm, type MilestoneDraft } from "./milestone-form";

afterEach(cleanup);

function Harness({ onSubmit, serverFields }: { onSubmit: (input: unknown) => void; serverFields?: Record<string, string[]> }) {
  const [draft, setDraft] = useState<MilestoneDraft>({ name: "", milestone_date: "2024-03-01" });
  return <MilestoneForm draft={draft} onDraftChange={setDraft} onSubmit={onSubmit} submitLabel="Add milestone" serverFields={serverFields} />;
}

describe("MilestoneForm", () => {
  it("refuses a 31-character name beside the field and sends nothing", () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const name = screen.getByLabelText("Name");
    fireEvent.change(name, { target: { value: "x".repeat(31) } });
    expect(screen.getByText("31/30 characters")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
    expect(onSubmit).not.toHaveBeenCalled();
    const message = screen.getByText("Fathom allows at most 30 characters in a milestone name; this one has 31");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.getAttribute("aria-describedby")).toContain(message.id);
  });

  it("hands on checked input, trimmed", () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "  Spring campaign  " } });
    fireEvent.click(screen.getByRole("button", { name: "Add milestone" }));
    expect(onSubmit).toHaveBeenCalledWith({ name: "Spring campaign", milestone_date: "2024-03-01" });
  });

  it("shows Fathom's messages beside the fields they name, and any other message below", () => {
    render(
      <Harness
        onSubmit={vi.fn()}
        serverFields={{ name: ["The name has already been taken."], milestone_date: ["The milestone date does not match the format Y-m-d."], site: ["Odd."] }}
      />,
    );
    const name = screen.getByLabelText("Name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.getAttribute("aria-describedby")).toContain(screen.getByText("The name has already been taken.").id);
    expect(screen.getByLabelText("Date").getAttribute("aria-describedby")).toContain(
      screen.getByText("The milestone date does not match the format Y-m-d.").id,
    );
    expect(screen.getByText("Odd.")).toBeTruthy();
  });
});

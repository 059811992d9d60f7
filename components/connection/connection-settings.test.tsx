// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionStatus } from "@/lib/server/connection";
import { ConnectionSettings } from "./connection-settings";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base: ConnectionStatus = {
  mode: "demo",
  envToken: false,
  baseUrl: "http://simulator.local/v1",
  tokenHint: null,
  storedAt: null,
  storedUnreadable: false,
};

describe("ConnectionSettings", () => {
  it("in demo mode offers to connect a token", () => {
    render(<ConnectionSettings status={base} />);
    expect(screen.getByTestId("connection-status").dataset.mode).toBe("demo");
    expect(screen.getByLabelText("Fathom API token").getAttribute("type")).toBe("password");
    expect(screen.getByRole("button", { name: "Test connection" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save token" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Remove token" })).toBeNull();
  });

  it("with a stored token shows only its last four characters and offers replace and remove", () => {
    render(<ConnectionSettings status={{ ...base, mode: "stored", tokenHint: "9xyz", baseUrl: "https://api.usefathom.com/v1" }} />);
    expect(screen.getByTestId("connection-status").textContent).toContain("…9xyz");
    expect(screen.getByRole("heading", { name: "Replace the token" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Remove token" })).toBeTruthy();
  });

  it("is read-only when FATHOM_API_TOKEN is set", () => {
    render(<ConnectionSettings status={{ ...base, mode: "env", envToken: true, tokenHint: "abcd", baseUrl: "https://api.usefathom.com/v1" }} />);
    expect(screen.getByText(/this page is read-only/)).toBeTruthy();
    expect(screen.queryByLabelText("Fathom API token")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save token" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove token" })).toBeNull();
    expect(screen.getByRole("button", { name: "Test current connection" })).toBeTruthy();
  });

  it("tests a pasted token, shows what Fathom says about it, and clears the field once saved", async () => {
    const sent: Array<{ url: string; method: string; body: unknown }> = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      sent.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
      const token = { name: "Reports", version: 4, abilities: ["*"], last_used_at: null, expires_at: null, created_at: null, updated_at: null };
      return new Response(JSON.stringify({ token }), { status: 200, headers: { "Content-Type": "application/json" } });
    });
    render(<ConnectionSettings status={base} />);
    const input = screen.getByLabelText("Fathom API token") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "tok-pasted-123456789" } });
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect((await screen.findByTestId("token-name")).textContent).toBe("Reports");
    expect(screen.getByText("Full account access")).toBeTruthy();
    expect(screen.getByText("Never")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save token" }));
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(input.value).toBe("");
    expect(sent).toEqual([
      { url: "/api/connection/test", method: "POST", body: { token: "tok-pasted-123456789" } },
      { url: "/api/connection", method: "PUT", body: { token: "tok-pasted-123456789" } },
    ]);
  });

  it("shows Fathom's refusal next to the field", async () => {
    vi.stubGlobal("fetch", async () =>
      new Response(JSON.stringify({ error: { code: "token_rejected", message: "Fathom rejected this token.", fields: { token: ["Fathom rejected this token."] } } }), {
        status: 400,
        headers: { "Content-Type": "application/json" },
      }),
    );
    render(<ConnectionSettings status={base} />);
    fireEvent.change(screen.getByLabelText("Fathom API token"), { target: { value: "nope-nope-nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findAllByText("Fathom rejected this token.")).toHaveLength(2);
    expect(screen.getByLabelText("Fathom API token").getAttribute("aria-invalid")).toBe("true");
  });
});

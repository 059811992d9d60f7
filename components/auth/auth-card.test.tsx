// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AuthCard } from "./auth-card";

afterEach(cleanup);

describe("AuthCard", () => {
  // The skip link (components/app-shell/skip-link.tsx) jumps to #main, on pages outside the team shell too.
  it("is the page's main landmark, #main", () => {
    render(<AuthCard title="Sign in">form</AuthCard>);
    expect(screen.getByRole("main").id).toBe("main");
  });
});

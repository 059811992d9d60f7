// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import NotFound from "./not-found";

afterEach(cleanup);

describe("the not-found page", () => {
  // The skip link (components/app-shell/skip-link.tsx) jumps to #main.
  it("is its main landmark, #main, with a way back to Explore", () => {
    render(<NotFound />);
    expect(screen.getByRole("main").id).toBe("main");
    expect(screen.getByRole("link", { name: "Go to Explore" }).getAttribute("href")).toBe("/explore");
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { SkipLink } from "./skip-link";

afterEach(cleanup);

describe("SkipLink", () => {
  it("is the first stop of Tab and moves focus to the main landmark", async () => {
    const user = userEvent.setup();
    render(
      <>
        <SkipLink />
        <nav>
          <a href="/explore">Explore</a>
        </nav>
        <main id="main">
          <button type="button">In the page</button>
        </main>
      </>,
    );
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Skip to content" }));
    await user.keyboard("{Enter}");
    const main = screen.getByRole("main");
    expect(document.activeElement).toBe(main);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "In the page" }));
    // Focusable only for the skip: a click on the page's text must not focus the whole landmark.
    expect(main.hasAttribute("tabindex")).toBe(false);
  });

  it("finds a main landmark without the id", async () => {
    const user = userEvent.setup();
    render(
      <>
        <SkipLink />
        <main>Sign in</main>
      </>,
    );
    await user.click(screen.getByRole("link", { name: "Skip to content" }));
    expect(document.activeElement).toBe(screen.getByRole("main"));
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NavLinks } from "./nav-links";

let pathname = "/explore";
vi.mock("next/navigation", () => ({ usePathname: () => pathname }));

afterEach(cleanup);

const links = () =>
  within(screen.getByRole("navigation", { name: "Main" }))
    .getAllByRole("link")
    .map((link) => [link.textContent, link.getAttribute("href")]);

describe("NavLinks", () => {
  it("offers Settings to editors and admins, who have sections of it to use", () => {
    for (const role of ["editor", "admin"] as const) {
      render(<NavLinks role={role} />);
      expect(links().at(-1)).toEqual(["Settings", "/settings"]);
      cleanup();
    }
  });

  it("offers a viewer their account, the one setting they may change, and no Settings", () => {
    pathname = "/settings/account";
    render(<NavLinks role="viewer" />);
    expect(links()).toEqual([
      ["Explore", "/explore"],
      ["Reports", "/reports"],
      ["Dashboards", "/dashboards"],
      ["Sites", "/sites"],
      ["Account", "/settings/account"],
    ]);
    expect(screen.getByRole("link", { name: "Account" }).getAttribute("aria-current")).toBe("page");
  });
});

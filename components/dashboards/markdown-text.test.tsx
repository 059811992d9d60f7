// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MarkdownText, safeLinkUrl } from "./markdown-text";

afterEach(cleanup);

const HOSTILE = [
  "# Weekly",
  "",
  '<script>alert("html")</script><img src="https://tracker.example/pixel.gif" onerror="alert(1)"><b onclick="alert(2)">bold html</b>',
  "",
  "![Logo](https://tracker.example/logo.png) and ![](https://tracker.example/blank.png)",
  "",
  "[run me](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>) [other host](//evil.example/path) [vb](vbscript:msgbox)",
  "",
  "[docs](https://usefathom.com/docs) [mail](mailto:team@example.com) [board](/dashboards/2) [plain](http://example.com)",
].join("\n");

describe("MarkdownText", () => {
  it("renders Markdown with headings a level below the page's", () => {
    render(<MarkdownText markdown={"# Title\n\n## Part\n\nSome **bold** and *soft* words.\n\n- one\n- two"} />);
    expect(screen.getByRole("heading", { level: 2, name: "Title" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Part" })).toBeTruthy();
    expect(screen.getByText("bold").tagName).toBe("STRONG");
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(screen.queryByRole("heading", { level: 1 })).toBeNull();
  });

  it("renders no raw HTML, loads no image and keeps no script link", () => {
    const { container } = render(<MarkdownText markdown={HOSTILE} />);
    expect(container.querySelector("script, img, b, iframe, [onerror], [onclick]")).toBeNull();
    expect(container.innerHTML).not.toMatch(/tracker\.example|javascript:|data:|vbscript:|evil\.example/);
    expect(screen.getByText("(image: Logo)")).toBeTruthy();
    // The words of a refused link stay, without an address.
    expect(screen.getByText("run me").closest("a")).toBeNull();
    expect(screen.getByText("other host").closest("a")).toBeNull();

    const links = screen.getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["https://usefathom.com/docs", "mailto:team@example.com", "/dashboards/2", "http://example.com"]);
    for (const link of links) expect(link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
  });
});

describe("safeLinkUrl", () => {
  it("keeps web, e-mail and same-site addresses only", () => {
    expect(safeLinkUrl(" https://a.example/x?y=1 ")).toBe("https://a.example/x?y=1");
    expect(safeLinkUrl("/reports/3")).toBe("/reports/3");
    for (const url of ["JavaScript:alert(1)", "  javascript:alert(1)", "data:text/html,x", "//evil.example", "/\\evil.example", "ftp://a.example", "#top", "relative/path", "tel:123"]) {
      expect(safeLinkUrl(url), url).toBeNull();
    }
  });
});

import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import MarkdownView from "./MarkdownView.svelte";

describe("markdown view", () => {
  it("renders Markdown as elements and raw HTML as text", () => {
    const { container } = render(MarkdownView, {
      props: { text: "**Proud** of today.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>" },
    });
    expect(container.querySelector("strong")).toHaveTextContent("Proud");
    expect(container.querySelector("script, img")).toBeNull();
    expect(container).toHaveTextContent("<script>alert(1)</script>");
  });

  it("shows where a link points but does not follow it", () => {
    render(MarkdownView, { props: { text: "[a page](https://example.org) and [x](javascript:alert(1))" } });
    const link = screen.getByRole("link", { name: "a page" });
    expect(link).toHaveAttribute("title", "https://example.org");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(screen.getAllByRole("link")).toHaveLength(1);
  });

  it("follows the text when it changes", async () => {
    const { container, rerender } = render(MarkdownView, { props: { text: "first" } });
    expect(container).toHaveTextContent("first");
    await rerender({ text: "# second" });
    expect(container.querySelector("h1")).toHaveTextContent("second");
  });
});

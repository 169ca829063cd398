import { describe, expect, it } from "vitest";
import { ALLOWED_TAGS, markdownToSafeHtml } from "./markdown";

function parse(markdown: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = markdownToSafeHtml(markdown);
  return root;
}

describe("markdown for journal entries", () => {
  it("renders basic formatting", () => {
    const root = parse("# Today\n\nI felt *calm* and **strong**.\n\n- walk\n- call Sam\n\n> one day at a time\n\n`code`");
    expect(root.querySelector("h1")).toHaveTextContent("Today");
    expect(root.querySelector("em")).toHaveTextContent("calm");
    expect(root.querySelector("strong")).toHaveTextContent("strong");
    expect(root.querySelectorAll("ul li")).toHaveLength(2);
    expect(root.querySelector("blockquote")).toHaveTextContent("one day at a time");
    expect(root.querySelector("code")).toHaveTextContent("code");
  });

  it("never lets a <script> through", () => {
    const html = markdownToSafeHtml("Hello <script>alert('x')</script>\n\n<script>alert(1)</script>");
    const root = parse("Hello <script>alert('x')</script>\n\n<script>alert(1)</script>");
    expect(root.querySelector("script")).toBeNull();
    expect(html).not.toMatch(/<script/i);
  });

  it("shows raw HTML as the text that was typed, never as elements", () => {
    const root = parse('<div class="x">boxed</div>\n\nand <b>bold</b> and <iframe src="https://e.x"></iframe>');
    expect(root.querySelector("div, b, iframe")).toBeNull();
    expect(root.textContent).toContain('<div class="x">boxed</div>');
    expect(root.textContent).toContain("<b>bold</b>");
  });

  it("drops event handlers such as <img onerror>", () => {
    const html = markdownToSafeHtml('<img src=x onerror="alert(1)">\n\n![pic](x.png "t")');
    const root = parse('<img src=x onerror="alert(1)">\n\n![pic](x.png "t")');
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("[onerror]")).toBeNull();
    expect(html).not.toMatch(/<img/i);
  });

  it("keeps only http, https and mailto links, with rel=noopener noreferrer", () => {
    const root = parse(
      "[site](https://example.org) [plain](http://example.org) [mail](mailto:me@example.org) " +
        "[bad](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](/local)",
    );
    const links = [...root.querySelectorAll("a")];
    const hrefs = links.map((a) => a.getAttribute("href")).filter((h) => h !== null);
    expect(hrefs).toEqual(["https://example.org", "http://example.org", "mailto:me@example.org"]);
    for (const link of links.filter((a) => a.hasAttribute("href"))) {
      expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
    expect(root.innerHTML).not.toMatch(/javascript:/i);
    expect(root.innerHTML).not.toMatch(/data:/i);
    expect(root.textContent).toContain("bad");
  });

  it("drops a javascript: link written as HTML too", () => {
    const root = parse('<a href="javascript:alert(1)">click</a>');
    expect(root.querySelector("a")).toBeNull();
  });

  it("uses only the allowed tags", () => {
    const root = parse("| alpha | beta |\n|---|---|\n| one | two |\n\n- [x] done\n\n~~gone~~\n\n***\n\n```\npre\n```");
    for (const element of root.querySelectorAll("*")) {
      expect(ALLOWED_TAGS).toContain(element.tagName.toLowerCase());
    }
    expect(root.querySelector("input")).toBeNull();
    // Unsupported structure goes, but no words are lost.
    expect(root.textContent).toContain("alpha");
    expect(root.textContent).toContain("beta");
    expect(root.textContent).toContain("two");
    expect(root.textContent).toContain("done");
    expect(root.textContent).toContain("gone");
  });
});

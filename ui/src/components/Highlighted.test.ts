import { render } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import Highlighted from "./Highlighted.svelte";

describe("highlighted excerpt", () => {
  it("wraps matches in <mark> and keeps everything else as text", () => {
    const { container } = render(Highlighted, {
      props: { text: "<img src=x onerror=alert(1)> felt \u0002calm\u0003 at \u0002<i>home</i>\u0003" },
    });
    const marks = [...container.querySelectorAll("mark")].map((m) => m.textContent);
    expect(marks).toEqual(["calm", "<i>home</i>"]);
    expect(container.querySelector("img, i")).toBeNull();
    expect(container.textContent).toBe("<img src=x onerror=alert(1)> felt calm at <i>home</i>");
  });
});

import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import DataTable from "./DataTable.svelte";

const table = {
  columns: ["Week", "Attended", "Missed"],
  rows: [
    { key: "a", head: "Week of 2 Nov", cells: [1, 0] },
    { key: "b", head: "Week of 9 Nov", cells: [2, "none"] },
  ],
};

describe("a table of figures", () => {
  it("names each row by its first cell, under the column headings", () => {
    render(DataTable, { caption: "Per week", table });
    const shown = screen.getByRole("table", { name: "Per week" });
    expect(within(shown).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(table.columns);
    const row = within(shown).getByRole("rowheader", { name: "Week of 9 Nov" }).closest("tr") as HTMLElement;
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "none"]);
    expect(within(shown).getAllByRole("row")).toHaveLength(1 + table.rows.length);
    expect(shown.querySelector("caption")).not.toHaveClass("visually-hidden");
  });

  it("can leave its caption to screen readers, still naming the table", () => {
    render(DataTable, { caption: "Meeting attendance per week", table, hideCaption: true });
    const shown = screen.getByRole("table", { name: "Meeting attendance per week" });
    expect(shown.querySelector("caption")).toHaveClass("visually-hidden");
  });
});

// How a content source reads on screen. The content files cite the project's source material by
// file name and section ("002_024c…: What are the most common heroin withdrawal symptoms?"), which
// reviewers need; people need the section, not the file name.

const MATERIAL_CITATION = /^\d{3}_[0-9a-f]{16}:\s*(.+)$/;

/** "Source: …" for one cited source, or several separated by "; ". */
export function readableSource(source: string): string {
  const parts = source
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const material = MATERIAL_CITATION.exec(part);
      return material ? `Waymark's source material, “${material[1].trim()}”` : part;
    });
  return `Source: ${parts.join("; ")}`;
}

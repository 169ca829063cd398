// Focus helpers for screen changes, so keyboard and screen-reader users start in the right place.

/** Svelte attachment: focuses the element once when it is mounted. */
export function focusOnMount(node: HTMLElement): void {
  node.focus();
}

/**
 * Remembers what had focus when a panel opened and gives focus back when it closes. A row that
 * was drawn again meanwhile (the ranking table is replaced by the district's card) is found again
 * by its `data-focus-key`. Nothing is focused when the opener is gone for good.
 */
import { tick } from 'svelte';

export class FocusReturn {
	private opener: { element: HTMLElement; key: string | null } | null = null;

	remember(): void {
		const element = document.activeElement;
		this.opener = element instanceof HTMLElement && element !== document.body ? { element, key: element.dataset.focusKey ?? null } : null;
	}

	async restore(): Promise<void> {
		const opener = this.opener;
		this.opener = null;
		if (!opener) return;
		await tick();
		const find = () =>
			opener.element.isConnected ? opener.element : opener.key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(opener.key)}"]`) : null;
		// The ranking comes back a task after the card goes (routes/deferred.svelte.ts): a few frames.
		let target = find();
		for (let frame = 0; !target && frame < 10; frame++) {
			await new Promise((resolve) => requestAnimationFrame(resolve));
			target = find();
		}
		target?.focus();
	}
}

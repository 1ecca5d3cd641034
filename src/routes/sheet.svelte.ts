/**
 * The phone layout's bottom sheet (the district card and the ranking): three resting heights —
 * peek, half, full — moved by dragging its handle, tapping it, or the arrow keys on it; dragged
 * down from peek (a swipe), it closes the district. One owner: the page.
 */
export type SheetState = 'peek' | 'half' | 'full';
const ORDER: SheetState[] = ['peek', 'half', 'full'];

/** Resting heights as a share of the viewport height (peek is a fixed strip). */
const PEEK_PX = 132;
const SHARE: Record<Exclude<SheetState, 'peek'>, number> = { half: 0.55, full: 0.92 };

export class BottomSheet {
	state = $state<SheetState>('peek');
	/** Height while a finger drags the handle (px), else null. */
	dragHeight = $state<number | null>(null);
	private startY = 0;
	private startHeight = 0;

	constructor(private readonly onclose: () => void) {}

	restingHeight(state: SheetState, viewport = window.innerHeight): number {
		return state === 'peek' ? PEEK_PX : Math.round(viewport * SHARE[state]);
	}

	/** CSS height now. */
	get height(): string {
		return `${this.dragHeight ?? this.restingHeight(this.state)}px`;
	}

	step(by: 1 | -1) {
		const i = ORDER.indexOf(this.state) + by;
		if (i < 0) return this.onclose();
		this.state = ORDER[Math.min(ORDER.length - 1, i)]!;
	}

	/** A tap on the handle: up one level, and from full back down to peek. */
	tap() {
		this.state = this.state === 'full' ? 'peek' : ORDER[ORDER.indexOf(this.state) + 1]!;
	}

	keydown = (e: KeyboardEvent) => {
		if (e.key === 'ArrowUp') this.step(1);
		else if (e.key === 'ArrowDown') this.step(-1);
		else return;
		e.preventDefault();
	};

	pointerdown = (e: PointerEvent) => {
		this.startY = e.clientY;
		this.startHeight = this.restingHeight(this.state);
		(e.currentTarget as Element).setPointerCapture?.(e.pointerId);
	};

	pointermove = (e: PointerEvent) => {
		if (!(e.buttons & 1) && e.pointerType === 'mouse') return;
		if (Math.abs(e.clientY - this.startY) < 6 && this.dragHeight === null) return;
		this.dragHeight = Math.max(48, Math.min(window.innerHeight * SHARE.full, this.startHeight + (this.startY - e.clientY)));
	};

	pointerup = () => {
		const h = this.dragHeight;
		this.dragHeight = null;
		if (h === null) return this.tap();
		// A drag well below the peek height is a swipe down: close.
		if (h < PEEK_PX - 40) return this.onclose();
		this.state = ORDER.reduce((best, s) => (Math.abs(this.restingHeight(s) - h) < Math.abs(this.restingHeight(best) - h) ? s : best), 'peek' as SheetState);
	};
}

interface Toast {
	id: number;
	text: string;
	undo?: () => Promise<unknown>;
}

/** Short messages after an action, with Undo where the action can be taken back. */
class ToastCentre {
	items = $state<Toast[]>([]);
	private next = 1;

	show(text: string, undo?: () => Promise<unknown>): void {
		const id = this.next++;
		this.items = [...this.items.slice(-2), { id, text, undo }];
		setTimeout(() => this.dismiss(id), 8000);
	}

	dismiss(id: number): void {
		this.items = this.items.filter((t) => t.id !== id);
	}
}

export const toasts = new ToastCentre();

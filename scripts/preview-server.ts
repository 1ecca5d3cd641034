/**
 * `vite preview` of the built app for the bench's scripts: started in its own process group (so
 * stopping it stops npx's child too), stopped on exit, and awaited until it answers.
 */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ stop: () => void }> {
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
	const stop = () => {
		try {
			process.kill(-server.pid!);
		} catch {
			/* already gone */
		}
	};
	process.on('exit', stop);
	for (let i = 0; i < 100; i++) {
		if (
			await fetch(`http://localhost:${port}/`).then(
				(r) => r.ok,
				() => false
			)
		)
			return { stop };
		await new Promise((r) => setTimeout(r, 200));
	}
	stop();
	throw new Error('vite preview did not start');
}

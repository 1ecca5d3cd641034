// District pages carry no app code (csr = false), so SvelteKit does not register the offline
// service worker from them: this does, so a reader who arrives from a shared link to a district
// page gets the offline copy too (src/service-worker.ts). The worker sits beside this file.
(function () {
	if (!('serviceWorker' in navigator) || !document.currentScript) return;
	var url = new URL('service-worker.js', document.currentScript.src);
	addEventListener('load', function () {
		navigator.serviceWorker.register(url).catch(function () {
			// Offline use is a bonus: a browser that refuses it still shows the page.
		});
	});
})();

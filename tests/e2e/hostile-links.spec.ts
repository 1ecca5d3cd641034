/** Links as an attacker or a careless user writes them: every ignored parameter named, the app never stopped. */
import { expect, test } from '@playwright/test';
import { openDashboard, waitForView } from './map-page.js';

test('a link naming constructor, an impossible camera and an unknown metric opens the map and says what it ignored', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await openDashboard(page, '?district=constructor&map=0,100,5&metric=toString&__proto__=1');
	// The interactive map, not the no-WebGL fallback, and the default view.
	await waitForView(page, 'gtd-2008|incidents|area');
	await expect(page.getByTestId('params-note')).toContainText(
		'From the link: map=0,100,5 ignored: latitude 100 is outside −85…85; metric=toString ignored: not one of incidents, killed, wounded, casualties; __proto__=1 ignored: not a parameter of this page.'
	);
	await expect(page.getByTestId('slug-note')).toContainText('“constructor”, which is not in the 2023 census layout');
	await expect(page.getByTestId('district-panel')).toHaveCount(0);
	expect(errors).toEqual([]);
});

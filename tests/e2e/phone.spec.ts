/** The phone layout: the map in the first screen, a bottom sheet for the district, no sideways scroll. */
import { expect, test, type Page } from '@playwright/test';
import { expectedView } from './expected.js';
import { openDashboard, project, waitForView } from './map-page.js';
import { formatCount } from '../../src/lib/format/index.js';

const expected = expectedView('gtd-2008', 'incidents', 'area');

async function tapDistrict(page: Page, slug: string) {
	const at = await project(page, expected.bySlug.get(slug)!.sampleAt);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.click(box.x + at.x, box.y + at.y);
}

for (const viewport of [
	{ width: 375, height: 667 },
	{ width: 412, height: 915 }
]) {
	test.describe(`phone ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport, hasTouch: true, isMobile: true });

		test('the map is in the first screen and nothing scrolls sideways', async ({ page }) => {
			await openDashboard(page);
			await waitForView(page, 'gtd-2008|incidents|area');
			const map = (await page.getByTestId('map').boundingBox())!;
			expect(map.y).toBeLessThan(viewport.height / 3);
			expect(map.height).toBeGreaterThan(viewport.height / 2);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
			// The tools open as one full-screen sheet and close again.
			await page.getByTestId('open-tools').click();
			const tools = page.getByTestId('tools-sheet');
			await expect(tools).toBeVisible();
			await expect(tools.getByTestId('dataset')).toBeVisible();
			await expect(tools.getByTestId('facet-actor')).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
			await tools.getByTestId('close-tools').click();
			await expect(tools).toHaveCount(0);
		});

		test('tapping a district opens its sheet with the core’s figures; button, swipe and Escape close it', async ({ page }) => {
			await openDashboard(page);
			await waitForView(page, 'gtd-2008|incidents|area');
			const side = page.getByTestId('side');
			await expect(side).toHaveAttribute('data-sheet', 'peek');

			await tapDistrict(page, 'khuzdar');
			await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'khuzdar');
			await expect(side).toHaveAttribute('data-sheet', 'half');
			await expect(page.getByTestId('panel-incidents')).toHaveText(formatCount(expected.bySlug.get('khuzdar')!.totals.incidents));
			await expect(page.getByTestId('panel-incidents')).toBeInViewport();
			await page.getByRole('button', { name: 'Close district details' }).click();
			await expect(page.getByTestId('district-panel')).toHaveCount(0);
			await expect(side).toHaveAttribute('data-sheet', 'peek');

			// Keyboard on the handle moves the sheet; a swipe down from peek closes the district.
			await tapDistrict(page, 'khuzdar');
			await expect(side).toHaveAttribute('data-sheet', 'half');
			await page.getByTestId('sheet-handle').focus();
			await page.keyboard.press('ArrowUp');
			await expect(side).toHaveAttribute('data-sheet', 'full');
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			await expect(side).toHaveAttribute('data-sheet', 'peek');
			await expect(side).toHaveCSS('height', '132px'); // settled after its transition
			await page.waitForTimeout(300);
			const handle = (await page.getByTestId('sheet-handle').boundingBox())!;
			await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
			await page.mouse.down();
			await page.mouse.move(handle.x + handle.width / 2, handle.y + 60, { steps: 5 });
			await page.mouse.move(handle.x + handle.width / 2, handle.y + 120, { steps: 5 });
			await page.mouse.up();
			await expect(page.getByTestId('district-panel')).toHaveCount(0);

			await tapDistrict(page, 'khuzdar');
			await expect(page.getByTestId('district-panel')).toHaveAttribute('data-slug', 'khuzdar');
			await page.keyboard.press('Escape');
			await expect(page.getByTestId('district-panel')).toHaveCount(0);
		});
	});
}

test.describe('phone widths from 320 to 430 px', () => {
	for (const width of [320, 430]) {
		test.describe(`${width} px`, () => {
			test.use({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true });
			test('nothing scrolls sideways, with a district open too; the header buttons are touch-sized', async ({ page }) => {
				await openDashboard(page, '?district=dera-ismail-khan');
				await waitForView(page, 'gtd-2008|incidents|area');
				await expect(page.getByTestId('district-panel')).toBeVisible();
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
				for (const id of ['open-tools', 'sheet-handle']) expect((await page.getByTestId(id).boundingBox())!.height, id).toBeGreaterThanOrEqual(44);
			});
		});
	}
});

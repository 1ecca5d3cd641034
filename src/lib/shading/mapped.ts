/**
 * What the map shows and what the ranking's value column holds, in words, for every kind of map:
 * the page header, the legend, the ranking's heading and value column and the districts CSV all
 * say it the same way. Pure: the view's choices in, two phrases out.
 */
import type { CompareMode } from '../compare/index.js';

export interface MappedChoices {
	/** The mapped metric's unit ("incidents per 1,000 km²"). */
	unit: string;
	/** Two sources compared (B − A incidents). */
	difference: boolean;
	/** Two periods compared, and how. */
	compare: CompareMode | null;
	/** Hazard × need: the need's words ("households without a toilet"). */
	need: string | null;
	/** Emerging hot spots: the metric they are found in ("incidents"). */
	emerging: string | null;
}

/** The hazard axis of hazard × need (src/lib/bivariate): attacks per person. */
export const HAZARD_UNIT = 'incidents per 100,000 people';

export function mappedWords(c: MappedChoices): { shadedBy: string; rankedBy: string } {
	if (c.difference) {
		const words = 'difference in incidents between two sources (B − A)';
		return { shadedBy: words, rankedBy: words };
	}
	if (c.compare) {
		const words = `change in ${c.unit} (${c.compare === 'percent' ? '%' : 'B − A'})`;
		return { shadedBy: words, rankedBy: words };
	}
	if (c.need) return { shadedBy: `hazard × need: ${HAZARD_UNIT} × ${c.need}`, rankedBy: HAZARD_UNIT };
	if (c.emerging) return { shadedBy: `emerging hot spots of ${c.emerging}`, rankedBy: c.unit };
	return { shadedBy: c.unit, rankedBy: c.unit };
}

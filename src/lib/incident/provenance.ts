/**
 * Where a fetched dataset came from ("Get current data", `npm run fetch-data`): stored with it,
 * shown in the About panel, stamped on exports. Its own module, free of any parser, so that the
 * incident schema, the exports and the page's first chunk can name it without pulling in the
 * connectors (and papaparse with them).
 */

export interface FetchProvenance {
	source: 'UCDP' | 'ACLED';
	/** API and release(s): "UCDP API, GED 26.1 + Candidate 26.0.1–26.0.9". */
	api: string;
	/** The query in words, without credentials: "Pakistan (GW 770), 2022-11-28 – 2026-11-26". */
	query: string;
	/** The query's parameters, for "Refresh". */
	params: { from: string; to: string; countries?: number[]; yearlyVersion?: string };
	/** ISO timestamp of the retrieval. */
	retrievedAt: string;
	/** Where the published data stops short of the range asked (UCDP Candidate not yet out). */
	note?: string;
}

/** "Fetched from the UCDP API (…), GED 26.1 + …, query …, on 2026-11-26 12:00 UTC": for stamps and exports. */
export function fetchedLine(p: FetchProvenance): string {
	return `Fetched from the ${p.api}; query: ${p.query}; retrieved ${p.retrievedAt.slice(0, 16).replace('T', ' ')} UTC.${p.note ? ` ${p.note}` : ''}`;
}

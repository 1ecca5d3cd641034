/**
 * A part of the dashboard and what it reads of the others (its host): set by super() before any
 * field of the subclass initialises, since their $derived read it and class fields are set before
 * a constructor's body runs.
 */
export class Hosted<H> {
	constructor(protected readonly host: H) {}
}

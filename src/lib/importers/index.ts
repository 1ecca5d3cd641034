/**
 * Importers: rows of UCDP GED, ACLED and GTD CSV exports, CSVs with a user-made column mapping,
 * and GeoJSON points, onto the shared incident schema (DATA-MODEL.md). Every row read is either
 * imported or rejected with its row number, column and problem: nothing is dropped silently.
 *
 * - cells.ts: one cell read and checked (text, number, casualty count, date, coordinates);
 * - formats.ts: each known export's header signature, columns and row mapper;
 * - mapping.ts: a user's column mapping for any other CSV;
 * - report.ts: the row importer, its rejections and its report;
 * - file.ts: reading a whole file (papaparse, GeoJSON) into a row importer; parts.ts: in parts.
 *
 * Everything but file.ts is rows in, incidents and rejections out, so the same code runs in the
 * import worker, in Node scripts and in tests.
 */
export { MAX_TEXT, RowProblem, type Cells, type Row, type RowContext } from './cells.js';
export * from './formats.js';
export * from './mapping.js';
export * from './report.js';

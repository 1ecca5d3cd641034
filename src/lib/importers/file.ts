/**
 * Reading an import file: sniffing (empty, binary, encoding), streaming CSV through papaparse,
 * or reading GeoJSON points, into the row importers of index.ts. Runs in the import worker (File
 * input, streamed) and in Node tests (string input).
 */
export * from './outcome.js';
export * from './sniff.js';
export { type CsvOptions, type CsvSetup } from './csv-stream.js';
export * from './csv.js';
export * from './geojson.js';

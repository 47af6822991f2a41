// Entry point of a parse worker thread in the compiled build (dist/parse-worker.js): ingest.ts answers
// parse jobs when it runs on a worker thread. Under tsx the worker runs ingest.ts itself.
import './ingest';

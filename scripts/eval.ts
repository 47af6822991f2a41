// npm run eval -- timebank [...]: TIMEX3 dates on TimeBank (scripts/eval-timebank.ts);
// npm run eval -- entities [...]: people, organisations and places (scripts/eval-entities.ts);
// npm run eval [-- --squad …]: /ask (scripts/eval-ask.ts).
if (process.argv[2] === 'timebank') {
  process.argv.splice(2, 1);
  await import('./eval-timebank');
} else if (process.argv[2] === 'entities') {
  process.argv.splice(2, 1);
  await import('./eval-entities');
} else {
  await import('./eval-ask');
}
export {};

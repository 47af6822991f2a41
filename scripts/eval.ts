// npm run eval -- timebank [...]: TIMEX3 dates on TimeBank (scripts/eval-timebank.ts);
// npm run eval [-- --squad …]: /ask (scripts/eval-ask.ts).
if (process.argv[2] === 'timebank') {
  process.argv.splice(2, 1);
  await import('./eval-timebank');
} else {
  await import('./eval-ask');
}
export {};

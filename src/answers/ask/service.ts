// Question answering over the tracked articles, as /ask sees it. Owned by the /ask feature.
// Placeholder contract: the /ask work fills this in.
export interface AskService {
  ask(question: string, options: { articleId?: string; now: Date }): unknown;
}

// Two articles written for the correction tests (stories, reminders): a council vote on 1 December, and
// the same source's correction moving it to 9 December.
export const VOTE = `---
published: 2026-11-20
source: Harbourside Gazette
---
Harbourside council to vote on seafront plan

Harbourside Council will vote on the seafront regeneration plan on 1 December, council leader Maria Jensen said.

The plan would replace the old pier car park with a public garden and a cycle route along the promenade. Residents can comment on it at the town hall.

Opposition councillor Tom Okafor said the plan was rushed.
`;

export const correctionBy = (source: string) => `---
published: 2026-11-24
source: ${source}
---
Correction: council vote on seafront plan

An earlier version of this story said the council's vote on Maria Jensen's seafront plan would be held on 1 December. It will be held on 9 December.
`;

/** The same correction as an amendment note: "This article has been amended … 9 December, not 1 December." */
export const amendmentBy = (source: string) => `---
published: 2026-11-24
source: ${source}
---
Council vote on seafront plan set for 9 December

This article has been amended to correct the date of the council's vote on Maria Jensen's seafront plan, which will be held on 9 December, not 1 December.
`;

// The /ask question set, written before tuning. Phrased as members would ask, not copied from the
// articles. Each answerable question carries a checker for the direct answer (the reply's lead line):
//   date  – the answer's ISO date (or the end of its range) must match, year included: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
//   all   – every keyword must appear in the answer as whole words (case- and punctuation-insensitive)
//   any   – at least one of these must appear
// Unanswerable questions (the tracked articles do not say) must be declined.
export interface Expectation {
  date?: string;
  all?: string[];
  any?: string[];
}

export interface EvalQuestion {
  q: string;
  /** 'decline' = the articles cannot answer this; the reply must say so. */
  expect: Expectation | 'decline';
}

/** On the seed article (data/articles/csto-border-plan.txt). */
export const seedQuestions: EvalQuestion[] = [
  // when
  { q: 'When does the CSTO sign off on the border plan?', expect: { date: '2024-11-28' } },
  { q: 'When will the plan be approved?', expect: { date: '2024-11-28' } },
  { q: 'what date is the tajik-afghan border plan getting ratified', expect: { date: '2024-11-28' } },
  { q: 'When is the approval of the border security plan happening?', expect: { date: '2024-11-28' } },
  { q: 'On what day did Azerbaijani media report the news?', expect: { date: '2024-11-26' } },
  { q: 'When was the Collective Security Treaty signed?', expect: { date: '1992-05' } },
  { q: 'What year was the collective security treaty signed in?', expect: { any: ['1992'] } },
  { q: 'When did they decide to develop the border plan?', expect: { any: ['13 years ago', '2011'] } },
  { q: 'When is the CSTO expected to approve the plan for the Afghan border?', expect: { date: '2024-11-28' } },
  // who
  { q: 'Who runs the CSTO?', expect: { all: ['Tasmagambetov'] } },
  { q: 'who is the secretary general of the csto', expect: { all: ['Imangali Tasmagambetov'] } },
  { q: 'Who heads the Collective Security Treaty Organization?', expect: { all: ['Tasmagambetov'] } },
  { q: 'Who is the chief of the CSTO?', expect: { all: ['Tasmagambetov'] } },
  { q: 'Who is Imangali Tasmagambetov?', expect: { all: ['Secretary-General'] } },
  { q: "What is Tasmagambetov's job?", expect: { all: ['Secretary-General'] } },
  { q: 'Who reported that the CSTO will approve the plan on November 28?', expect: { all: ['Azerbaijani media'] } },
  { q: 'Who reviewed and agreed the draft plan?', expect: { all: ['member states'] } },
  { q: 'Which news agency reported on the stages of the plan?', expect: { all: ['RIA Novosti'] } },
  { q: 'Who was the report from Azerbaijani media based on?', expect: { all: ['Tasmagambetov'] } },
  // lists
  { q: 'Which countries are in the CSTO?', expect: { all: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'] } },
  { q: 'What are the member states of the Collective Security Treaty?', expect: { all: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'] } },
  { q: 'Who are the members of the CSTO?', expect: { all: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'] } },
  { q: 'list the countries that belong to the csto', expect: { all: ['Russia', 'Belarus', 'Armenia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan'] } },
  { q: 'What are the stages of the border plan?', expect: { all: ['clarifying capabilities', 'practical implementation', 'full deployment'] } },
  { q: 'What phases does the plan have?', expect: { all: ['clarifying capabilities', 'practical implementation'] } },
  { q: 'What steps does the plan include?', expect: { all: ['clarifying capabilities', 'full deployment'] } },
  // yes / no
  { q: 'Is Armenia a member of the CSTO?', expect: { all: ['yes'] } },
  { q: 'Is Kazakhstan part of the Collective Security Treaty?', expect: { all: ['yes'] } },
  // where
  { q: 'Where was the Collective Security Treaty signed?', expect: { all: ['Tashkent'] } },
  { q: 'In which city was the treaty signed?', expect: { all: ['Tashkent'] } },
  { q: 'Where are Afghan refugees seeking refuge?', expect: { all: ['Tajikistan'] } },
  // why
  { q: 'Why is the Tajikistan-Afghanistan border being strengthened?', expect: { any: ['regional security', 'Taliban'] } },
  { q: 'Why has instability in Central Asia got worse?', expect: { any: ['refugees and militants'] } },
  // how many
  { q: 'How many years ago was the decision to develop the plan taken?', expect: { any: ['13'] } },
  { q: 'How many countries are members of the Collective Security Treaty?', expect: { any: ['6', 'six'] } },
  { q: 'How many days until the plan gets approved?', expect: { any: ['two days', '2 days'] } },
  // what
  { q: 'What does CSTO stand for?', expect: { all: ['Collective Security Treaty Organization'] } },
  { q: 'What is the CSTO going to approve?', expect: { all: ['plan', 'border'] } },
  { q: 'What did the secretary-general say about the importance of the plan?', expect: { any: ['crucial role', 'security of Central Asia'] } },
  { q: 'What are the worries about the border plan?', expect: { any: ['local communities', 'humanitarian', 'trade'] } },
  { q: 'What did Azerbaijani media report on Tuesday?', expect: { any: ['approve', 'November 28'] } },
];

/** On the held-out corpus (../shared/corpus/articles). */
export const corpusQuestions: EvalQuestion[] = [
  { q: 'Where are EU finance ministers meeting to talk about the jet fuel tax?', expect: { all: ['Brussels'] } },
  { q: 'Who proposed the tax on jet fuel?', expect: { all: ['France', 'Germany'] } },
  { q: 'What share of national income do the richest countries want to give in aid?', expect: { any: ['0.7%'] } },
  { q: 'How big is the Argentina debt swap?', expect: { any: ['$102.6bn', '102.6bn'] } },
  { q: "Who is Argentina's economy minister?", expect: { all: ['Roberto Lavagna'] } },
  { q: 'who is the president of argentina', expect: { all: ['Nestor Kirchner'] } },
  { q: 'When will the results of the Argentine debt restructuring be ready?', expect: { date: '2005-03-03' } },
  { q: "What percentage of Argentina's bondholders live in Italy?", expect: { any: ['15.6%'] } },
  { q: 'How much money has the Treasury set aside for Crossrail?', expect: { any: ['£7.5bn', '7.5bn'] } },
  { q: 'When is the Crossrail bill going before the House of Commons?', expect: { date: '2005-02-23' } },
  { q: 'Who speaks for Crossrail?', expect: { all: ['Jeremy de Souza'] } },
  { q: 'How long will the trip from Heathrow to the City take on Crossrail?', expect: { any: ['40 minutes'] } },
  { q: 'Who is the chairman of Gazprom?', expect: { all: ['Aleksey Miller'] } },
  { q: 'How much could India invest in Russian oil and gas?', expect: { any: ['$20bn', '20bn'] } },
  { q: "Who is India's petroleum minister?", expect: { all: ['Mani Shankar Aiyar'] } },
  { q: 'Who chairs ONGC?', expect: { all: ['Subir Raha'] } },
  { q: 'How many members does the WTO have?', expect: { any: ['148'] } },
  { q: "How many times has the US blocked Iran's bid to join the WTO?", expect: { any: ['21'] } },
  { q: "Who is Iraq's trade minister?", expect: { all: ['al-Jibouri'] } },
  { q: 'Where is the World Trade Organisation based?', expect: { all: ['Geneva'] } },
  { q: 'How many countries are trying to join the WTO?', expect: { any: ['27'] } },
  { q: "Why did the US block Iran's WTO application?", expect: { any: ['reviewing relations'] } },
  { q: 'Who is the EU trade commissioner?', expect: { all: ['Peter Mandelson'] } },
  { q: 'How many A380 jets did UPS order?', expect: { any: ['10'] } },
  { q: 'When did Airbus overtake Boeing as the biggest maker of airliners?', expect: { any: ['2003'] } },
  { q: 'Why does UPS need to expand its air freight capacity?', expect: { any: ['international growth'] } },
  { q: 'How many films are eligible for the best film Oscar?', expect: { any: ['267'] } },
  { q: 'When will the Oscar nominees be announced?', expect: { date: '2005-01-25' } },
  { q: 'Where is the main Oscar ceremony being held?', expect: { all: ['Los Angeles'] } },
  { q: 'When is the Oscars ceremony?', expect: { date: '2005-02-27' } },
  { q: 'When will REM play on Glasgow Green?', expect: { date: '2005-06-14' } },
  { q: 'Why did REM pull out of the SECC concert?', expect: { any: ['flu'] } },
  { q: 'Who is the director of Regular Music?', expect: { all: ['Mark Mackie'] } },
  { q: 'When are U2 playing Hampden?', expect: { date: '2005-06-21' } },
  { q: 'When will the Commission for Africa publish its report?', expect: { date: '2005-03-11' } },
  { q: 'How many homes in County Durham are missing their voting packs?', expect: { any: ['300'] } },
  { q: 'When must the postal votes in the North East be handed in?', expect: { date: '2004-11-04' } },
  { q: 'When will Gordon Brown deliver his Budget?', expect: { date: '2005-03-16' } },
  { q: 'Who is the Tory shadow chancellor?', expect: { all: ['Oliver Letwin'] } },
  { q: 'When is the general election expected to be held?', expect: { date: '2005-05-05' } },
  { q: 'Who leads the Liberal Democrats?', expect: { all: ['Charles Kennedy'] } },
  { q: 'When are the pension strikes planned?', expect: { date: '2005-03-23' } },
  { q: 'How many workers could take part in the pension strikes?', expect: { any: ['1.4 million'] } },
  { q: 'Who is the leader of the PCS union?', expect: { all: ['Mark Serwotka'] } },
  { q: 'When does the PlayStation Portable go on sale in Japan?', expect: { date: '2004-12-12' } },
  { q: 'How much will the PSP cost?', expect: { any: ['19,800 yen', '145 euros'] } },
  { q: 'How many games will be out when the PSP launches?', expect: { any: ['21'] } },
  { q: 'When is the Palestinian presidential election?', expect: { date: '2005-01-09' } },
  { q: 'When does the European Council summit in Brussels begin?', expect: { date: '2004-12-16' } },
  { q: "Who secured Britain's EU rebate?", expect: { all: ['Margaret Thatcher'] } },
];

/** Questions no tracked article answers: each must be declined. */
export const unanswerableQuestions: EvalQuestion[] = [
  { q: 'How much will the border plan cost?', expect: 'decline' },
  { q: 'How many troops will be sent to the Tajik-Afghan border?', expect: 'decline' },
  { q: 'Who is the president of Tajikistan?', expect: 'decline' },
  { q: 'When will NATO approve the border plan?', expect: 'decline' },
  { q: 'Where is the CSTO headquartered?', expect: 'decline' },
  { q: 'What is the population of Kyrgyzstan?', expect: 'decline' },
  { q: 'Who won the best film Oscar?', expect: 'decline' },
  { q: 'How much do the REM Glasgow tickets cost?', expect: 'decline' },
  { q: 'What was the result of the North East assembly referendum?', expect: 'decline' },
  { q: 'Who is the chief executive of Rosneft?', expect: 'decline' },
  { q: 'How many seats did the Liberal Democrats win?', expect: 'decline' },
  { q: 'When will the Crossrail line open to passengers?', expect: 'decline' },
  { q: 'What is the capital of Kyrgyzstan?', expect: 'decline' },
  { q: 'Who is the mayor of Glasgow?', expect: 'decline' },
];

/**
 * Written after tuning, as a check on over-fitting: fresh phrasings and facts not asked above. The
 * eval reports them separately; the first run's figure is the honest one (see the /ask report).
 */
export const heldOutQuestions: EvalQuestion[] = [
  { q: 'By what date should the border plan be signed off?', expect: { date: '2024-11-28' } },
  { q: 'who is in charge of the collective security treaty organization', expect: { all: ['Tasmagambetov'] } },
  { q: 'Name the members of the Collective Security Treaty', expect: { all: ['Russia', 'Armenia', 'Tajikistan'] } },
  { q: 'Is Belarus in the CSTO?', expect: { all: ['yes'] } },
  { q: 'In what city was the Collective Security Treaty signed?', expect: { all: ['Tashkent'] } },
  { q: 'Which region does the plan matter for?', expect: { any: ['Central Asia'] } },
  { q: 'Who said the plan plays a crucial role?', expect: { any: ['Tasmagambetov', 'Secretary-General'] } },
  { q: 'What happens after clarifying capabilities?', expect: 'decline' },
  { q: 'When were the CSTO member states founded?', expect: 'decline' },
  { q: 'How many refugees have crossed into Tajikistan?', expect: 'decline' },
  { q: 'When do EU finance ministers meet about the jet fuel levy?', expect: { any: ['Thursday'] } },
  { q: "Who is Argentina's president?", expect: { all: ['Kirchner'] } },
  { q: 'How much is the Argentine debt restructuring offer worth?', expect: { any: ['102.6bn'] } },
  { q: 'What share of bondholders are expected to accept the Argentine offer?', expect: { any: ['70% to 80%', '70%'] } },
  { q: 'When could the Crossrail bill get its second reading?', expect: { date: '2005-03-16' } },
  { q: 'Who is the mayor of London?', expect: { all: ['Ken Livingstone'] } },
  { q: 'Which minister met Gazprom about energy co-operation for India?', expect: { any: ['Mani Shankar Aiyar'] } },
  { q: 'How many WTO members must back an applicant?', expect: { any: ['148'] } },
  { q: "Who is Afghanistan's envoy to the UN in Geneva?", expect: { all: ['Assad Omar'] } },
  { q: 'When will UPS start getting its A380s?', expect: { any: ['2009'] } },
  { q: 'How many A300s has Airbus delivered to UPS so far?', expect: { any: ['40'] } },
  { q: 'Where will the Oscars be held?', expect: { all: ['Los Angeles'] } },
  { q: 'When is the Scientific and Technical Awards Dinner?', expect: { date: '2005-02-12' } },
  { q: 'Who is getting the Sawyer Award?', expect: { any: ['Takuo Miyagishima', 'Miyagishima'] } },
  { q: 'When do Oasis play in Glasgow?', expect: { date: '2005-06-29' } },
  { q: 'When is the cut-off for swapping REM tickets?', expect: { date: '2005-04-01' } },
  { q: 'Where is T in the Park held?', expect: { any: ['Balado'] } },
  { q: 'When will the Budget be delivered to the Commons?', expect: { date: '2005-03-16' } },
  { q: 'Who is head of tax at Ernst & Young?', expect: { any: ["Aidan O'Carroll", 'O Carroll'] } },
  { q: 'How many ballot envelopes have been scanned in the North East?', expect: { any: ['569,072'] } },
  { q: 'Who leads the Conservatives?', expect: { all: ['Michael Howard'] } },
  { q: 'How much will the PlayStation Portable cost in Japan?', expect: { any: ['19,800 yen'] } },
  { q: 'How many pre-orders did Halo 2 get in the US?', expect: { any: ['1.5 million'] } },
  { q: 'Who is the US Secretary of State?', expect: { any: ['Condoleezza Rice'] } },
  { q: 'When will Croatia start EU accession talks?', expect: { date: '2005-04' } },
  { q: 'Who is the Turkish prime minister?', expect: { any: ['Erdogan'] } },
  { q: 'What is the price of Gran Turismo 4?', expect: 'decline' },
  { q: 'Who is the chairman of Airbus?', expect: 'decline' },
  { q: 'When will the Sony PSP launch in Europe?', expect: 'decline' },
  { q: 'How many people attended the Glasgow Green gig?', expect: 'decline' },
];

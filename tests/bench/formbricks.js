// The same twelve questions and answers as the widget (English catalog), as Formbricks
// single-choice questions shown one at a time (its renderer always shows one question per
// card), no welcome card (as SurveyJS), a thank-you card at the end, Formbricks branding off.
// The production UMD build a host would load from its own server; nothing leaves the machine.
const question = (id, headline, labels) => ({
  id,
  type: "multipleChoiceSingle",
  headline,
  required: true,
  shuffleOption: "none",
  // Choice ids become element ids, so they are unique on the page.
  choices: labels.map((label, i) => ({ id: `${id}-${i}`, label })),
});

const fbSurvey = {
  id: "ai-readiness-bench",
  name: "Where does your team stand with AI?",
  type: "link",
  status: "inProgress",
  welcomeCard: { enabled: false },
  // The thank-you card's headline is the end screen the benchmark waits for.
  thankYouCard: { enabled: true, headline: "Done: thank you." },
  hiddenFields: { enabled: false },
  styling: {},
  autoClose: null,
  redirectUrl: null,
  questions: [
  question("access.fit", "How many of your people have an AI tool that suits the work they actually do?", [
    "Almost none",
    "A few, mostly tools they found themselves",
    "About half",
    "Most of them",
    "Everyone, with tools matched to their tasks",
  ]),
  question("access.guidance", "Do people know which data they may use with AI?", [
    "No, they guess",
    "Only informal advice",
    "There are written rules few have read",
    "Clear rules with examples that everyone knows",
  ]),
  question("access.reach", "Can people use AI inside the tools where their work happens?", [
    "No, only on a separate website",
    "In one or two tools",
    "In most of their daily tools",
    "Wherever the work is done",
  ]),
  question("usage.weekly", "In a typical week, how many of them use AI on a real work task?", [
    "Almost none",
    "A handful",
    "About half",
    "Most",
    "Nearly everyone",
  ]),
  question("usage.workflows", "Is AI part of any recurring workflow, such as reports, reviews or tickets?", [
    "No",
    "Only as one person's private habit",
    "In one or two shared workflows",
    "In several, written down and shared",
  ]),
  question("usage.setback", "When someone gets a poor first result from AI, what usually happens next?", [
    "They quietly stop using it",
    "They retry on their own",
    "They ask a colleague",
    "Someone helps them fix it that same week",
  ]),
  question("capability.better", "Can your team show work that is measurably better with AI than without?", [
    "Nobody has checked",
    "We believe so, without evidence",
    "A few measured examples",
    "Yes, measured on our main tasks",
  ]),
  question("capability.knowhow", "Do people know how to get good AI results on their own tasks?", [
    "Rarely",
    "A few experts do",
    "Many do, but unevenly",
    "Most do, and they share what works",
  ]),
  question("capability.coaching", "How do people learn to use AI well for their job?", [
    "They are left to figure it out",
    "Generic online courses",
    "Occasional workshops",
    "Coaching on their own real work",
  ]),
  question("visibility.leaders", "Can leaders see AI use and results by team and by person?", [
    "No",
    "Only licence and login counts",
    "Stories from a few teams",
    "Yes, for every team and person",
  ]),
  question("visibility.measures", "What do you measure to judge whether AI is working?", [
    "Nothing yet",
    "Logins and seats",
    "How often it is used",
    "Results: time saved, quality, outcomes",
  ]),
  question("visibility.stuck", "How soon would you notice a team that is stuck with AI?", [
    "We would not notice",
    "At a quarterly review, maybe",
    "Within its first ninety days",
    "Within weeks, and someone steps in",
  ]),
  ],
};

// Every response the renderer reports ({data: {[questionId]: label}, ttc, finished}), so the
// benchmark can check that its picks were taken.
const fbResponses = [];
window.formbricksSurveys.renderSurveyInline({
  survey: fbSurvey,
  containerId: "survey",
  brandColor: "#1d4ed8",
  isBrandingEnabled: false,
  onResponse: (response) => fbResponses.push(response),
});

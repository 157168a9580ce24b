// The same twelve questions and answers as the widget (English catalog), as SurveyJS
// radiogroups, one per page, with a progress bar like the widget's; the production (min) builds
// a host would load.
const page = (name, title, choices) => ({
  elements: [{ type: "radiogroup", name, title, isRequired: true, choices }],
});

const json = {
  title: "Where does your team stand with AI?",
  showProgressBar: true,
  progressBarLocation: "top",
  // data-result marks the end for the benchmark, as on the widget and the floor.
  completedHtml: "<p data-result>Done: thank you.</p>",
  pages: [
    page("access.fit", "How many of your people have an AI tool that suits the work they actually do?", [
      "Almost none",
      "A few, mostly tools they found themselves",
      "About half",
      "Most of them",
      "Everyone, with tools matched to their tasks",
    ]),
    page("access.guidance", "Do people know which data they may use with AI?", [
      "No, they guess",
      "Only informal advice",
      "There are written rules few have read",
      "Clear rules with examples that everyone knows",
    ]),
    page("access.reach", "Can people use AI inside the tools where their work happens?", [
      "No, only on a separate website",
      "In one or two tools",
      "In most of their daily tools",
      "Wherever the work is done",
    ]),
    page("usage.weekly", "In a typical week, how many of them use AI on a real work task?", [
      "Almost none",
      "A handful",
      "About half",
      "Most",
      "Nearly everyone",
    ]),
    page("usage.workflows", "Is AI part of any recurring workflow, such as reports, reviews or tickets?", [
      "No",
      "Only as one person's private habit",
      "In one or two shared workflows",
      "In several, written down and shared",
    ]),
    page("usage.setback", "When someone gets a poor first result from AI, what usually happens next?", [
      "They quietly stop using it",
      "They retry on their own",
      "They ask a colleague",
      "Someone helps them fix it that same week",
    ]),
    page("capability.better", "Can your team show work that is measurably better with AI than without?", [
      "Nobody has checked",
      "We believe so, without evidence",
      "A few measured examples",
      "Yes, measured on our main tasks",
    ]),
    page("capability.knowhow", "Do people know how to get good AI results on their own tasks?", [
      "Rarely",
      "A few experts do",
      "Many do, but unevenly",
      "Most do, and they share what works",
    ]),
    page("capability.coaching", "How do people learn to use AI well for their job?", [
      "They are left to figure it out",
      "Generic online courses",
      "Occasional workshops",
      "Coaching on their own real work",
    ]),
    page("visibility.leaders", "Can leaders see AI use and results by team and by person?", [
      "No",
      "Only licence and login counts",
      "Stories from a few teams",
      "Yes, for every team and person",
    ]),
    page("visibility.measures", "What do you measure to judge whether AI is working?", [
      "Nothing yet",
      "Logins and seats",
      "How often it is used",
      "Results: time saved, quality, outcomes",
    ]),
    page("visibility.stuck", "How soon would you notice a team that is stuck with AI?", [
      "We would not notice",
      "At a quarterly review, maybe",
      "Within its first ninety days",
      "Within weeks, and someone steps in",
    ]),
  ],
};

const survey = new Survey.Model(json);
survey.render(document.getElementById("survey"));

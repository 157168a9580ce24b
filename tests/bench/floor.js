// The floor's behaviour: a live "n of 12 answered" counter and a submit that shows a done line.
// Plain DOM, no framework: the least any assessment page has to do.
const form = document.getElementById("assessment");
const progress = document.getElementById("progress");
const done = document.getElementById("done");
const total = form.querySelectorAll("fieldset").length;

function answered() {
  return new Set(
    [...form.querySelectorAll("input[type=radio]:checked")].map((input) => input.name),
  ).size;
}

form.addEventListener("change", () => {
  progress.textContent = `${answered()} of ${total} answered`;
});

form.addEventListener("submit", (event) => {
  // `required` on the radios stops an incomplete form before this; nothing leaves the page.
  event.preventDefault();
  form.hidden = true;
  done.hidden = false;
});

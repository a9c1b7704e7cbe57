// What the surrounding form posts, and how many change events the element sent.
const form = document.getElementById("portal");
const element = document.querySelector("ilm-form");
let changes = 0;
element.addEventListener("change", () => {
  changes += 1;
  document.getElementById("changes").textContent = String(changes);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  document.getElementById("posted").textContent = new FormData(form).get("sessionRecord");
});

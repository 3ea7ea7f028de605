// Remember the language a reader picks, so that the site's front page
// (_build/html/index.html) sends them to it next time.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.language-link[data-language]");
  if (link) {
    try {
      localStorage.setItem("mishixiang-language", link.dataset.language);
    } catch (e) {
      // storage disabled: the switcher still works, the choice is not kept
    }
  }
});

// Remember the language a reader picks, so that the site's front page
// (_build/html/index.html) sends them to it next time.  The key is the
// profile's (editions.publish.frontpage.storage_key), on the edition bar.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.language-link[data-language]");
  const bar = event.target.closest("[data-storage-key]");
  if (link && bar) {
    try {
      localStorage.setItem(bar.dataset.storageKey, link.dataset.language);
    } catch (e) {
      // storage disabled: the switcher still works, the choice is not kept
    }
  }
});

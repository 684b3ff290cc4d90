// Per-browser display preferences (dark mode). Nothing personal: only the choice itself.
const darkModeKey = "dashboard.darkMode";

export function getDarkMode() {
  return localStorage.getItem(darkModeKey) === "true";
}

export function setDarkMode(value) {
  localStorage.setItem(darkModeKey, value ? "true" : "false");
}

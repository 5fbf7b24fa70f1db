// The router: #/search?q=..., #/article/ID[?fact=F], #/entity/ID, #/figures?q=..., #/map, #/timeline, #/cluster/ID.
import { api, dec, fail, fill, h, loading } from "./util.js";
import { showSearch } from "./search.js";
import { showArticle } from "./article.js";
import { showEntity } from "./entity.js";
import { showFigures } from "./figures.js";
import { showMap } from "./map.js";
import { showTimeline } from "./timeline.js";
import { showCluster } from "./cluster.js";

const routes = {
  "": showSearch, search: showSearch, article: showArticle, entity: showEntity,
  figures: showFigures, map: showMap, timeline: showTimeline, cluster: showCluster,
};

export const config = { tiles: null };

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").map(dec);
  return { name: parts[0] || "", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}

async function render() {
  const view = document.getElementById("view");
  document.body.dataset.ready = "0";
  try {
    const { name, arg, params } = parseHash();
    const show = routes[name];
    document.body.dataset.view = name || "search";
    if (!show) {
      fill(view, h("p", { class: "error" }, "No such page."));
      return;
    }
    if (show !== showSearch) document.getElementById("search-input").value = "";
    loading(view);
    await show(view, arg, params);
  } catch (err) {
    fail(view, err);
  } finally {
    document.body.dataset.ready = "1";
  }
}

async function start() {
  const form = document.getElementById("search-form");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    location.hash = "#/search?q=" + encodeURIComponent(q);
  });
  try {
    const st = await api("stats");
    config.tiles = st.config.tiles;
    document.getElementById("foot").textContent =
      `${st.articles} articles · ${st.entities} entities · ${st.quotes} quotes · ${st.numbers} figures · ` +
      `${st.places} places · ${st.events} events`;
  } catch (err) {
    document.getElementById("foot").textContent = "The API did not answer: " + err.message;
  }
  window.addEventListener("hashchange", render);
  render();
}

start();

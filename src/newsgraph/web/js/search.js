// Search over articles and quotes (and entity names), with counts and highlighted matches.
import { api, articleLink, enc, entityLink, fill, h, highlight, link, terms } from "./util.js";

export async function showSearch(view, _arg, params) {
  const q = (params.get("q") || "").trim();
  document.getElementById("search-input").value = q;
  const words = terms(q);
  const [arts, quotes, ents] = await Promise.all([
    api("articles", { q, limit: 50 }),
    api("quotes", { q, limit: 50 }),
    q ? api("entities", { q, limit: 12 }) : api("entities", { limit: 12 }),
  ]);
  const head = q
    ? h("h1", {}, "Results for ", h("q", {}, q))
    : h("h1", {}, "Latest articles");
  fill(view, 
    head,
    entityStrip(ents, q),
    h("div", { class: "columns" },
      h("section", { id: "article-results" },
        h("h2", {}, "Articles ", h("span", { class: "count", id: "article-count" }, arts.total ?? arts.items.length)),
        arts.items.length ? h("ol", { class: "results" }, arts.items.map((a) => articleItem(a, words)))
          : h("p", { class: "muted" }, "No article matches."),
        more("articles", { q, limit: 50 }, arts.next, (a) => articleItem(a, words))),
      h("section", { id: "quote-results" },
        h("h2", {}, "Quotes ", h("span", { class: "count", id: "quote-count" }, quotes.total ?? quotes.items.length)),
        quotes.items.length ? h("ol", { class: "results" }, quotes.items.map((x) => quoteItem(x, words)))
          : h("p", { class: "muted" }, "No quote matches."),
        more("quotes", { q, limit: 50 }, quotes.next, (x) => quoteItem(x, words)))),
  );
}

function entityStrip(ents, q) {
  if (!ents.items.length) return null;
  return h("p", { class: "entity-strip" }, q ? "Entities: " : "Most mentioned: ",
    ents.items.map((e) => h("span", { class: `chip t-${e.type}` }, entityLink(e.id, e.name),
      h("small", {}, ` ${e.type} · ${e.articles}`))));
}

function articleItem(a, words) {
  return h("li", { class: "result", "data-id": a.id },
    h("div", { class: "result-title" }, link(`#/article/${enc(a.id)}`, highlight(a.title || untitled(a.lead), words))),
    h("div", { class: "meta" }, [a.published || "undated", a.source].filter(Boolean).join(" · ")),
    h("p", { class: "snippet" }, highlight(a.snippet, words)));
}

function quoteItem(x, words) {
  return h("li", { class: "result quote-result" },
    h("blockquote", {}, highlight(x.text, words)),
    h("div", { class: "meta" }, "— ", x.speaker_name ? entityLink(x.speaker_id, x.speaker_name) : "unattributed",
      ", ", articleLink(x.article, x.title, x.published)));
}

function untitled(lead) {
  const s = (lead || "").trim();
  return s.length > 70 ? s.slice(0, 69) + "…" : s || "Untitled article";
}

// A "More" button that appends the next page of a list to the list above it.
function more(path, params, cursor, item) {
  if (!cursor) return null;
  const btn = h("button", { class: "more", type: "button" }, "More");
  btn.addEventListener("click", async () => {
    btn.disabled = true;
    const page = await api(path, { ...params, cursor });
    btn.previousElementSibling.append(...page.items.map(item));
    if (page.next) { cursor = page.next; btn.disabled = false; } else btn.remove();
  });
  return btn;
}

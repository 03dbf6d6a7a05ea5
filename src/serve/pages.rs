//! The pages of the live preview: the index of the set, each document, the changes, the located
//! diagnostic that stands in for them while the terms do not render, and "not found". Every page
//! carries the preview's own style and script ([`with_preview`]); nothing here is ever written to
//! the files `render` writes.

use std::fmt::Write;

use crate::diagnostics::Diagnostic;
use crate::diff::{self, Comparison};
use crate::html::escape_text;
use crate::pipeline::RenderedSet;
use crate::preview;

/// Marks every element the preview adds, so a test can tell the preview's additions from the
/// documents' own text.
pub const MARK: &str = "secdraft-preview";

/// The preview's style: its bar of links, fixed at the top, and the diagnostic's report.
const STYLE: &str = "#secdraft-preview-bar { position: sticky; top: 0; z-index: 10; \
    font: 13px/1.6 system-ui, sans-serif; background: #f3f3f0; border-bottom: 1px solid #ccc; \
    padding: 4px 10px; margin: 0 0 12px 0; }\n\
    #secdraft-preview-bar a { margin-right: 14px; }\n\
    #secdraft-preview-bar .generation { float: right; color: #666; }\n\
    .secdraft-preview-page { font: 15px/1.5 system-ui, sans-serif; max-width: 64em; margin: 0 auto; }\n\
    .secdraft-preview-page table { border-collapse: collapse; }\n\
    .secdraft-preview-page td, .secdraft-preview-page th { border-bottom: 1px solid #ddd; \
    padding: 4px 12px 4px 0; text-align: left; vertical-align: top; white-space: nowrap; }\n\
    .secdraft-preview-page td:nth-child(2) { white-space: normal; }\n\
    pre.secdraft-preview-diagnostic { background: #fff4f4; border: 1px solid #d99; padding: 10px; \
    overflow-x: auto; font: 13px/1.4 monospace; }";

/// The preview's script. It listens to `/events`, which sends the generation of the set (one
/// more at each re-render, good or bad) when it connects and after each save. When that is not
/// the generation the page shows, it fetches the page again and swaps the new body in for the
/// old one, keeping the scroll position (the one the document had, through any diagnostic shown
/// meanwhile); the script and the event stream stay as they are. A save during a fetch is
/// fetched after it; a fetch that fails is tried again. `secdraftEventAt` and `secdraftSwappedAt` (epoch
/// milliseconds) are what `scripts/serve-latency` reads.
const SCRIPT: &str = r#"(function () {
  var shown = GENERATION, fetching = false, again = false;
  var kept = { x: window.scrollX, y: window.scrollY };
  function failing() { return document.querySelector(".secdraft-preview-diagnostic") !== null; }
  window.addEventListener("scroll", function () {
    if (!failing()) { kept = { x: window.scrollX, y: window.scrollY }; }
  });
  function swap() {
    if (fetching) { again = true; return; }
    fetching = true;
    // A fetch that fails, or has no answer within ten seconds, is tried again a second later:
    // the page never stays behind the set without saying so.
    var failed = false, abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, 10000);
    fetch(location.href, { cache: "no-store", signal: abort.signal })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        document.title = page.title;
        document.documentElement.replaceChild(document.adoptNode(page.body), document.body);
        if (!failing()) { window.scrollTo(kept.x, kept.y); }
        window.secdraftSwappedAt = Date.now();
      })
      .catch(function () { failed = true; })
      .then(function () {
        clearTimeout(timer);
        fetching = false;
        if (failed) { again = false; setTimeout(swap, 1000); }
        else if (again) { again = false; swap(); }
      });
  }
  function announced(data) {
    var generation = Number(data);
    if (generation !== shown) {
      shown = generation;
      window.secdraftEventAt = Date.now();
      swap();
    }
  }
  function listen(tell) {
    var events = new EventSource("/events");
    events.onmessage = function (event) {
      if (tell) { tell.postMessage(event.data); }
      announced(event.data);
    };
    // A stream answered with an error status is closed for good, not retried by the browser:
    // listen again, since the other tabs hear of each render only through this one.
    events.onerror = function () {
      if (events.readyState === EventSource.CLOSED) { setTimeout(function () { listen(tell); }, 500); }
    };
  }
  // A browser opens at most six connections to a host over HTTP/1.1, and an event stream holds
  // one while its page is open: so one tab of the preview listens, under a lock, and passes each
  // render on to the others; when it closes, the lock goes to another tab, which listens.
  if (window.BroadcastChannel && navigator.locks) {
    var channel = new BroadcastChannel("secdraft-serve");
    channel.onmessage = function (message) { announced(message.data); };
    navigator.locks.request("secdraft-serve-events", function () {
      listen(channel);
      return new Promise(function () {});
    });
  } else {
    listen(null);
  }
})();"#;

/// What stands in the head of every page: the preview's style and script, for `generation`.
fn head(generation: u64) -> String {
    format!(
        "<style id=\"{MARK}-style\">\n{STYLE}\n</style>\n<script id=\"{MARK}-script\">\n{}\n</script>\n",
        SCRIPT.replace("GENERATION", &generation.to_string())
    )
}

/// The bar of links at the top of every page.
fn bar(generation: u64) -> String {
    format!(
        "<div id=\"{MARK}-bar\"><a href=\"/\">Documents</a><a href=\"/changes\">Changes</a>\
         <span class=\"generation\">secdraft serve &middot; render {generation}</span></div>\n"
    )
}

/// `page` (a whole HTML page, as a document renders or as the preview makes it) with the
/// preview's style and script in its head and its bar of links opening its body. A page with
/// no head or body is given them around it.
pub fn with_preview(page: &str, generation: u64) -> String {
    let head = head(generation);
    let bar = bar(generation);
    let mut out = String::with_capacity(page.len() + head.len() + bar.len() + 64);
    let Some(head_end) = page.find("</head>") else {
        let _ = write!(out, "<html>\n<head>\n{head}</head>\n<body>\n{bar}{page}</body>\n</html>\n");
        return out;
    };
    out.push_str(&page[..head_end]);
    out.push_str(&head);
    let rest = &page[head_end..];
    // The bar goes just inside the body's opening tag, whatever its attributes.
    match rest.find("<body").and_then(|at| rest[at..].find('>').map(|end| at + end + 1)) {
        Some(body_open) => {
            out.push_str(&rest[..body_open]);
            out.push('\n');
            out.push_str(&bar);
            out.push_str(&rest[body_open..]);
        }
        None => out.push_str(rest),
    }
    out
}

/// The EDGAR `page` of a document with `body` (its annotated body, from [`crate::preview`]) in
/// place of its own, and the annotations' style and script in its head.
pub fn annotated(page: &str, body: &str) -> String {
    let extras = format!(
        "<style id=\"{MARK}-annotations\">{}</style>\n<script>{}</script>\n",
        preview::STYLE,
        preview::SCRIPT
    );
    let head_end = page.find("</head>");
    let body_start = page.find("<body").and_then(|at| page[at..].find('>').map(|end| at + end + 1));
    let body_end = page.rfind("</body>");
    match (head_end, body_start, body_end) {
        (Some(head_end), Some(start), Some(end)) if head_end < start && start <= end => {
            let start = if page[start..].starts_with('\n') { start + 1 } else { start };
            format!("{}{extras}{}{body}{}", &page[..head_end], &page[head_end..start], &page[end..])
        }
        _ => format!("<html>\n<head>\n{extras}</head>\n<body>\n{body}</body>\n</html>\n"),
    }
}

/// A page the preview makes, around `body` (HTML).
fn preview_page(title: &str, body: &str) -> String {
    format!(
        "<html>\n<head>\n<title>{}</title>\n</head>\n<body>\n<div class=\"{MARK}-page\">\n{body}</div>\n</body>\n</html>\n",
        escaped(title)
    )
}

/// The title an EDGAR page carries in its `<title>` (escaped, as it stands there).
fn title_of(page: &str) -> Option<&str> {
    let start = page.find("<title>")? + "<title>".len();
    let end = page[start..].find("</title>")?;
    Some(&page[start..start + end])
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    escape_text(&mut out, text);
    out
}

/// How a stage is named: as the terms' own words for it.
fn stage_name(set: &RenderedSet) -> String {
    serde_json::to_value(set.filing.stage)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

/// The index: each HTML document of the set with its title, form and stage, and the render's
/// warnings. `terms` is the terms file's path.
pub fn index(set: &RenderedSet, terms: &str) -> String {
    let form = set.filing.terms().filing.form.edgar_name();
    let stage = stage_name(set);
    let name = terms.rsplit('/').next().unwrap_or(terms);
    let mut body = format!("<h1>{}</h1>\n", escaped(name));
    let _ = writeln!(
        body,
        "<p><code>{}</code>: {} documents, form {form}, stage {stage}. Each page follows the terms \
         file: save it and the page shows the new text.</p>",
        escaped(terms),
        set.files.iter().filter(|f| f.name.ends_with(".htm")).count()
    );
    body.push_str("<table>\n<tr><th>Document</th><th>Title</th><th>Form</th><th>Stage</th></tr>\n");
    for file in set.files.iter().filter(|f| f.name.ends_with(".htm")) {
        let page = String::from_utf8_lossy(&file.bytes);
        let title = title_of(&page).unwrap_or_default();
        let name = escaped(&file.name);
        let _ = writeln!(
            body,
            "<tr><td><a href=\"/doc/{name}\">{name}</a></td><td>{title}</td><td>{form}</td><td>{stage}</td></tr>"
        );
    }
    body.push_str("</table>\n");
    if !set.warnings.is_empty() {
        body.push_str("<h2>Warnings</h2>\n<ul>\n");
        for warning in &set.warnings {
            let _ = writeln!(body, "<li>{}</li>", escaped(warning));
        }
        body.push_str("</ul>\n");
    }
    preview_page(&format!("secdraft serve: {name}"), &body)
}

/// The page that stands in for every other while the terms (or the templates) do not render:
/// the diagnostic as `render` prints it, with its file, line, column, field path and snippet.
pub fn diagnostic(error: &Diagnostic) -> String {
    let mut body = String::from("<h1>The terms do not render</h1>\n<p><strong>");
    body.push_str(&escaped(&error.to_string()));
    body.push_str("</strong></p>\n");
    let _ = write!(
        body,
        "<pre class=\"{MARK}-diagnostic\">{}</pre>\n<p>The documents come back at the next save that renders.</p>\n",
        escaped(&error.render(false))
    );
    preview_page("secdraft serve: the terms do not render", &body)
}

/// "Not found", for a path that names no page or no document of the set.
pub fn not_found(path: &str) -> String {
    let body = format!(
        "<h1>Not found</h1>\n<p>No page at <code>{}</code>. <a href=\"/\">The documents of the set</a>.</p>\n",
        escaped(path)
    );
    preview_page("secdraft serve: not found", &body)
}

/// The changes: each document with its count of changes against the base, linked to its
/// blackline, and the changelog of terms and figures.
pub fn changes(comparison: &Comparison) -> String {
    let mut body = String::from("<h1>Changes</h1>\n<table>\n<tr><th>Document</th><th>Changes</th></tr>\n");
    for (name, count) in &comparison.summary {
        let count = match count {
            Some(n) => n.to_string(),
            None => "on one side only".to_owned(),
        };
        let name = escaped(name);
        let _ = writeln!(body, "<tr><td><a href=\"/changes/{name}\">{name}</a></td><td>{count}</td></tr>");
    }
    body.push_str("</table>\n");
    if let Some(log) = comparison.files.iter().find(|f| f.name == diff::CHANGELOG) {
        let _ = writeln!(body, "<pre>{}</pre>", escaped(&String::from_utf8_lossy(&log.bytes)));
    }
    preview_page("secdraft serve: changes", &body)
}

/// The blackline of the document `name` against the base, as `diff` writes it.
pub fn blackline(comparison: &Comparison, name: &str) -> Option<String> {
    let names = diff::blackline_names(comparison.summary.iter().map(|(name, _)| name));
    let file = names.get(name)?;
    let bytes = &comparison.files.iter().find(|f| &f.name == file)?.bytes;
    Some(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_goes_in_the_head_and_opens_the_body() {
        let page = crate::html::page("Offer", "<p>text</p>\n");
        let shown = with_preview(&page, 7);
        assert!(shown.contains("<title>Offer</title>\n<style id=\"secdraft-preview-style\">"), "{shown}");
        assert!(shown.contains("var shown = 7,"), "{shown}");
        let body = shown.find("<body").unwrap();
        assert!(shown[body..].contains(">\n<div id=\"secdraft-preview-bar\">"), "{shown}");
        assert!(shown.ends_with("<p>text</p>\n</body>\n</html>\n"), "{shown}");
        assert!(!page.contains(MARK));
    }

    #[test]
    fn a_page_without_a_head_is_given_one() {
        let shown = with_preview("<p>bare</p>", 1);
        assert!(shown.starts_with("<html>\n<head>\n<style"), "{shown}");
        assert!(shown.contains("<p>bare</p></body>"), "{shown}");
    }
}

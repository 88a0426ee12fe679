using System.Net;

namespace Polder.Service.Api;

/// <summary>
/// The live page of one community: the key figures as tiles (<c>data-key</c> as in the report), filled and refreshed
/// every few seconds by a small same-origin script from <c>/communities/{id}/figures</c>. Self-contained: inline CSS and
/// script, nothing fetched from elsewhere (a Content-Security-Policy says so).
/// </summary>
public static class LivePage
{
    /// <summary>The Content-Security-Policy sent with the page.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; connect-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";

    /// <summary>The page for <paramref name="community"/> (a valid <see cref="CommunityId"/>).</summary>
    public static string Html(string community, int refreshSeconds = 5)
    {
        var id = WebUtility.HtmlEncode(community);
        return $$"""
<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Polder live: {{id}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #f6f7f9; }
h1 { font-size: 1.4rem; } #status { color: #666; font-size: .85rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .8rem; }
.tile { background: #fff; border-radius: .5rem; padding: .8rem 1rem; box-shadow: 0 1px 2px #0002; }
.tile .value { font-size: 1.8rem; font-weight: 600; } .tile .label { color: #555; font-size: .85rem; }
</style>
</head>
<body data-community="{{id}}">
<h1>Polder live — {{id}}</h1>
<p id="status" data-state="loading">laden…</p>
<div class="tiles" id="tiles"></div>
<script>
"use strict";
const community = document.body.dataset.community;
function show(value, unit) {
  if (value === null) return "–";
  if (unit === "%") return (100 * value).toLocaleString("nl-NL", { maximumFractionDigits: 1 }) + " %";
  if (unit === "h") return value.toLocaleString("nl-NL", { maximumFractionDigits: 1 }) + " u";
  return value.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
}
function tile(f) {
  let t = document.querySelector(`.tile[data-key="${f.key}"]`);
  if (!t) {
    t = document.createElement("div"); t.className = "tile"; t.dataset.key = f.key;
    const v = document.createElement("div"); v.className = "value";
    const l = document.createElement("div"); l.className = "label"; l.textContent = f.label;
    t.append(v, l); document.getElementById("tiles").append(t);
  }
  t.dataset.value = f.value === null ? "" : String(f.value);
  t.querySelector(".value").textContent = show(f.value, f.unit);
}
async function refresh() {
  const status = document.getElementById("status");
  try {
    const r = await fetch(`/communities/${encodeURIComponent(community)}/figures`, { cache: "no-store" });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const data = await r.json();
    data.key_figures.forEach(tile);
    status.dataset.state = "live";
    status.dataset.posts = String(data.posts);
    status.textContent = `${data.posts.toLocaleString("nl-NL")} berichten — bijgewerkt ${new Date().toLocaleTimeString("nl-NL")}`;
  } catch (e) {
    status.dataset.state = "error";
    status.textContent = "niet bereikbaar (" + e.message + ")";
  }
}
refresh();
setInterval(refresh, {{refreshSeconds * 1000}});
</script>
</body>
</html>
""";
    }
}

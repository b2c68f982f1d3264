using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ooda.Web.Internal;

/// <summary>The page frame: one inline stylesheet allowed by its hash in the CSP, the navigation for the user's role, no script.</summary>
internal static class Layout
{
    public const string Style = """
        :root{--fg:#1d2329;--muted:#5b6670;--line:#d7dde3;--bg:#f6f8fa;--accent:#0b5cad;--crit:#a4161a;--high:#d9480f;--med:#b08900;--low:#2f7d32}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;gap:1.2em;align-items:center;background:#16202a;color:#fff;padding:.55em 1.2em}
        header a{color:#dfe9f3;text-decoration:none}header a:hover{text-decoration:underline}header .brand{font-weight:700;color:#fff;margin-right:1em}
        header .who{margin-left:auto;color:#aab7c4}header form{display:inline}header button{background:none;border:1px solid #5b6670;color:#dfe9f3;border-radius:4px;cursor:pointer}
        main{padding:1em 1.4em;max-width:1500px}h1{font-size:1.35em;margin:.2em 0 .6em}h2{font-size:1.1em;margin:1.2em 0 .4em}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}th,td{padding:.32em .55em;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:#eef2f6;font-weight:600}tr.mark td{background:#fff4e5}td.wrap{word-break:break-all}code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
        .sev{display:inline-block;padding:0 .45em;border-radius:3px;color:#fff;font-size:12px;font-weight:600}.sev-critical{background:var(--crit)}.sev-high{background:var(--high)}
        .sev-medium{background:var(--med)}.sev-low{background:var(--low)}.sev-informational,.sev-none{background:#6c757d}
        .tabs{display:flex;gap:.3em;margin:.4em 0 1em}.tabs a{padding:.3em .8em;border:1px solid var(--line);border-radius:4px 4px 0 0;background:#fff;text-decoration:none;color:var(--accent)}
        .tabs a.on{background:var(--accent);color:#fff}.muted{color:var(--muted)}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.8em 1em;margin:.6em 0}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:.6em}.stat{font-size:1.6em;font-weight:700}
        ul.tree{list-style:none;padding-left:1.2em;margin:0;border-left:1px dotted #9aa5b1}ul.tree li{margin:.15em 0}.hit{background:#ffe3e3}
        .diff-add{color:#1b5e20}.diff-del{color:#a4161a}.diff-chg{color:#8a6100}img.graph{max-width:100%;background:#fff;border:1px solid var(--line)}
        form.inline{display:inline}button,input[type=submit]{padding:.25em .8em;border-radius:4px;border:1px solid #8a98a6;background:#fff;cursor:pointer}
        button.ok{background:#1b5e20;color:#fff;border-color:#1b5e20}button.no{background:#a4161a;color:#fff;border-color:#a4161a}
        .login{max-width:360px;margin:8vh auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:1.4em}.login input{width:100%;padding:.4em;margin:.2em 0 .8em}
        .error{color:var(--crit);font-weight:600}a{color:var(--accent)}
        """;

    public static readonly string StyleHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    /// <summary>A whole page for a signed-in user.</summary>
    public static IResult Page(ConsoleUser user, string title, string section, Action<Html> body, int status = StatusCodes.Status200OK)
    {
        var h = Start(title);
        h.Open("header").Link("/", "Ooda console", "brand");
        foreach (var (path, name, key) in Sections(user))
            h.Open("a", ("href", path), ("class", key == section ? "on" : null)).Text(name).Close("a");
        h.Open("span", ("class", "who")).Text($"{user.Name} · {user.Role}" + (user.Tenants.Count > 0 ? " · " + string.Join(", ", user.Tenants) : string.Empty)).Close("span");
        if (user.Method == ConsoleUser.ByCookie)
            h.Form("/logout", user.CsrfToken, f => f.Element("button", "Sign out", ("type", "submit")));
        h.Close("header").Open("main");
        body(h);
        h.Close("main");
        return End(h, status);
    }

    /// <summary>A page outside the signed-in frame (the sign-in form).</summary>
    public static IResult Bare(string title, Action<Html> body, int status = StatusCodes.Status200OK)
    {
        var h = Start(title);
        body(h);
        return End(h, status);
    }

    public static void Severity(Html h, string severity) =>
        h.Element("span", severity, ("class", "sev sev-" + (severity is "critical" or "high" or "medium" or "low" ? severity : "none")));

    private static IEnumerable<(string Path, string Name, string Key)> Sections(ConsoleUser user)
    {
        if (!user.IsCustomer)
        {
            yield return ("/", "Exposure", "exposure");
            yield return ("/leads", "Leads", "leads");
            yield return ("/cases", "Cases", "cases");
            yield return ("/runbooks", "Runbooks", "runbooks");
        }

        yield return ("/approvals", "Approvals", "approvals");
        yield return ("/reports", "Reports", "reports");
    }

    private static Html Start(string title)
    {
        var h = new Html().Trusted("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Element("title", title + " · Ooda");
        return h.Trusted("<style>" + Style + "</style></head><body>");
    }

    private static IResult End(Html h, int status)
    {
        h.Trusted("</body></html>");
        return Results.Content(h.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}

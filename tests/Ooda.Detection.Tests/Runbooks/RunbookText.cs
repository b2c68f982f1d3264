namespace Ooda.Detection.Tests.Runbooks;

/// <summary>Small valid runbooks for tests, varied by one field at a time.</summary>
internal static class RunbookText
{
    public static string Minimal(string id = "demo-threat", string version = "1.0.0", string extra = "") => $"""
        id: {id}
        title: A demo threat
        version: {version}
        changelog:
          - version: {version}
            date: 2026-11-28
            changes: [first]
        ttps:
          - technique: T1190
            note: exploit
        iocs:
          - type: ip
            value: 203.0.113.7
        hunts:
          - id: web-exploit
            title: Exploit request
            techniques: [T1190]
            severity: high
            sigma:
              title: Exploit request
              logsource: {"{"} category: webserver {"}"}
              detection:
                selection:
                  cs-uri-query|contains: 'evil'
                condition: selection
          - id: posts
            title: Posts
            severity: medium
            sql: SELECT tenant, host FROM events
        {extra}
        """;
}

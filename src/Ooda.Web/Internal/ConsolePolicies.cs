namespace Ooda.Web.Internal;

/// <summary>Authorization policies by role; tenant scope is checked per object on top of these.</summary>
internal static class ConsolePolicies
{
    /// <summary>Admins and analysts: exposure, leads, cases, runbooks, ingest.</summary>
    public const string Investigate = "investigate";

    /// <summary>Every signed-in role: approvals and reports (customers see their own tenant's only).</summary>
    public const string Collaborate = "collaborate";
}
